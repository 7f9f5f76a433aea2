import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getAppLocale } from '@/lib/i18n/app-locale';
import { getDb } from '@/db/index';
import { CallDetails } from '@/components/calls/call-details';
import { GroupedStatusBar } from '@/components/calls/grouped-status-bar';
import { requireRoute } from '@/lib/auth/current-user';
import { CALL_STATUSES } from '@/lib/calls/call-input';
import { callSearchParams, findCalls, getCallDetails, groupedNumberOf, hasCriteria, type CallSearch } from '@/lib/calls/find-calls';
import { formatDateTimeShort, formatMoney } from '@/lib/i18n/format';
import { firstValues, type PageSearchParams } from '@/lib/search-params';
import { Pager } from '@/components/pager';

function hrefWith(search: CallSearch, changes: Partial<CallSearch>): string {
  const next = { ...search, ...changes };
  const params = new URLSearchParams();
  if (next.number) params.set('number', String(next.number));
  if (next.client) params.set('client', String(next.client));
  if (next.members) params.set('members', '1');
  if (next.from) params.set('from', next.from);
  if (next.to) params.set('to', next.to);
  if (next.status) params.set('status', next.status);
  if (next.q) params.set('q', next.q);
  if (next.sort !== 'date') params.set('sort', next.sort);
  if (next.dir !== 'desc') params.set('dir', next.dir);
  if (next.page > 1) params.set('page', String(next.page));
  if (next.selected) params.set('selected', String(next.selected));
  return `/calls?${params.toString()}`;
}

export default async function CallSearchPage({ searchParams }: { searchParams: PageSearchParams }) {
  await requireRoute('/calls');
  const t = await getTranslations();
  const locale = await getAppLocale();
  const raw = await firstValues(searchParams);
  const search = callSearchParams.parse(raw);
  const db = getDb();
  const [result, selected] = await Promise.all([
    hasCriteria(search) ? findCalls(db, search) : Promise.resolve(null),
    search.selected ? getCallDetails(db, search.selected) : Promise.resolve(null),
  ]);
  // The status bar follows the selected call's client, else the client searched for.
  const statusBarNumber = selected ? selected.groupedClientNumber : search.client ? await groupedNumberOf(db, search.client) : null;

  const columns = [
    { key: 'number', label: t('callSearch.columns.number') },
    { key: 'date', label: t('callSearch.columns.date') },
    { key: 'client', label: t('callSearch.columns.client') },
    { key: null, label: t('callSearch.columns.name') },
    { key: null, label: t('callSearch.columns.route') },
    { key: 'status', label: t('callSearch.columns.status') },
    { key: 'price', label: t('callSearch.columns.price') },
    { key: null, label: t('callSearch.columns.invoice') },
  ] as const;

  return (
    <div className="call-search">
      <h1>{t('screens.calls.title')}</h1>
      <form method="get" action="/calls" className="search-bar" role="search">
        <div className="field narrow-field">
          <label htmlFor="number">{t('callSearch.number')}</label>
          <input id="number" name="number" inputMode="numeric" defaultValue={search.number ?? ''} />
        </div>
        <div className="field narrow-field">
          <label htmlFor="client">{t('callSearch.client')}</label>
          <input id="client" name="client" inputMode="numeric" defaultValue={search.client ?? ''} autoFocus />
        </div>
        <div className="field checkbox">
          <input id="members" name="members" type="checkbox" value="1" defaultChecked={search.members} />
          <label htmlFor="members">{t('callSearch.includeMembers')}</label>
        </div>
        <div className="field narrow-field">
          <label htmlFor="from">{t('callSearch.from')}</label>
          <input id="from" name="from" type="date" defaultValue={search.from ?? ''} />
        </div>
        <div className="field narrow-field">
          <label htmlFor="to">{t('callSearch.to')}</label>
          <input id="to" name="to" type="date" defaultValue={search.to ?? ''} />
        </div>
        <div className="field narrow-field">
          <label htmlFor="status">{t('callSearch.status')}</label>
          <select id="status" name="status" defaultValue={search.status ?? ''}>
            <option value="">{t('callSearch.anyStatus')}</option>
            {CALL_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`callStatus.${status}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="q">{t('callSearch.text')}</label>
          <input id="q" name="q" type="search" defaultValue={search.q} />
        </div>
        <button type="submit" className="primary">
          {t('callSearch.search')}
        </button>
      </form>

      <div className="search-layout">
        <div className="search-results">
          {!result ? (
            <p>{t('callSearch.prompt')}</p>
          ) : result.rows.length === 0 ? (
            <p>{t('callSearch.none')}</p>
          ) : (
            <table className="data-table" aria-label={t('callSearch.results')}>
              <thead>
                <tr>
                  {columns.map((column) => {
                    if (!column.key)
                      return (
                        <th key={column.label} scope="col">
                          {column.label}
                        </th>
                      );
                    const isSorted = search.sort === column.key;
                    return (
                      <th
                        key={column.key}
                        scope="col"
                        aria-sort={isSorted ? (search.dir === 'asc' ? 'ascending' : 'descending') : undefined}
                      >
                        <Link
                          href={hrefWith(search, { sort: column.key, dir: isSorted && search.dir === 'desc' ? 'asc' : 'desc', page: 1 })}
                          title={t('callSearch.sortBy', { column: column.label })}
                        >
                          {column.label}
                          {isSorted ? (search.dir === 'asc' ? ' ▲' : ' ▼') : ''}
                        </Link>
                      </th>
                    );
                  })}
                </tr>
              </thead>
              <tbody>
                {result.rows.map((call) => (
                  <tr
                    key={call.number}
                    aria-selected={call.number === search.selected}
                    className={call.number === search.selected ? 'selected' : undefined}
                  >
                    <td>
                      <Link
                        href={hrefWith(search, { selected: call.number })}
                        aria-current={call.number === search.selected ? 'true' : undefined}
                      >
                        {call.number}
                      </Link>
                    </td>
                    <td className="nowrap">{formatDateTimeShort(call.serviceAt, locale)}</td>
                    <td>{call.clientNumber}</td>
                    <td>{call.clientName}</td>
                    <td>
                      {call.pickupAddress} → {call.destinationAddress}
                    </td>
                    <td>{t(`callStatus.${call.status}`)}</td>
                    <td className="numeric nowrap">{formatMoney(call.priceCents, locale)}</td>
                    <td>{call.invoiceNumber ? <Link href={`/invoices/${call.invoiceNumber}`}>{call.invoiceNumber}</Link> : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {result && (search.page > 1 || result.hasNextPage) ? (
            <Pager
              label={t('callSearch.results')}
              position={t('callSearch.page', { page: search.page })}
              previousHref={search.page > 1 ? hrefWith(search, { page: search.page - 1, selected: undefined }) : null}
              nextHref={result.hasNextPage ? hrefWith(search, { page: search.page + 1, selected: undefined }) : null}
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
