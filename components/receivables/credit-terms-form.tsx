'use client';

import { useActionState, useState } from 'react';
import { useTranslations } from 'next-intl';
import { saveCreditTermsAction } from '@/actions/client-account';
import { FormMessage, SelectField, TextField } from '@/components/form/fields';
import { idleState } from '@/actions/action-state';

export type CreditTermsValues = { creditLimit: string; holdAfterDays: string; policy: string; suspensionReason: string };

/** An administrator's credit terms for a billed client: limit, days past due, policy, suspension. */
export function CreditTermsForm({ clientNumber, initial }: { clientNumber: number; initial: CreditTermsValues }) {
  const t = useTranslations('account');
  const [values, setValues] = useState(initial);
  const [state, action, isPending] = useActionState(saveCreditTermsAction, idleState);
  const errors = state.status === 'error' ? state.fieldErrors : {};
  const bind = (name: keyof CreditTermsValues) => ({
    name,
    value: values[name],
    onChange: (event: { target: { value: string } }) => setValues((all) => ({ ...all, [name]: event.target.value })),
    errors: errors[name],
  });
  return (
    <form action={action} className="form" aria-labelledby="credit-terms-title">
      <h2 id="credit-terms-title">{t('creditTitle')}</h2>
      <input type="hidden" name="clientNumber" value={clientNumber} />
      <div className="form-grid">
        <TextField label={t('creditLimit')} inputMode="decimal" isNarrow {...bind('creditLimit')} />
        <TextField label={t('holdAfterDays')} inputMode="numeric" isNarrow {...bind('holdAfterDays')} />
        <SelectField
          label={t('policy')}
          options={(['none', 'warn', 'block'] as const).map((value) => ({ value, label: t(`policies.${value}`) }))}
          {...bind('policy')}
        />
        <TextField label={t('suspension')} hint={t('suspensionHint')} maxLength={500} {...bind('suspensionReason')} />
      </div>
      <FormMessage state={state} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={isPending}>
          {t('saveCredit')}
        </button>
      </div>
    </form>
  );
}
