import { Link } from '@/components/link';
import { getTranslations } from 'next-intl/server';
import type { invoices } from '@/db/schema';
import { DataTable } from '@/components/tables/data-table';
import { formatDate, formatMoney } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locale';
import { balanceDue, settlementOf } from '@/lib/receivables/invoice-status';

type InvoiceRow = typeof invoices.$inferSelect;

/** A list of invoices: number, date, billed client, kind, calls, amounts, balance due, status. */
export async function InvoiceTable({ rows, locale, label }: { rows: InvoiceRow[]; locale: Locale; label: string }) {
  const t = await getTranslations();
  return (
    <DataTable<InvoiceRow>
      label={label}
      rows={rows}
      rowKey={(invoice) => invoice.id}
      rowProps={(invoice) => ({ className: invoice.status === 'void' ? 'void' : undefined })}
      columns={[
        {
          header: t('invoicesScreen.columns.number'),
          cell: (invoice) => <Link href={`/invoices/${invoice.number}`}>{invoice.number}</Link>,
        },
        { header: t('invoicesScreen.columns.date'), isNowrap: true, cell: (invoice) => formatDate(invoice.issueDate, locale) },
        { header: t('invoicesScreen.columns.client'), cell: (invoice) => `${invoice.billedClientNumber} — ${invoice.billToName}` },
        { header: t('invoicesScreen.columns.kind'), cell: (invoice) => t(`runs.kinds.${invoice.kind}`) },
        { header: t('invoicesScreen.columns.calls'), isNumeric: true, cell: (invoice) => invoice.lineCount },
        { header: t('invoicesScreen.columns.subtotal'), isNumeric: true, cell: (invoice) => formatMoney(invoice.subtotalCents, locale) },
        { header: t('invoicesScreen.columns.total'), isNumeric: true, cell: (invoice) => formatMoney(invoice.totalCents, locale) },
        { header: t('receivables.balanceDue'), isNumeric: true, cell: (invoice) => formatMoney(balanceDue(invoice), locale) },
        { header: t('invoicesScreen.columns.status'), cell: (invoice) => t(`receivables.invoiceStatus.${settlementOf(invoice)}`) },
      ]}
    />
  );
}
