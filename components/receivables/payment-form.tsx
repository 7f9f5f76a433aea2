'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { recordPaymentAction } from '@/actions/receivables';
import { ActionForm, useActionForm } from '@/components/form/action-form';
import { bindFields } from '@/components/form/bind-fields';
import { SelectField, TextAreaField, TextField } from '@/components/form/fields';
import type { PaymentClient } from '@/lib/receivables/payment-client';
import { PAYMENT_METHODS } from '@/lib/receivables/payment-input';
import { PaymentAllocation, usePaymentAllocation } from './payment-allocation';
import { usePaymentClient } from './use-payment-client';

/**
 * Recording a payment: the billed client (a member's number proposes its head), the amount, the
 * date received, the method and reference; the client's open invoices, oldest due first, with
 * the amount applied to each — automatically, or as the clerk types it — and what stays as a
 * credit on account.
 */
export function PaymentForm({
  initialClient,
  today,
  batchId,
}: {
  initialClient: PaymentClient | null;
  today: string;
  batchId: number | null;
}) {
  const t = useTranslations('payments');
  const tr = useTranslations('receivables');
  const allocation = usePaymentAllocation();
  const lookup = usePaymentClient(initialClient, { onFound: allocation.clearTyped });
  const [values, setValues] = useState({ amount: '', receivedOn: today, method: 'cheque', reference: '', note: '' });
  const form = useActionForm(recordPaymentAction);
  const errors = form.fieldErrors;
  const { field } = bindFields(values, setValues, errors);

  return (
    <ActionForm
      form={form}
      fields={{ batchId }}
      className="form payment-form"
      aria-labelledby="payment-title"
      submit={{ label: t('save'), pendingLabel: t('saving') }}
    >
      <h2 id="payment-title" className="visually-hidden">
        {t('newTitle')}
      </h2>
      <div className="form-grid">
        <TextField
          name="clientNumber"
          label={t('clientNumber')}
          value={lookup.number}
          onChange={(event) => lookup.setNumber(event.target.value)}
          onBlur={(event) => lookup.lookUp(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              lookup.lookUp(lookup.number);
            }
          }}
          errors={errors.clientNumber ?? lookup.error}
          inputMode="numeric"
          required
          autoFocus
          isNarrow
        />
        <TextField {...field('amount')} label={t('amount')} inputMode="decimal" required isNarrow />
        <TextField {...field('receivedOn')} label={t('receivedOn')} type="date" required isNarrow />
        <SelectField
          {...field('method')}
          label={t('method')}
          options={PAYMENT_METHODS.map((value) => ({ value, label: tr(`methods.${value}`) }))}
        />
        <TextField {...field('reference')} label={t('reference')} hint={t('referenceHint')} maxLength={100} />
      </div>
      <TextAreaField {...field('note')} label={t('note')} maxLength={500} rows={2} />

      {lookup.isLooking ? <p role="status">…</p> : null}
      {lookup.client ? (
        <PaymentAllocation
          client={lookup.client}
          amount={values.amount}
          batchId={batchId}
          allocation={allocation}
          errors={errors}
          onUseHead={lookup.switchTo}
        />
      ) : null}
    </ActionForm>
  );
}
