'use client';

import { useActionState, useState } from 'react';
import { useTranslations } from 'next-intl';
import { createDepositBatchAction } from '@/actions/receivables';
import { FormMessage, TextField } from '@/components/form/fields';
import { idleState } from '@/actions/action-state';

/** A new deposit batch: its date, the total announced on the deposit slip, its reference. */
export function BatchForm({ today }: { today: string }) {
  const t = useTranslations('batches');
  const [state, action, isPending] = useActionState(createDepositBatchAction, idleState);
  const [values, setValues] = useState({ depositDate: today, announced: '', reference: '' });
  const errors = state.status === 'error' ? state.fieldErrors : {};
  const bind = (name: keyof typeof values) => ({
    name,
    value: values[name],
    onChange: (event: { target: { value: string } }) => setValues((all) => ({ ...all, [name]: event.target.value })),
    errors: errors[name],
  });
  return (
    <form action={action} className="form" aria-labelledby="batch-title">
      <h2 id="batch-title">{t('newBatch')}</h2>
      <div className="form-grid">
        <TextField label={t('depositDate')} type="date" required isNarrow {...bind('depositDate')} />
        <TextField label={t('announced')} inputMode="decimal" required isNarrow {...bind('announced')} />
        <TextField label={t('reference')} maxLength={100} {...bind('reference')} />
      </div>
      <FormMessage state={state} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={isPending}>
          {t('create')}
        </button>
      </div>
    </form>
  );
}
