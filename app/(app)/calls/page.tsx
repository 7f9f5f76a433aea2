import { Link } from '@/components/link';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/index';
import { CallDetails } from '@/components/calls/call-details';
import { CallResultsTable } from '@/components/calls/call-results-table';
import { CallSearchForm } from '@/components/calls/call-search-form';
import { GroupedStatusBar } from '@/components/calls/grouped-status-bar';
import { Pager } from '@/components/pager';
import { requireRoute } from '@/lib/auth/current-user';
import { callSearchUrl, findCalls, getCallDetails, groupedNumberOf, hasCriteria } from '@/lib/calls/find-calls';
import { getAppLocale } from '@/lib/i18n/app-locale';
import { firstValues, type PageSearchParams } from '@/lib/url-state';

export default async function CallSearchPage({ searchParams }: { searchParams: PageSearchParams }) {
  await requireRoute('/calls');
  const t = await getTranslations();
  const locale = await getAppLocale();
  const search = callSearchUrl.parse(await firstValues(searchParams));
  const db = getDb();
  // The status bar: for a selected call, the head it is (or was) billed on; else today's grouped
  // number of the client searched for (read beside the calls), or of the one client all the
  // results belong to.
  const [result, selected, clientGroupedNumber] = await Promise.all([
    hasCriteria(search) ? findCalls(db, search) : Promise.resolve(null),
    search.selected ? getCallDetails(db, search.selected) : Promise.resolve(null),
    search.client && !search.selected ? groupedNumberOf(db, search.client) : Promise.resolve(null),
  ]);
  const onlyClient = result && result.rows.length > 0 && result.rows.every((r) => r.clientNumber === result.rows[0]!.clientNumber);
  const statusBarNumber = selected
    ? selected.billedHeadNumber
    : search.client
      ? clientGroupedNumber
      : onlyClient
        ? result.rows[0]!.groupedClientNumber
        : null;

  return (
    <div className="call-search">
      <h1>{t('screens.calls.title')}</h1>
      <CallSearchForm search={search} />
      <div className="search-layout">
        <div className="search-results">
          {!result ? (
            <p>{t('callSearch.prompt')}</p>
          ) : result.rows.length === 0 ? (
            <p>{t('callSearch.none')}</p>
          ) : (
            <CallResultsTable rows={result.rows} search={search} locale={locale} />
          )}
          {result && (search.page > 1 || result.hasNextPage) ? (
            <Pager
              label={t('callSearch.results')}
              position={t('callSearch.page', { page: search.page })}
              previousHref={search.page > 1 ? callSearchUrl.href(search, { page: search.page - 1, selected: undefined }) : null}
              nextHref={result.hasNextPage ? callSearchUrl.href(search, { page: search.page + 1, selected: undefined }) : null}
            />
          ) : null}
        </div>
        {selected ? (
          <aside className="search-selection">
            <CallDetails call={selected} locale={locale} />
            <p>
              <Link href={`/calls/${selected.number}`}>{t('callSearch.open')}</Link>
            </p>
          </aside>
        ) : null}
      </div>
      <GroupedStatusBar groupedClientNumber={statusBarNumber} />
    </div>
  );
}
