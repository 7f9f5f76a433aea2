import { Link } from '@/components/link';
import { getTranslations } from 'next-intl/server';
import type { invoices } from '@/db/schema';
import { DataTable } from '@/components/tables/data-table';
import { formatDate } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locale';
import type { AllocationRow } from '@/lib/receivables/find-payments';
import { balanceDue, settlementOf } from '@/lib/receivables/invoice-status';

/** What settles an invoice: its status, credited and paid amounts, balance due, and the payments applied to it. */
export async function InvoiceSettlement({
  invoice,
  payments,
  locale,
  money,
}: {
  invoice: typeof invoices.$inferSelect;
  payments: AllocationRow[];
  locale: Locale;
  money: (cents: number) => string;
}) {
  const t = await getTranslations();
  return (
    <section aria-labelledby="settlement-title">
      <h2 id="settlement-title">{t('payments.title')}</h2>
      <dl className="figures">
        <dt>{t('invoicesScreen.columns.status')}</dt>
        <dd data-testid="invoice-status">{t(`receivables.invoiceStatus.${settlementOf(invoice)}`)}</dd>
        <dt>{t('receivables.credited')}</dt>
        <dd>{money(invoice.creditedCents)}</dd>
        <dt>{t('receivables.paid')}</dt>
        <dd>{money(invoice.paidCents)}</dd>
        <dt>{t('receivables.balanceDue')}</dt>
        <dd data-testid="invoice-balance">
          <strong>{money(balanceDue(invoice))}</strong>
        </dd>
      </dl>
      {payments.length === 0 ? null : (
        <DataTable<AllocationRow>
          labelledBy="settlement-title"
          rows={payments}
          rowKey={(a) => a.id}
          rowProps={(a) => ({ className: a.releasedOn ? 'void' : undefined })}
          columns={[
            {
              header: t('payments.columns.number'),
              isRowHeader: true,
              cell: (a) => (
                <Link href={`/receivables/payments/${a.paymentNumber}`}>{t('account.kinds.payment', { number: a.paymentNumber })}</Link>
              ),
            },
            { header: t('payments.allocationColumns.appliedOn'), isNowrap: true, cell: (a) => formatDate(a.appliedOn, locale) },
            { header: t('payments.allocationColumns.amount'), isNumeric: true, cell: (a) => money(a.amountCents) },
            {
              header: t('payments.allocationColumns.releasedOn'),
              isNowrap: true,
              cell: (a) => (a.releasedOn ? formatDate(a.releasedOn, locale) : ''),
            },
          ]}
        />
      )}
    </section>
  );
}
