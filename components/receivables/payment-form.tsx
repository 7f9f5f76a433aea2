'use client';

import { useState, useTransition } from 'react';
import { useLocale, useTranslations } from 'next-intl';
import { lookupPaymentClientAction, recordPaymentAction } from '@/actions/receivables';
import { ActionForm, useActionForm } from '@/components/form/action-form';
import { SelectField, TextAreaField, TextField } from '@/components/form/fields';
import { formatDate, formatMoney } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locale';
import { parseMoneyToCents } from '@/lib/money/parse';
import { allocateOldestFirst } from '@/lib/receivables/allocation';
import type { PaymentClient } from '@/lib/receivables/payment-client';
import { PAYMENT_METHODS } from '@/lib/receivables/payment-input';

const centsOf = (text: string) => {
  const parsed = parseMoneyToCents(text);
  return parsed.ok ? parsed.cents : 0;
};

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
  const locale = useLocale() as Locale;
  const money = (cents: number) => formatMoney(cents, locale);
  const [clientNumber, setClientNumber] = useState(initialClient ? String(initialClient.number) : '');
  const [client, setClient] = useState<PaymentClient | null>(initialClient);
  const [lookupError, setLookupError] = useState<string[] | undefined>();
  const [isLooking, startLookup] = useTransition();
  const [amount, setAmount] = useState('');
  const [receivedOn, setReceivedOn] = useState(today);
  const [method, setMethod] = useState('cheque');
  const [reference, setReference] = useState('');
  const [note, setNote] = useState('');
  const [mode, setMode] = useState<'auto' | 'manual'>('auto');
  const [typed, setTyped] = useState<Record<number, string>>({});
  const form = useActionForm(recordPaymentAction);
  const errors = form.fieldErrors;

  function lookUp(number: string) {
    if (!/^\d{1,8}$/.test(number.trim())) {
      setClient(null);
      return;
    }
    if (client && String(client.number) === number.trim()) return;
    startLookup(async () => {
      const formData = new FormData();
      formData.set('clientNumber', number.trim());
      const result = await lookupPaymentClientAction(undefined, formData);
      if (result.status === 'success') {
        setClient(result.data);
        setLookupError(undefined);
        setTyped({});
      } else {
        setClient(null);
        setLookupError(result.status === 'error' ? (result.fieldErrors.clientNumber ?? [result.message]) : undefined);
      }
    });
  }

  const amountCents = centsOf(amount);
  const open = client?.openInvoices ?? [];
  const auto = allocateOldestFirst(
    amountCents,
    open.map((invoice) => ({
      invoiceId: invoice.number,
      number: invoice.number,
      dueDate: invoice.dueDate,
      balanceCents: invoice.balanceCents,
    })),
  );
  const appliedOf = (number: number) =>
    mode === 'auto' ? (auto.allocations.find((a) => a.number === number)?.amountCents ?? 0) : centsOf(typed[number] ?? '');
  const appliedCents = open.reduce((sum, invoice) => sum + appliedOf(invoice.number), 0);

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
          value={clientNumber}
          onChange={(event) => setClientNumber(event.target.value)}
          onBlur={(event) => lookUp(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              lookUp(clientNumber);
            }
          }}
          errors={errors.clientNumber ?? lookupError}
          inputMode="numeric"
          required
          autoFocus
          isNarrow
        />
        <TextField
          name="amount"
          label={t('amount')}
          value={amount}
          onChange={(event) => setAmount(event.target.value)}
          errors={errors.amount}
          inputMode="decimal"
          required
          isNarrow
        />
        <TextField
          name="receivedOn"
          label={t('receivedOn')}
          type="date"
          value={receivedOn}
          onChange={(event) => setReceivedOn(event.target.value)}
          errors={errors.receivedOn}
          required
          isNarrow
        />
        <SelectField
          name="method"
          label={t('method')}
          value={method}
          onChange={(event) => setMethod(event.target.value)}
          errors={errors.method}
          options={PAYMENT_METHODS.map((value) => ({ value, label: tr(`methods.${value}`) }))}
        />
        <TextField
          name="reference"
          label={t('reference')}
          hint={t('referenceHint')}
          value={reference}
          onChange={(event) => setReference(event.target.value)}
          errors={errors.reference}
          maxLength={100}
        />
      </div>
      <TextAreaField
        name="note"
        label={t('note')}
        value={note}
        onChange={(event) => setNote(event.target.value)}
        errors={errors.note}
        maxLength={500}
        rows={2}
      />

      {isLooking ? <p role="status">…</p> : null}
      {client ? (
        <section aria-labelledby="open-invoices-title" className="payment-invoices">
          <h2 id="open-invoices-title">{t('openInvoices', { number: client.number, name: client.name })}</h2>
          {client.headNumber !== null ? (
            <div className="notice" role="note">
              <p>{t('memberNotice', { number: client.number, head: client.headNumber })}</p>
              <button
                type="button"
                onClick={() => {
                  setClientNumber(String(client.headNumber));
                  lookUp(String(client.headNumber));
                }}
              >
                {t('useHead', { head: client.headNumber })}
              </button>
            </div>
          ) : null}
          {batchId === null ? (
            <fieldset className="radio-row">
              <legend>{t('allocation')}</legend>
              <label>
                <input type="radio" name="allocation" value="auto" checked={mode === 'auto'} onChange={() => setMode('auto')} />{' '}
                {t('allocationAuto')}
              </label>
              <label>
                <input type="radio" name="allocation" value="manual" checked={mode === 'manual'} onChange={() => setMode('manual')} />{' '}
                {t('allocationManual')}
              </label>
            </fieldset>
          ) : null}
          {open.length === 0 ? (
            <p>{t('noOpenInvoices')}</p>
          ) : (
            <table className="data-table">
              <caption className="visually-hidden">{t('openInvoices', { number: client.number, name: client.name })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('columns.invoice')}</th>
                  <th scope="col">{t('columns.issueDate')}</th>
                  <th scope="col">{t('columns.dueDate')}</th>
                  <th scope="col" className="numeric">
                    {t('columns.total')}
                  </th>
                  <th scope="col" className="numeric">
                    {t('columns.balance')}
                  </th>
                  <th scope="col" className="numeric">
                    {t('columns.applied')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {open.map((invoice) => (
                  <tr key={invoice.number}>
                    <th scope="row">
                      <a href={`/invoices/${invoice.number}`}>{invoice.number}</a>
                    </th>
                    <td className="nowrap">{formatDate(invoice.issueDate, locale)}</td>
                    <td className="nowrap">{formatDate(invoice.dueDate, locale)}</td>
                    <td className="numeric">{money(invoice.totalCents)}</td>
                    <td className="numeric">{money(invoice.balanceCents)}</td>
                    <td className="numeric">
                      {mode === 'manual' && batchId === null ? (
                        <>
                          <input type="hidden" name="invoiceNumbers" value={invoice.number} />
                          <TextField
                            name="appliedAmounts"
                            id={`applied-${invoice.number}`}
                            label={<span className="visually-hidden">{t('appliedLabel', { number: invoice.number })}</span>}
                            value={typed[invoice.number] ?? ''}
                            onChange={(event) => setTyped((all) => ({ ...all, [invoice.number]: event.target.value }))}
                            errors={errors[`applied-${invoice.number}`]}
                            inputMode="decimal"
                            isNarrow
                          />
                        </>
                      ) : (
                        money(appliedOf(invoice.number))
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {batchId === null ? (
            <p role="status" data-testid="payment-summary">
              {t('summary', {
                applied: money(Math.min(appliedCents, amountCents)),
                credit: money(Math.max(0, amountCents - appliedCents)),
              })}
            </p>
          ) : null}
        </section>
      ) : null}
    </ActionForm>
  );
}
