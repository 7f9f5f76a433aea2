'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { saveCreditTermsAction } from '@/actions/client-account';
import { ActionForm, useActionForm } from '@/components/form/action-form';
import { bindFields } from '@/components/form/bind-fields';
import { SelectField, TextField } from '@/components/form/fields';

export type CreditTermsValues = { creditLimit: string; holdAfterDays: string; policy: string; suspensionReason: string };

/** An administrator's credit terms for a billed client: limit, days past due, policy, suspension. */
export function CreditTermsForm({ clientNumber, initial }: { clientNumber: number; initial: CreditTermsValues }) {
  const t = useTranslations('account');
  const [values, setValues] = useState(initial);
  const form = useActionForm(saveCreditTermsAction);
  const { field } = bindFields(values, setValues, form.fieldErrors);
  return (
    <ActionForm
      form={form}
      fields={{ clientNumber }}
      className="form"
      aria-labelledby="credit-terms-title"
      submit={{ label: t('saveCredit') }}
    >
      <h2 id="credit-terms-title">{t('creditTitle')}</h2>
      <div className="form-grid">
        <TextField label={t('creditLimit')} inputMode="decimal" isNarrow {...field('creditLimit')} />
        <TextField label={t('holdAfterDays')} inputMode="numeric" isNarrow {...field('holdAfterDays')} />
        <SelectField
          label={t('policy')}
          options={(['none', 'warn', 'block'] as const).map((value) => ({ value, label: t(`policies.${value}`) }))}
          {...field('policy')}
        />
        <TextField label={t('suspension')} hint={t('suspensionHint')} maxLength={500} {...field('suspensionReason')} />
      </div>
    </ActionForm>
  );
}
