'use client';

import { useState } from 'react';
import { useLocale, useTranslations } from 'next-intl';
import { TextField } from '@/components/form/fields';
import { formatDate, formatMoney } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locale';
import { parseMoneyToCents } from '@/lib/money/parse';
import { allocateOldestFirst } from '@/lib/receivables/allocation';
import type { PaymentClient } from '@/lib/receivables/payment-client';

const centsOf = (text: string) => {
  const parsed = parseMoneyToCents(text);
  return parsed.ok ? parsed.cents : 0;
};

/**
 * How a payment is spread over the client's open invoices: oldest due first, or as the clerk types
 * it invoice by invoice. The choice stays from one client to the next; `clearTyped` forgets the
 * amounts typed, once another client is found.
 */
export function usePaymentAllocation() {
  const [mode, setMode] = useState<'auto' | 'manual'>('auto');
  const [typed, setTyped] = useState<Record<number, string>>({});
  return { mode, setMode, typed, setTyped, clearTyped: () => setTyped({}) };
}

type Allocation = ReturnType<typeof usePaymentAllocation>;

/**
 * The client's open invoices, oldest due first, with the amount applied to each and what stays as
 * a credit on account; a member's notice proposes its head instead. In a deposit batch the
 * allocation is always automatic and no summary is shown.
 */
export function PaymentAllocation({
  client,
  amount,
  batchId,
  allocation: { mode, setMode, typed, setTyped },
  errors,
  onUseHead,
}: {
  client: PaymentClient;
  /** The payment's amount as typed. */
  amount: string;
  batchId: number | null;
  allocation: Allocation;
  errors: Record<string, string[]>;
  onUseHead: (head: number) => void;
}) {
  const t = useTranslations('payments');
  const locale = useLocale() as Locale;
  const money = (cents: number) => formatMoney(cents, locale);

  const amountCents = centsOf(amount);
  const open = client.openInvoices;
  const head = client.headNumber;
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
    <section aria-labelledby="open-invoices-title" className="payment-invoices">
      <h2 id="open-invoices-title">{t('openInvoices', { number: client.number, name: client.name })}</h2>
      {head !== null ? (
        <div className="notice" role="note">
          <p>{t('memberNotice', { number: client.number, head })}</p>
          <button type="button" onClick={() => onUseHead(head)}>
            {t('useHead', { head })}
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
  );
}
