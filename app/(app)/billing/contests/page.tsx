import { Link } from '@/components/link';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/index';
import { SelectField } from '@/components/form/fields';
import { Pager } from '@/components/pager';
import { DataTable } from '@/components/tables/data-table';
import { requireRoute } from '@/lib/auth/current-user';
import { CONTEST_FILTERS, contestSearchUrl, findContests } from '@/lib/contests/find-contests';
import { getAppLocale } from '@/lib/i18n/app-locale';
import { formatDate, formatDateTime } from '@/lib/i18n/format';
import { firstValues, type PageSearchParams } from '@/lib/url-state';

/**
 * Contestations: the calls the clients contest from the portal, invoiced or not, waiting for an
 * answer or answered; each opens its call's page, where the clerk answers.
 */
export default async function ContestsPage({ searchParams }: { searchParams: PageSearchParams }) {
  await requireRoute('/billing/contests');
  const t = await getTranslations('callContests');
  const locale = await getAppLocale();
  const search = contestSearchUrl.parse(await firstValues(searchParams));
  const { rows, hasNextPage } = await findContests(getDb(), search);
  return (
    <>
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      <form method="get" action="/billing/contests" className="search-bar" role="search">
        <SelectField
          name="status"
          label={t('columns.status')}
          defaultValue={search.status}
          options={CONTEST_FILTERS.map((status) => ({ value: status, label: t(`filters.${status}`) }))}
          isNarrow
        />
        <button type="submit" className="primary">
          {t('show')}
        </button>
      </form>
      {rows.length === 0 ? (
        <p role="status">{t('none')}</p>
      ) : (
        <DataTable
          label={t('tableLabel')}
          rows={rows}
          rowKey={(contest) => contest.id}
          rowProps={(contest) => ({ 'data-testid': `contest-${contest.callNumber}` })}
          columns={[
            {
              header: t('columns.call'),
              isRowHeader: true,
              cell: (contest) => (
                <Link href={`/calls/${contest.callNumber}#contests`} aria-label={t('openCall', { number: contest.callNumber })}>
                  {contest.callNumber}
                </Link>
              ),
            },
            { header: t('columns.account'), cell: (contest) => `${contest.accountNumber} — ${contest.accountName}` },
            {
              header: t('columns.client'),
              cell: (contest) => `${contest.clientNumber} — ${contest.clientName} (${formatDate(contest.serviceDate, locale)})`,
            },
            { header: t('columns.contestedAt'), isNowrap: true, cell: (contest) => formatDateTime(contest.contestedAt, locale) },
            { header: t('columns.comment'), cell: (contest) => contest.comment },
            {
              header: t('columns.invoice'),
              cell: (contest) =>
                contest.invoiceNumber === null ? (
                  t('notInvoiced')
                ) : (
                  <Link href={`/invoices/${contest.invoiceNumber}`}>{contest.invoiceNumber}</Link>
                ),
            },
            { header: t('columns.status'), cell: (contest) => t(`statuses.${contest.status}`) },
            { header: t('columns.answer'), cell: (contest) => contest.answer ?? '' },
          ]}
        />
      )}
      {search.page > 1 || hasNextPage ? (
        <Pager
          label={t('tableLabel')}
          position={t('page', { page: search.page })}
          previousHref={search.page > 1 ? contestSearchUrl.href(search, { page: search.page - 1 }) : null}
          nextHref={hasNextPage ? contestSearchUrl.href(search, { page: search.page + 1 }) : null}
        />
      ) : null}
    </>
  );
}
