import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getAppLocale } from '@/lib/i18n/app-locale';
import { getDb } from '@/db/index';
import { requireRoute } from '@/lib/auth/current-user';
import { AUDIT_ENTITIES, auditSearchParams, describeAuditValue, findAudit, type AuditRow, type AuditSearch } from '@/lib/audit/find-audit';
import { formatDateTime, formatMoney } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locale';
import { formatRate } from '@/lib/tariffs/format-rate';
import { tariffCodesById } from '@/lib/tariffs/list-tariffs';
import { firstValues, type PageSearchParams } from '@/lib/search-params';
import { Pager } from '@/components/pager';

type Translate = Awaited<ReturnType<typeof getTranslations<'audit'>>>;

function hrefWith(search: AuditSearch, page: number): string {
  const params = new URLSearchParams();
  if (search.client !== undefined) params.set('client', String(search.client));
  if (search.from) params.set('from', search.from);
  if (search.to) params.set('to', search.to);
  if (search.entity) params.set('entity', search.entity);
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return query ? `/admin/audit?${query}` : '/admin/audit';
}

/** A stored value in the reader's language: "12,50 $", "1,8750 $/km", "Oui", "Administrateur"… */
function showValue(
  row: AuditRow,
  value: string | null,
  t: Translate,
  tRoles: (role: string) => string,
  locale: Locale,
  tariffCodes: Map<number, string>,
): string {
  const described = describeAuditValue(row.field, value);
  switch (described.kind) {
    case 'empty':
      return t('empty');
    case 'money':
      return formatMoney(described.cents, locale);
    case 'rate':
      return formatRate(described.value, locale, described.unit);
    case 'percent':
      return `${locale === 'fr' ? described.value.replace('.', ',') : described.value} %`;
    case 'boolean':
      return described.value ? t('yes') : t('no');
    case 'role':
      return tRoles(described.role);
    case 'language':
      return t(`locales.${described.locale}`);
    case 'choice':
      return t(`${described.group}.${described.key}` as 'deliveryMethods.print');
    case 'tariff':
      return tariffCodes.get(described.id) ?? String(described.id);
    case 'image':
      return t('image');
    case 'text':
      return described.text;
  }
}

const LONG_VALUE = 160;

/** Long values (notes, addresses lists) are cut in the table; the whole text stays in the tooltip. */
function ValueCell({ text }: { text: string }) {
  if (text.length <= LONG_VALUE) return <td>{text}</td>;
  return <td title={text}>{`${text.slice(0, LONG_VALUE)}…`}</td>;
}

export default async function AuditPage({ searchParams }: { searchParams: PageSearchParams }) {
  await requireRoute('/admin/audit');
  const t = await getTranslations('audit');
  const tAll = await getTranslations();
  const locale = await getAppLocale();
  const raw = await firstValues(searchParams);
  const search = auditSearchParams.parse(raw);
  const db = getDb();
  const [{ rows, total, pages }, tariffCodes] = await Promise.all([findAudit(db, search), tariffCodesById(db)]);
  const tRoles = (role: string) => tAll(`roles.${role}` as 'roles.admin');
  const fieldLabel = (field: string) => (t.has(`fields.${field}` as 'fields.name') ? t(`fields.${field}` as 'fields.name') : field);
  const what = (row: AuditRow) =>
    AUDIT_ENTITIES.includes(row.entity) ? t(`what.${row.entity}`, { key: row.entityKey }) : `${row.entity} ${row.entityKey}`;

  return (
    <>
      <div className="page-header">
        <h1>{tAll('screens.audit.title')}</h1>
      </div>

      <form method="get" action="/admin/audit" className="search-bar" role="search" aria-label={t('filters')}>
        <div className="field narrow-field">
          <label htmlFor="audit-client">{t('client')}</label>
          <input id="audit-client" name="client" inputMode="numeric" defaultValue={search.client ?? ''} />
        </div>
        <div className="field narrow-field">
          <label htmlFor="audit-from">{t('from')}</label>
          <input id="audit-from" name="from" type="date" defaultValue={search.from ?? ''} />
        </div>
        <div className="field narrow-field">
          <label htmlFor="audit-to">{t('to')}</label>
          <input id="audit-to" name="to" type="date" defaultValue={search.to ?? ''} />
        </div>
        <div className="field">
          <label htmlFor="audit-entity">{t('entity')}</label>
          <select id="audit-entity" name="entity" defaultValue={search.entity ?? ''}>
            <option value="">{t('allEntities')}</option>
            {AUDIT_ENTITIES.map((entity) => (
              <option key={entity} value={entity}>
                {t(`entityKinds.${entity}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="primary">
          {t('filter')}
        </button>
        <Link href="/admin/audit">{t('clear')}</Link>
      </form>

      <p className="result-count" role="status">
        {t('results', { count: total })}
      </p>

      {rows.length === 0 ? (
        <p>{t('noResult')}</p>
      ) : (
        <table className="data-table" aria-label={t('tableLabel')}>
          <thead>
            <tr>
              <th scope="col">{t('columns.at')}</th>
              <th scope="col">{t('columns.who')}</th>
              <th scope="col">{t('columns.what')}</th>
              <th scope="col">{t('columns.field')}</th>
              <th scope="col">{t('columns.oldValue')}</th>
              <th scope="col">{t('columns.newValue')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <td>
                  <time dateTime={row.at.toISOString()}>{formatDateTime(row.at, locale)}</time>
                </td>
                <td>{row.userName ?? t('system')}</td>
                <td>{row.clientNumber !== null ? <Link href={`/clients/${row.clientNumber}`}>{what(row)}</Link> : what(row)}</td>
                <td>{fieldLabel(row.field)}</td>
                <ValueCell text={showValue(row, row.oldValue, t, tRoles, locale, tariffCodes)} />
                <ValueCell text={showValue(row, row.newValue, t, tRoles, locale, tariffCodes)} />
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {pages > 1 ? (
        <Pager
          label={t('pagination')}
          position={t('page', { page: search.page, pages })}
          previousHref={search.page > 1 ? hrefWith(search, search.page - 1) : null}
          nextHref={search.page < pages ? hrefWith(search, search.page + 1) : null}
        />
      ) : null}
    </>
  );
}
