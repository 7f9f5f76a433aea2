import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/index';
import { requireRoute } from '@/lib/auth/current-user';
import { canOpen } from '@/lib/auth/permissions';
import { clientSearchParams, findClients, type ClientSearch, type ClientSort } from '@/lib/clients/find-clients';
import { firstValues, type PageSearchParams } from '@/lib/search-params';
import { Pager } from '@/components/pager';

function hrefWith(search: ClientSearch, changes: Partial<ClientSearch>): string {
  const next = { ...search, ...changes };
  const params = new URLSearchParams();
  if (next.q) params.set('q', next.q);
  if (next.filter !== 'all') params.set('filter', next.filter);
  if (next.filter === 'members' && next.head) params.set('head', String(next.head));
  if (next.sort !== 'number') params.set('sort', next.sort);
  if (next.dir !== 'asc') params.set('dir', next.dir);
  if (next.page > 1) params.set('page', String(next.page));
  const query = params.toString();
  return query ? `/clients?${query}` : '/clients';
}

export default async function ClientsPage({ searchParams }: { searchParams: PageSearchParams }) {
  const user = await requireRoute('/clients');
  const t = await getTranslations('clients');
  const raw = await firstValues(searchParams);
  const search = clientSearchParams.parse(raw);
  const { rows, total, pages } = await findClients(getDb(), search);

  const columns: { key: ClientSort; label: string }[] = [
    { key: 'number', label: t('columns.number') },
    { key: 'name', label: t('columns.name') },
    { key: 'city', label: t('columns.city') },
    { key: 'grouped', label: t('columns.grouped') },
    { key: 'active', label: t('columns.active') },
  ];

  return (
    <>
      <div className="page-header">
        <h1>{t('title')}</h1>
        {canOpen(user.role, '/clients/new') ? (
          <Link href="/clients/new" className="button primary">
            {t('newClient')}
          </Link>
        ) : null}
      </div>

      <form method="get" action="/clients" className="search-bar" role="search">
        <div className="field">
          <label htmlFor="q">{t('searchLabel')}</label>
          <input id="q" name="q" type="search" defaultValue={search.q} placeholder={t('searchPlaceholder')} autoFocus />
        </div>
        <div className="field">
          <label htmlFor="filter">{t('filterLabel')}</label>
          <select id="filter" name="filter" defaultValue={search.filter}>
            <option value="all">{t('filterAll')}</option>
            <option value="heads">{t('filterHeads')}</option>
            <option value="members">{t('filterMembers')}</option>
            <option value="ungrouped">{t('filterUngrouped')}</option>
          </select>
        </div>
        <div className="field narrow-field">
          <label htmlFor="head">{t('headNumberLabel')}</label>
          <input id="head" name="head" inputMode="numeric" defaultValue={search.head ?? ''} />
        </div>
        <button type="submit" className="primary">
          {t('search')}
        </button>
      </form>

      {typeof raw.deleted === 'string' && /^\d+$/.test(raw.deleted) ? (
        <p className="form-success" role="status">
          {t('deleted', { number: raw.deleted })}
        </p>
      ) : null}
      <p className="result-count" role="status">
        {t('results', { count: total })}
      </p>

      {rows.length === 0 ? (
        <p>{t('noResult')}</p>
      ) : (
        <table className="data-table" aria-label={t('title')}>
          <thead>
            <tr>
              {columns.map((column) => {
                const isSorted = search.sort === column.key;
                const nextDir = isSorted && search.dir === 'asc' ? 'desc' : 'asc';
                return (
                  <th key={column.key} scope="col" aria-sort={isSorted ? (search.dir === 'asc' ? 'ascending' : 'descending') : undefined}>
                    <Link
                      href={hrefWith(search, { sort: column.key, dir: nextDir, page: 1 })}
                      title={t('sortBy', { column: column.label })}
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
            {rows.map((client) => (
              <tr key={client.number}>
                <td>
                  <Link href={`/clients/${client.number}`}>{client.number}</Link>
                </td>
                <td>{client.name}</td>
                <td>{client.city}</td>
                <td>
                  {client.groupedClientNumber ?? '—'}
                  {client.groupedClientNumber === client.number ? <span className="badge">{t('headBadge')}</span> : null}
                </td>
                <td>{client.isActive ? t('yes') : t('no')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {pages > 1 ? (
        <Pager
          label={t('pagination')}
          position={t('page', { page: search.page, pages })}
          previousHref={search.page > 1 ? hrefWith(search, { page: search.page - 1 }) : null}
          nextHref={search.page < pages ? hrefWith(search, { page: search.page + 1 }) : null}
        />
      ) : null}
    </>
  );
}
