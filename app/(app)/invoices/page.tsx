import { getTranslations } from 'next-intl/server';
import { getAppLocale } from '@/lib/i18n/app-locale';
import { getDb } from '@/db/index';
import { InvoiceTable } from '@/components/billing/invoice-table';
import { requireRoute } from '@/lib/auth/current-user';
import { findInvoices, invoiceSearchParams, type InvoiceSearch } from '@/lib/billing/find-runs';
import { firstValues, type PageSearchParams } from '@/lib/search-params';
import { Pager } from '@/components/pager';

function hrefWith(search: InvoiceSearch, page: number): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...search, page }))
    if (value !== undefined && !(key === 'page' && value === 1)) params.set(key, String(value));
  return `/invoices?${params.toString()}`;
}

export default async function InvoicesPage({ searchParams }: { searchParams: PageSearchParams }) {
  await requireRoute('/invoices');
  const t = await getTranslations();
  const locale = await getAppLocale();
  const raw = await firstValues(searchParams);
  const search = invoiceSearchParams.parse(raw);
  const { rows, hasNextPage } = await findInvoices(getDb(), search);
  return (
    <>
      <h1>{t('screens.invoices.title')}</h1>
      <form method="get" action="/invoices" className="search-bar" role="search">
        {(['number', 'client', 'run'] as const).map((field) => (
          <div className="field narrow-field" key={field}>
            <label htmlFor={field}>{t(`invoicesScreen.${field}`)}</label>
            <input id={field} name={field} inputMode="numeric" defaultValue={search[field] ?? ''} />
          </div>
        ))}
        <div className="field narrow-field">
          <label htmlFor="kind">{t('invoicesScreen.kind')}</label>
          <select id="kind" name="kind" defaultValue={search.kind ?? ''}>
            <option value="">{t('invoicesScreen.any')}</option>
            <option value="normal">{t('runs.kinds.normal')}</option>
            <option value="grouped">{t('runs.kinds.grouped')}</option>
          </select>
        </div>
        <div className="field narrow-field">
          <label htmlFor="status">{t('invoicesScreen.status')}</label>
          <select id="status" name="status" defaultValue={search.status ?? ''}>
            <option value="">{t('invoicesScreen.any')}</option>
            <option value="issued">{t('invoicesScreen.statuses.issued')}</option>
            <option value="void">{t('invoicesScreen.statuses.void')}</option>
          </select>
        </div>
        <div className="field narrow-field">
          <label htmlFor="from">{t('invoicesScreen.from')}</label>
          <input id="from" name="from" type="date" defaultValue={search.from ?? ''} />
        </div>
        <div className="field narrow-field">
          <label htmlFor="to">{t('invoicesScreen.to')}</label>
          <input id="to" name="to" type="date" defaultValue={search.to ?? ''} />
        </div>
        <button type="submit" className="primary">
          {t('invoicesScreen.search')}
        </button>
      </form>
      {rows.length === 0 ? (
        <p>{t('invoicesScreen.none')}</p>
      ) : (
        <InvoiceTable rows={rows} locale={locale} label={t('screens.invoices.title')} />
      )}
      {search.page > 1 || hasNextPage ? (
        <Pager
          label={t('screens.invoices.title')}
          position={t('invoicesScreen.page', { page: search.page })}
          previousHref={search.page > 1 ? hrefWith(search, search.page - 1) : null}
          nextHref={hasNextPage ? hrefWith(search, search.page + 1) : null}
        />
      ) : null}
    </>
  );
}
