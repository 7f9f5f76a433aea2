'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { createCreditNoteAction } from '@/actions/billing';
import { ActionForm, useActionForm } from '@/components/form/action-form';
import { bindFields } from '@/components/form/bind-fields';
import { TextField } from '@/components/form/fields';

type Line = { id: number; callNumber: number; clientNumber: number; amount: string; isCredited: boolean; isFree: boolean };

const emptyValues = { amount: '', reason: '' };

/** A credit note from an issued invoice: some of its calls and/or an amount, with a reason. */
export function CreditNoteForm({ invoiceNumber, lines }: { invoiceNumber: number; lines: Line[] }) {
  const t = useTranslations('creditForm');
  const [selected, setSelected] = useState<number[]>([]);
  const [values, setValues] = useState(emptyValues);
  const form = useActionForm(createCreditNoteAction, {
    onSuccess: () => {
      setSelected([]);
      setValues(emptyValues);
    },
  });
  const { field } = bindFields(values, setValues, form.fieldErrors);
  return (
    <ActionForm
      form={form}
      fields={{ invoiceNumber }}
      className="form credit-form"
      aria-labelledby="credit-title"
      submit={{ label: t('submit') }}
    >
      <h2 id="credit-title">{t('title')}</h2>
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
        {form.fieldErrors.lineIds ? <p className="error">{form.fieldErrors.lineIds.join(' ')}</p> : null}
      </fieldset>
      <TextField {...field('amount')} label={t('amount')} inputMode="decimal" />
      <TextField {...field('reason')} label={t('reason')} required maxLength={500} hint={t('hint')} />
    </ActionForm>
  );
}
