import { Link } from '@/components/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { applyPaymentCreditAction, releaseAllocationAction } from '@/actions/receivables';
import { getDb } from '@/db/index';
import { ClientMessages } from '@/components/client-messages';
import { ActionButton } from '@/components/form/action-button';
import { ReversePaymentForm } from '@/components/receivables/reverse-payment-form';
import { DataTable } from '@/components/tables/data-table';
import { requireRoute } from '@/lib/auth/current-user';
import { todayInMontreal } from '@/lib/dates/montreal';
import { getAppLocale } from '@/lib/i18n/app-locale';
import { formatDate, formatDateTime, formatMoney } from '@/lib/i18n/format';
import { getPayment, type AllocationRow } from '@/lib/receivables/find-payments';
import { firstValues, parseRouteNumber, type PageSearchParams } from '@/lib/url-state';

/** One payment: who paid, how, what it was applied to (released allocations kept, dated), its credit on account; reversal. */
export default async function PaymentPage({
  params,
  searchParams,
}: {
  params: Promise<{ number: string }>;
  searchParams: PageSearchParams;
}) {
  await requireRoute('/receivables/payments/[number]');
  const number = parseRouteNumber((await params).number);
  const found = number === null ? null : await getPayment(getDb(), number);
  if (!found) notFound();
  const { payment, clientName, enteredBy, allocations } = found;
  const query = await firstValues(searchParams);
  const t = await getTranslations();
  const locale = await getAppLocale();
  const money = (cents: number) => formatMoney(cents, locale);
  const creditCents = payment.status === 'posted' ? payment.amountCents - payment.appliedCents : 0;

  return (
    <ClientMessages namespaces={['payments']}>
      <div className="page-header">
        <h1>{t('payments.detailTitle', { number: payment.number })}</h1>
        <span className="badge">{t(`receivables.paymentStatuses.${payment.status}`)}</span>
      </div>
      {query.created ? (
        <p className="form-success" role="status">
          {t('payments.saved', { number: payment.number, applied: money(payment.appliedCents), credit: money(creditCents) })}
        </p>
      ) : null}
      {payment.status === 'reversed' ? (
        <p className="void-mark" role="status">
          {t('payments.reversedNotice', { date: formatDate(payment.reversedOn!, locale), reason: payment.reversalReason ?? '' })}
        </p>
      ) : null}
      <dl className="figures">
        <dt>{t('payments.billedClient')}</dt>
        <dd>
          <Link href={`/clients/${payment.billedClientNumber}/account`}>
            {payment.billedClientNumber} — {clientName}
          </Link>
        </dd>
        <dt>{t('payments.amount')}</dt>
        <dd>{money(payment.amountCents)}</dd>
        <dt>{t('payments.receivedOn')}</dt>
        <dd>{formatDate(payment.receivedOn, locale)}</dd>
        <dt>{t('payments.method')}</dt>
        <dd>{t(`receivables.methods.${payment.method}`)}</dd>
        <dt>{t('payments.reference')}</dt>
        <dd>{payment.reference ?? '—'}</dd>
        <dt>{t('payments.columns.appliedTotal')}</dt>
        <dd>{money(payment.appliedCents)}</dd>
        <dt>{t('payments.columns.credit')}</dt>
        <dd data-testid="payment-credit">{money(creditCents)}</dd>
        {payment.depositBatchId !== null ? (
          <>
            <dt>{t('batches.title')}</dt>
            <dd>
              <Link href={`/receivables/batches/${payment.depositBatchId}`}>{t('payments.batch', { id: payment.depositBatchId })}</Link>
            </dd>
          </>
        ) : null}
      </dl>
      {payment.note ? <p>{payment.note}</p> : null}
      <p className="hint">{t('payments.createdBy', { name: enteredBy, date: formatDateTime(payment.createdAt, locale) })}</p>

      <section aria-labelledby="allocations-title">
        <h2 id="allocations-title">{t('payments.allocations')}</h2>
        {allocations.length === 0 ? (
          <p>{t('payments.noAllocations')}</p>
        ) : (
          <DataTable<AllocationRow>
            labelledBy="allocations-title"
            rows={allocations}
            rowKey={(a) => a.id}
            rowProps={(a) => ({ className: a.releasedOn ? 'void' : undefined })}
            columns={[
              {
                header: t('payments.allocationColumns.invoice'),
                isRowHeader: true,
                cell: (a) => <Link href={`/invoices/${a.invoiceNumber}`}>{a.invoiceNumber}</Link>,
              },
              { header: t('payments.allocationColumns.appliedOn'), isNowrap: true, cell: (a) => formatDate(a.appliedOn, locale) },
              { header: t('payments.allocationColumns.amount'), isNumeric: true, cell: (a) => money(a.amountCents) },
              {
                header: t('payments.allocationColumns.releasedOn'),
                isNowrap: true,
                cell: (a) => (a.releasedOn ? formatDate(a.releasedOn, locale) : ''),
              },
              {
                header: t('payments.allocationColumns.action'),
                cell: (a) =>
                  a.releasedOn || payment.status !== 'posted' ? null : (
                    <ActionButton
                      action={releaseAllocationAction}
                      fields={{ id: a.id }}
                      label={t('payments.release')}
                      confirmText={t('payments.releaseConfirm', { amount: money(a.amountCents), number: a.invoiceNumber })}
                    />
                  ),
              },
            ]}
          />
        )}
        {creditCents > 0 ? (
          <ActionButton action={applyPaymentCreditAction} fields={{ number: payment.number }} label={t('payments.applyCredit')} />
        ) : null}
      </section>
      {payment.status === 'posted' ? (
        <ReversePaymentForm number={payment.number} amount={money(payment.amountCents)} today={todayInMontreal()} />
      ) : null}
    </ClientMessages>
  );
}
