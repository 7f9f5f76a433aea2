import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { invoices } from '@/db/schema';
import { formatDate, formatMoney } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locale';

/** A list of invoices: number, date, billed client, kind, calls, amounts, status. */
export async function InvoiceTable({ rows, locale, label }: { rows: (typeof invoices.$inferSelect)[]; locale: Locale; label: string }) {
  const t = await getTranslations();
  return (
    <table className="data-table" aria-label={label}>
      <thead>
        <tr>
          <th scope="col">{t('invoicesScreen.columns.number')}</th>
          <th scope="col">{t('invoicesScreen.columns.date')}</th>
          <th scope="col">{t('invoicesScreen.columns.client')}</th>
          <th scope="col">{t('invoicesScreen.columns.kind')}</th>
          <th scope="col" className="numeric">
            {t('invoicesScreen.columns.calls')}
          </th>
          <th scope="col" className="numeric">
            {t('invoicesScreen.columns.subtotal')}
          </th>
          <th scope="col" className="numeric">
            {t('invoicesScreen.columns.total')}
          </th>
          <th scope="col">{t('invoicesScreen.columns.status')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((invoice) => (
          <tr key={invoice.id} className={invoice.status === 'void' ? 'void' : undefined}>
            <td>
              <Link href={`/invoices/${invoice.number}`}>{invoice.number}</Link>
            </td>
            <td className="nowrap">{formatDate(invoice.issueDate, locale)}</td>
            <td>
              {invoice.billedClientNumber} — {invoice.billToName}
            </td>
            <td>{t(`runs.kinds.${invoice.kind}`)}</td>
            <td className="numeric">{invoice.lineCount}</td>
            <td className="numeric nowrap">{formatMoney(invoice.subtotalCents, locale)}</td>
            <td className="numeric nowrap">{formatMoney(invoice.totalCents, locale)}</td>
            <td>{t(`invoicesScreen.statuses.${invoice.status}`)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
