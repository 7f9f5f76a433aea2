import { Link } from '@/components/link';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/index';
import { CycleField } from '@/components/billing/cycle-field';
import { ReviewTable } from '@/components/billing/review-table';
import { ClientMessages } from '@/components/client-messages';
import { DateRangeFields } from '@/components/form/date-range-fields';
import { CheckboxField, SelectField, TextField } from '@/components/form/fields';
import { Pager } from '@/components/pager';
import { requireRoute } from '@/lib/auth/current-user';
import { getAppLocale } from '@/lib/i18n/app-locale';
import { formatDate, formatMoney } from '@/lib/i18n/format';
import { openContestCount } from '@/lib/contests/find-contests';
import { findReview, REVIEW_FILTERS, reviewSearchUrl } from '@/lib/review/find-review';
import { firstValues, type PageSearchParams } from '@/lib/url-state';

/** Vérification avant facturation: the calls to look at before they are billed, with their reasons and actions. */
export default async function ReviewPage({ searchParams }: { searchParams: PageSearchParams }) {
  await requireRoute('/billing/review');
  const t = await getTranslations();
  const locale = await getAppLocale();
  const search = reviewSearchUrl.parse(await firstValues(searchParams));
  const [{ rows, hasNextPage, total }, openContests] = await Promise.all([findReview(getDb(), search), openContestCount(getDb())]);
  return (
    <ClientMessages namespaces={['review', 'callHold']}>
      <>
        <h1>{t('screens.review.title')}</h1>
        <p>{t('review.intro')}</p>
        {/* Contests of invoiced calls are not in this list (an issued invoice never changes): said here, with their list. */}
        {openContests > 0 ? (
          <p className="notice" role="note" data-testid="open-contests">
            {t('callContests.listCount', { count: openContests })} <Link href="/billing/contests">{t('callContests.listLink')}</Link>
          </p>
        ) : null}
        <form method="get" action="/billing/review" className="search-bar" role="search">
          <SelectField
            name="reason"
            label={t('review.reason')}
            defaultValue={search.reason ?? ''}
            options={[
              { value: '', label: t('review.any') },
              ...REVIEW_FILTERS.map((reason) => ({ value: reason, label: t(`review.reasons.${reason}`) })),
            ]}
            isNarrow
          />
          <TextField name="client" label={t('review.client')} inputMode="numeric" defaultValue={search.client ?? ''} isNarrow />
          <CycleField defaultValue={search.cycle} />
          <TextField name="clientFrom" label={t('review.billedFrom')} inputMode="numeric" defaultValue={search.clientFrom ?? ''} isNarrow />
          <TextField name="clientTo" label={t('review.billedTo')} inputMode="numeric" defaultValue={search.clientTo ?? ''} isNarrow />
          <DateRangeFields from={search.from} to={search.to} labels={{ from: t('review.from'), to: t('review.to') }} />
          <CheckboxField name="isGrouped" label={t('billing.grouped')} defaultChecked={search.isGrouped} />
          <button type="submit" className="primary">
            {t('review.search')}
          </button>
        </form>
        <p className="result-count" role="status">
          {t('review.count', { count: total })}
        </p>
        {/* Kept when the last row leaves, so that the approval's message stays. */}
        <ReviewTable
          rows={rows}
          dates={rows.map((row) => formatDate(row.serviceDate, locale))}
          prices={rows.map((row) => formatMoney(row.priceCents, locale))}
        />
        {search.page > 1 || hasNextPage ? (
          <Pager
            label={t('review.tableLabel')}
            position={t('review.page', { page: search.page })}
            previousHref={search.page > 1 ? reviewSearchUrl.href(search, { page: search.page - 1 }) : null}
            nextHref={hasNextPage ? reviewSearchUrl.href(search, { page: search.page + 1 }) : null}
          />
        ) : null}
      </>
    </ClientMessages>
  );
}
