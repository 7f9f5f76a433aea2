'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { reversePaymentAction } from '@/actions/receivables';
import { ActionForm, useActionForm } from '@/components/form/action-form';
import { bindFields } from '@/components/form/bind-fields';
import { TextField } from '@/components/form/fields';

/** A returned cheque: the payment reversed on a date, with the reason. */
export function ReversePaymentForm({ number, amount, today }: { number: number; amount: string; today: string }) {
  const t = useTranslations('payments');
  const form = useActionForm(reversePaymentAction);
  const [values, setValues] = useState({ reversedOn: today, reason: '' });
  const { field } = bindFields(values, setValues, form.fieldErrors);
  return (
    <ActionForm
      form={form}
      fields={{ number }}
      confirm={t('reverseConfirm', { number, amount })}
      className="form danger-zone"
      aria-labelledby="reverse-title"
      submit={{ label: t('reverse'), variant: 'danger' }}
    >
      <h2 id="reverse-title">{t('reverseTitle')}</h2>
      <div className="form-grid">
        <TextField {...field('reversedOn')} label={t('reversedOn')} type="date" required isNarrow />
        <TextField {...field('reason')} label={t('reason')} required maxLength={500} />
      </div>
    </ActionForm>
  );
}
