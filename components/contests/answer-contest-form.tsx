'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { answerContestAction } from '@/actions/call-contests';
import { ActionForm, useActionForm } from '@/components/form/action-form';
import { bindFields } from '@/components/form/bind-fields';
import { SelectField, TextAreaField, TextField } from '@/components/form/fields';
import { CONTEST_DECISIONS } from '@/lib/contests/contest-input';

/**
 * The billing clerk's answer to a contest: accepted or refused, the answer the client reads, and
 * for an invoiced call accepted, the credit note of its invoice that credits it.
 */
export function AnswerContestForm({ id, callNumber, invoiceNumber }: { id: number; callNumber: number; invoiceNumber: number | null }) {
  const t = useTranslations('callContests');
  const [values, setValues] = useState({ decision: 'accepted', answer: '', creditNote: '' });
  const form = useActionForm(answerContestAction);
  const { field } = bindFields(values, setValues, form.fieldErrors);
  return (
    <ActionForm
      form={form}
      fields={{ id }}
      className="form"
      aria-label={t('formLabel', { number: callNumber })}
      submit={{ label: t('submit') }}
    >
      <SelectField
        {...field('decision')}
        id={`contest-decision-${id}`}
        label={t('decision')}
        options={CONTEST_DECISIONS.map((decision) => ({ value: decision, label: t(`decisions.${decision}`) }))}
        isNarrow
      />
      <TextAreaField
        {...field('answer')}
        id={`contest-answer-${id}`}
        label={t('answer')}
        hint={t('answerHint')}
        maxLength={1000}
        rows={3}
      />
      {invoiceNumber === null ? (
        <p className="hint">{t('notInvoicedHint')}</p>
      ) : (
        <TextField
          {...field('creditNote')}
          id={`contest-credit-note-${id}`}
          label={t('creditNoteNumber')}
          hint={t('invoicedHint', { invoice: invoiceNumber })}
          inputMode="numeric"
          disabled={values.decision !== 'accepted'}
          isNarrow
        />
      )}
    </ActionForm>
  );
}
