import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/index';
import { CheckboxField, SelectField, TextField } from '@/components/form/fields';
import { Pager } from '@/components/pager';
import { AgingTable } from '@/components/receivables/aging-table';
import { requireRoute } from '@/lib/auth/current-user';
import { todayInMontreal } from '@/lib/dates/montreal';
import { getAppLocale } from '@/lib/i18n/app-locale';
import { formatMoney } from '@/lib/i18n/format';
import { AGING_PAGE_SIZE, AGING_SORTS, agingAsOf, memberAgingAsOf } from '@/lib/receivables/aging';
import { agingSearchUrl } from '@/lib/receivables/aging-url';
import { firstValues, type PageSearchParams } from '@/lib/url-state';

/** Aging of the receivables as of any date (docs/business-rules.md, Receivables). */
export default async function AgingPage({ searchParams }: { searchParams: PageSearchParams }) {
  await requireRoute('/receivables');
  const t = await getTranslations('aging');
  const locale = await getAppLocale();
  const search = agingSearchUrl.parse(await firstValues(searchParams));
  const asOf = search.asOf ?? todayInMontreal();
  const isGrouped = search.grouped === 'on';
  const db = getDb();
  const report = await agingAsOf(db, { asOf, isGrouped, sort: search.sort, page: search.page });
  const heads = report.rows.filter((row) => row.isHead).map((row) => row.clientNumber);
  const members = await memberAgingAsOf(db, asOf, heads);
  const money = (cents: number) => formatMoney(cents, locale);
  const pages = Math.max(1, Math.ceil(report.clientCount / AGING_PAGE_SIZE));
  const exportQuery = new URLSearchParams({ asOf, sort: search.sort, ...(isGrouped ? { grouped: 'on' } : {}) });
  return (
    <>
      <h1>{t('title')}</h1>
      <form method="get" action="/receivables" className="search-bar" role="search">
        <TextField name="asOf" label={t('asOf')} type="date" defaultValue={asOf} isNarrow />
        <CheckboxField name="grouped" label={t('grouped')} defaultChecked={isGrouped} hint={t('groupedHint')} />
        <SelectField
          name="sort"
          label={t('sort')}
          defaultValue={search.sort}
          options={AGING_SORTS.map((value) => ({ value, label: t(`sorts.${value}`) }))}
          isNarrow
        />
        <button type="submit" className="primary">
          {t('show')}
        </button>
      </form>
      <p className="exports">
        <a href={`/receivables/export?${exportQuery}`} className="button secondary" download>
          {t('exportCsv')}
        </a>
        <a href={`/receivables/export?${exportQuery}&format=pdf`} className="button secondary" download>
          {t('exportPdf')}
        </a>
      </p>
      {report.rows.length === 0 ? <p>{t('empty')}</p> : <AgingTable report={report} members={members} money={money} label={t('title')} />}
      {pages > 1 ? (
        <Pager
          label={t('title')}
          position={`${search.page} / ${pages}`}
          previousHref={search.page > 1 ? agingSearchUrl.href(search, { page: search.page - 1 }) : null}
          nextHref={search.page < pages ? agingSearchUrl.href(search, { page: search.page + 1 }) : null}
        />
      ) : null}
    </>
  );
}
