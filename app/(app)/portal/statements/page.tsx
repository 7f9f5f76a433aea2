import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/index';
import { DateRangeFields } from '@/components/form/date-range-fields';
import { DataTable } from '@/components/tables/data-table';
import { todayInMontreal } from '@/lib/dates/montreal';
import { getAppLocale } from '@/lib/i18n/app-locale';
import { formatDate, formatMoney } from '@/lib/i18n/format';
import { portalStatements } from '@/lib/portal/find-portal';
import { requirePortalRoute } from '@/lib/portal/portal-account';

/** The account's statements of account, each as a PDF. */
export default async function PortalStatementsPage() {
  const { account } = await requirePortalRoute('/portal/statements');
  const t = await getTranslations('portal.statements');
  const locale = await getAppLocale();
  const rows = await portalStatements(getDb(), account.number);
  const today = todayInMontreal();
  return (
    <>
      <h1>{t('title')}</h1>
      {/* A statement for a period of the user's choosing, produced on demand (not one the company sent). */}
      <form method="get" action="/portal/statements/period" className="search-bar" aria-label={t('periodTitle')}>
        <DateRangeFields from={undefined} to={today} labels={{ from: t('from'), to: t('to') }} isRequired />
        <button type="submit" className="primary">
          {t('produce')}
        </button>
      </form>
      {rows.length === 0 ? (
        <p>{t('none')}</p>
      ) : (
        <DataTable
          label={t('tableLabel', { number: account.number })}
          rows={rows}
          rowKey={(statement) => statement.id}
          columns={[
            {
              header: t('columns.period'),
              isRowHeader: true,
              cell: (statement) => t('period', { from: formatDate(statement.from, locale), to: formatDate(statement.to, locale) }),
            },
            { header: t('columns.closing'), isNumeric: true, cell: (statement) => formatMoney(statement.closingCents, locale) },
            {
              header: t('columns.pdf'),
              cell: (statement) => (
                <a href={`/portal/statements/${statement.id}/pdf`} aria-label={t('pdf', { date: formatDate(statement.to, locale) })}>
                  PDF
                </a>
              ),
            },
          ]}
        />
      )}
    </>
  );
}
