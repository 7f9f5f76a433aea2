import { Link } from '@/components/link';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/index';
import { DateRangeFields } from '@/components/form/date-range-fields';
import { SelectField, TextField } from '@/components/form/fields';
import { Pager } from '@/components/pager';
import { PaymentTable } from '@/components/receivables/payment-table';
import { requireRoute } from '@/lib/auth/current-user';
import { getAppLocale } from '@/lib/i18n/app-locale';
import { findPayments, paymentSearchUrl } from '@/lib/receivables/find-payments';
import { firstValues, type PageSearchParams } from '@/lib/url-state';

export default async function PaymentsPage({ searchParams }: { searchParams: PageSearchParams }) {
  await requireRoute('/receivables/payments');
  const t = await getTranslations();
  const locale = await getAppLocale();
  const search = paymentSearchUrl.parse(await firstValues(searchParams));
  const { rows, hasNextPage } = await findPayments(getDb(), search);
  const any = { value: '', label: t('invoicesScreen.any') };
  return (
    <>
      <div className="page-header">
        <h1>{t('payments.title')}</h1>
        <Link href="/receivables/payments/new" className="button primary">
          {t('payments.newPayment')}
        </Link>
      </div>
      <form method="get" action="/receivables/payments" className="search-bar" role="search">
        <TextField name="number" label={t('payments.columns.number')} inputMode="numeric" defaultValue={search.number ?? ''} isNarrow />
        <TextField name="client" label={t('payments.clientNumber')} inputMode="numeric" defaultValue={search.client ?? ''} isNarrow />
        <SelectField
          name="status"
          label={t('payments.columns.status')}
          defaultValue={search.status ?? ''}
          options={[
            any,
            ...(['posted', 'reversed', 'pending'] as const).map((value) => ({ value, label: t(`receivables.paymentStatuses.${value}`) })),
          ]}
          isNarrow
        />
        <DateRangeFields from={search.from} to={search.to} labels={{ from: t('payments.from'), to: t('payments.to') }} />
        <button type="submit" className="primary">
          {t('payments.search')}
        </button>
      </form>
      {rows.length === 0 ? <p>{t('payments.none')}</p> : <PaymentTable rows={rows} locale={locale} label={t('payments.title')} />}
      {search.page > 1 || hasNextPage ? (
        <Pager
          label={t('payments.title')}
          position={t('invoicesScreen.page', { page: search.page })}
          previousHref={search.page > 1 ? paymentSearchUrl.href(search, { page: search.page - 1 }) : null}
          nextHref={hasNextPage ? paymentSearchUrl.href(search, { page: search.page + 1 }) : null}
        />
      ) : null}
    </>
  );
}
