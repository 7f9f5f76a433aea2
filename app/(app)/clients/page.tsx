import { Link } from '@/components/link';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/index';
import { ClientSearchForm } from '@/components/clients/client-search-form';
import { ClientTable } from '@/components/clients/client-table';
import { Pager } from '@/components/pager';
import { requireRoute } from '@/lib/auth/current-user';
import { canOpen } from '@/lib/auth/permissions';
import { clientSearchUrl, findClients } from '@/lib/clients/find-clients';
import { firstValues, parseRouteNumber, type PageSearchParams } from '@/lib/url-state';

export default async function ClientsPage({ searchParams }: { searchParams: PageSearchParams }) {
  const user = await requireRoute('/clients');
  const t = await getTranslations('clients');
  const raw = await firstValues(searchParams);
  const search = clientSearchUrl.parse(raw);
  // Set by the deletion of a client, which lands here.
  const deleted = raw.deleted ? parseRouteNumber(raw.deleted, 'integer') : null;
  const { rows, total, pages } = await findClients(getDb(), search);

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
      <ClientSearchForm search={search} />
      {deleted !== null ? (
        <p className="form-success" role="status">
          {t('deleted', { number: String(deleted) })}
        </p>
      ) : null}
      <p className="result-count" role="status">
        {t('results', { count: total })}
      </p>
      {rows.length === 0 ? <p>{t('noResult')}</p> : <ClientTable rows={rows} search={search} />}
      {pages > 1 ? (
        <Pager
          label={t('pagination')}
          position={t('page', { page: search.page, pages })}
          previousHref={search.page > 1 ? clientSearchUrl.href(search, { page: search.page - 1 }) : null}
          nextHref={search.page < pages ? clientSearchUrl.href(search, { page: search.page + 1 }) : null}
        />
      ) : null}
    </>
  );
}
