import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/index';
import { InvoiceSearchForm } from '@/components/billing/invoice-search-form';
import { InvoiceTable } from '@/components/billing/invoice-table';
import { Pager } from '@/components/pager';
import { requireRoute } from '@/lib/auth/current-user';
import { findInvoices, invoiceSearchUrl } from '@/lib/billing/find-invoices';
import { getAppLocale } from '@/lib/i18n/app-locale';
import { firstValues, type PageSearchParams } from '@/lib/url-state';

export default async function InvoicesPage({ searchParams }: { searchParams: PageSearchParams }) {
  await requireRoute('/invoices');
  const t = await getTranslations();
  const locale = await getAppLocale();
  const search = invoiceSearchUrl.parse(await firstValues(searchParams));
  const { rows, hasNextPage } = await findInvoices(getDb(), search);
  return (
    <>
      <h1>{t('screens.invoices.title')}</h1>
      <InvoiceSearchForm search={search} />
      {rows.length === 0 ? (
        <p>{t('invoicesScreen.none')}</p>
      ) : (
        <InvoiceTable rows={rows} locale={locale} label={t('screens.invoices.title')} />
      )}
      {search.page > 1 || hasNextPage ? (
        <Pager
          label={t('screens.invoices.title')}
          position={t('invoicesScreen.page', { page: search.page })}
          previousHref={search.page > 1 ? invoiceSearchUrl.href(search, { page: search.page - 1 }) : null}
          nextHref={hasNextPage ? invoiceSearchUrl.href(search, { page: search.page + 1 }) : null}
        />
      ) : null}
    </>
  );
}
