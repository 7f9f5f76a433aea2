'use client';

import { useActionState, useState } from 'react';
import { useTranslations } from 'next-intl';
import { reversePaymentAction } from '@/actions/receivables';
import { FormMessage, TextField } from '@/components/form/fields';
import { idleState } from '@/actions/action-state';

/** A returned cheque: the payment reversed on a date, with the reason. */
export function ReversePaymentForm({ number, amount, today }: { number: number; amount: string; today: string }) {
  const t = useTranslations('payments');
  const [state, action, isPending] = useActionState(reversePaymentAction, idleState);
  const [reason, setReason] = useState('');
  const [reversedOn, setReversedOn] = useState(today);
  const errors = state.status === 'error' ? state.fieldErrors : {};
  return (
    <form
      action={action}
      onSubmit={(event) => {
        if (!window.confirm(t('reverseConfirm', { number, amount }))) event.preventDefault();
      }}
      className="form danger-zone"
      aria-labelledby="reverse-title"
    >
      <h2 id="reverse-title">{t('reverseTitle')}</h2>
      <input type="hidden" name="number" value={number} />
      <div className="form-grid">
        <TextField
          name="reversedOn"
          label={t('reversedOn')}
          type="date"
          value={reversedOn}
          onChange={(e) => setReversedOn(e.target.value)}
          errors={errors.reversedOn}
          required
          isNarrow
        />
        <TextField
          name="reason"
          label={t('reason')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          errors={errors.reason}
          required
          maxLength={500}
        />
      </div>
      <FormMessage state={state} />
      <div className="form-actions">
        <button type="submit" className="secondary danger" disabled={isPending}>
          {t('reverse')}
        </button>
      </div>
    </form>
  );
}
