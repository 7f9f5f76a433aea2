import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/index';
import { AuditFilters } from '@/components/admin/audit-filters';
import { AuditTable } from '@/components/admin/audit-table';
import { Pager } from '@/components/pager';
import { auditSearchUrl, findAudit } from '@/lib/audit/find-audit';
import { requireRoute } from '@/lib/auth/current-user';
import { getAppLocale } from '@/lib/i18n/app-locale';
import { tariffCodesById } from '@/lib/tariffs/list-tariffs';
import { firstValues, type PageSearchParams } from '@/lib/url-state';

export default async function AuditPage({ searchParams }: { searchParams: PageSearchParams }) {
  await requireRoute('/admin/audit');
  const t = await getTranslations('audit');
  const tAll = await getTranslations();
  const locale = await getAppLocale();
  const search = auditSearchUrl.parse(await firstValues(searchParams));
  const db = getDb();
  const [{ rows, total, pages }, tariffCodes] = await Promise.all([findAudit(db, search), tariffCodesById(db)]);

  return (
    <>
      <div className="page-header">
        <h1>{tAll('screens.audit.title')}</h1>
      </div>
      <AuditFilters search={search} />
      <p className="result-count" role="status">
        {t('results', { count: total })}
      </p>
      {rows.length === 0 ? <p>{t('noResult')}</p> : <AuditTable rows={rows} locale={locale} tariffCodes={tariffCodes} />}
      {pages > 1 ? (
        <Pager
          label={t('pagination')}
          position={t('page', { page: search.page, pages })}
          previousHref={search.page > 1 ? auditSearchUrl.href(search, { page: search.page - 1 }) : null}
          nextHref={search.page < pages ? auditSearchUrl.href(search, { page: search.page + 1 }) : null}
        />
      ) : null}
    </>
  );
}
