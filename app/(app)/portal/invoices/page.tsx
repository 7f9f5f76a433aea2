import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/index';
import { Pager } from '@/components/pager';
import { DataTable } from '@/components/tables/data-table';
import { todayInMontreal } from '@/lib/dates/montreal';
import { getAppLocale } from '@/lib/i18n/app-locale';
import { formatDate, formatMoney } from '@/lib/i18n/format';
import { portalInvoices } from '@/lib/portal/find-portal';
import { requirePortalRoute } from '@/lib/portal/portal-account';
import { firstValues, type PageSearchParams } from '@/lib/url-state';

/** The account's invoices, each with its status, balance and PDF. */
export default async function PortalInvoicesPage({ searchParams }: { searchParams: PageSearchParams }) {
  const { account } = await requirePortalRoute('/portal/invoices');
  const t = await getTranslations('portal.invoices');
  const locale = await getAppLocale();
  const page = Math.min(10_000, Math.max(1, Number((await firstValues(searchParams)).page) || 1));
  const { rows, hasNextPage } = await portalInvoices(getDb(), account.number, todayInMontreal(), page);
  const money = (cents: number) => formatMoney(cents, locale);
  return (
    <>
      <h1>{t('title')}</h1>
      {rows.length === 0 ? (
        <p>{t('none')}</p>
      ) : (
        <DataTable
          label={t('tableLabel', { number: account.number })}
          rows={rows}
          rowKey={(invoice) => invoice.number}
          rowProps={(invoice) => ({ 'data-testid': `portal-invoice-${invoice.number}` })}
          columns={[
            { header: t('columns.number'), isRowHeader: true, cell: (invoice) => invoice.number },
            { header: t('columns.date'), isNowrap: true, cell: (invoice) => formatDate(invoice.issueDate, locale) },
            { header: t('columns.dueDate'), isNowrap: true, cell: (invoice) => formatDate(invoice.dueDate, locale) },
            { header: t('columns.total'), isNumeric: true, cell: (invoice) => money(invoice.totalCents) },
            { header: t('columns.balance'), isNumeric: true, cell: (invoice) => money(invoice.balanceCents) },
            { header: t('columns.status'), cell: (invoice) => t(`statuses.${invoice.status}`) },
            {
              header: t('columns.pdf'),
              cell: (invoice) => (
                <a href={`/portal/invoices/${invoice.number}/pdf`} aria-label={t('pdf', { number: invoice.number })}>
                  PDF
                </a>
              ),
            },
          ]}
        />
      )}
      {page > 1 || hasNextPage ? (
        <Pager
          label={t('tableLabel', { number: account.number })}
          position={t('page', { page })}
          previousHref={page > 1 ? `/portal/invoices?page=${page - 1}` : null}
          nextHref={hasNextPage ? `/portal/invoices?page=${page + 1}` : null}
        />
      ) : null}
    </>
  );
}
