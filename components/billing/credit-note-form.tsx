'use client';

import { useActionState, useState } from 'react';
import { useTranslations } from 'next-intl';
import { createCreditNoteAction } from '@/actions/billing';
import { FormMessage, TextField } from '@/components/form/fields';
import { idleState } from '@/actions/action-state';

type Line = { id: number; callNumber: number; clientNumber: number; amount: string; isCredited: boolean; isFree: boolean };

/** A credit note from an issued invoice: some of its calls and/or an amount, with a reason. */
export function CreditNoteForm({ invoiceNumber, lines }: { invoiceNumber: number; lines: Line[] }) {
  const t = useTranslations('creditForm');
  const [selected, setSelected] = useState<number[]>([]);
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [state, action, isPending] = useActionState(async (previous: unknown, formData: FormData) => {
    const result = await createCreditNoteAction(previous, formData);
    if (result.status === 'success') {
      setSelected([]);
      setAmount('');
      setReason('');
    }
    return result;
  }, idleState);
  const errors = state.status === 'error' ? state.fieldErrors : {};
  return (
    <form action={action} className="form credit-form" aria-labelledby="credit-title">
      <h2 id="credit-title">{t('title')}</h2>
      <input type="hidden" name="invoiceNumber" value={invoiceNumber} />
      <fieldset>
        <legend>{t('lines')}</legend>
        <div className="credit-lines">
          {lines.map((line) => (
            <label key={line.id} className={line.isCredited || line.isFree ? 'hint' : undefined}>
              <input
                type="checkbox"
                name="lineIds"
                value={line.id}
                disabled={line.isCredited || line.isFree}
                checked={selected.includes(line.id)}
                onChange={(event) => setSelected((s) => (event.target.checked ? [...s, line.id] : s.filter((id) => id !== line.id)))}
              />{' '}
              {t('line', { call: line.callNumber, client: line.clientNumber, amount: line.amount })}
              {line.isCredited ? ` (${t('credited')})` : line.isFree ? ` (${t('free')})` : null}
            </label>
          ))}
        </div>
        {errors.lineIds ? <p className="error">{errors.lineIds.join(' ')}</p> : null}
      </fieldset>
      <TextField
        name="amount"
        label={t('amount')}
        value={amount}
        onChange={(e) => setAmount(e.target.value)}
        errors={errors.amount}
        inputMode="decimal"
      />
      <TextField
        name="reason"
        label={t('reason')}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        errors={errors.reason}
        required
        maxLength={500}
        hint={t('hint')}
      />
      <FormMessage state={state} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={isPending}>
          {t('submit')}
        </button>
      </div>
    </form>
  );
}
