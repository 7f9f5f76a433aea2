import { getTranslations } from 'next-intl/server';
import { getDb, withPreparedStatements } from '@/db/index';
import { BillingExports } from '@/components/billing/billing-exports';
import { BillingListForm } from '@/components/billing/billing-list-form';
import { BillingPreviewTable } from '@/components/billing/billing-preview-table';
import { GenerateForm } from '@/components/billing/generate-form';
import { ClientMessages } from '@/components/client-messages';
import { requireRoute } from '@/lib/auth/current-user';
import { readBillingListForm, type BillingInput } from '@/lib/billing/billing-input';
import { isShortList } from '@/lib/billing/billable-calls';
import { billingListOf, confirmedListOf, countWaitingInOtherProcess, heldCallsOfList } from '@/lib/billing/preview-billing';
import { reviewSearchUrl } from '@/lib/review/find-review';
import { HeldCalls } from '@/components/billing/held-calls';
import { billingListQuery } from '@/lib/billing/billing-input';
import { Link } from '@/components/link';
import { encodeConfirmedList } from '@/lib/billing/confirmed-list';
import { addDays, todayInMontreal } from '@/lib/dates/montreal';
import { getAppLocale } from '@/lib/i18n/app-locale';
import { formatMoney } from '@/lib/i18n/format';
import { firstValues, type PageSearchParams } from '@/lib/url-state';

export default async function BillingListPage({ searchParams }: { searchParams: PageSearchParams }) {
  await requireRoute('/billing');
  const t = await getTranslations();
  const locale = await getAppLocale();
  // Default cut-off: yesterday, so that today's calls still being worked wait for the next run.
  const { form, hasAsked, input, fieldErrors } = readBillingListForm(await firstValues(searchParams), addDays(todayInMontreal(), -1));
  const read = (asked: BillingInput) =>
    Promise.all([billingListOf(getDb(), asked), countWaitingInOtherProcess(getDb(), asked), heldCallsOfList(getDb(), asked)]);
  // A short list's statements are kept prepared: their plan does not depend on the range.
  const [{ preview, toReview }, waiting, held] =
    hasAsked && input
      ? await (isShortList(input) ? withPreparedStatements(() => read(input)) : read(input))
      : [{ preview: null, toReview: 0 }, null, []];
  const money = (cents: number) => formatMoney(cents, locale);

  return (
    <ClientMessages namespaces={['billing', 'callHold']}>
      <>
        <h1>{t('screens.billing.title')}</h1>
        {/* Keyed by the query: the link to the other process shows its criteria, not the fields as they were. */}
        <BillingListForm key={billingListQuery(form)} form={form} fieldErrors={fieldErrors} />
        {preview ? (
          <>
            <p className="result-count" role="status">
              {t('billing.summary', {
                invoices: preview.totals.invoices,
                calls: preview.totals.calls,
                total: money(preview.totals.totalCents),
              })}
            </p>
            {waiting && waiting.calls > 0 ? (
              <p className="notice" data-testid="other-process">
                {t('billing.otherProcess', {
                  isGrouped: String(!form.isGrouped),
                  calls: waiting.calls,
                  clients: waiting.clients,
                  total: money(waiting.totalCents),
                })}{' '}
                <Link href={`/billing?${billingListQuery({ ...form, isGrouped: !form.isGrouped })}`}>
                  {t('billing.otherProcessLink', { isGrouped: String(!form.isGrouped) })}
                </Link>
              </p>
            ) : null}
            {toReview > 0 && input ? (
              <p className="notice" data-testid="to-review">
                {t('review.listCount', { count: toReview })}{' '}
                <Link
                  href={reviewSearchUrl.href(reviewSearchUrl.parse({}), {
                    isGrouped: input.isGrouped,
                    to: input.cutoff,
                    cycle: input.cycle,
                    clientFrom: input.clientFrom ?? undefined,
                    clientTo: input.clientTo ?? undefined,
                  })}
                >
                  {t('review.listLink')}
                </Link>
              </p>
            ) : null}
            {held.length > 0 ? <HeldCalls calls={held} locale={locale} /> : null}
            {preview.invoices.length === 0 ? (
              <p>{t('billing.empty')}</p>
            ) : (
              <>
                <BillingExports form={form} />
                <BillingPreviewTable preview={preview} isGrouped={form.isGrouped} money={money} />
              </>
            )}
            <GenerateForm
              inputs={form}
              expected={{ invoices: preview.totals.invoices, confirmed: encodeConfirmedList(confirmedListOf(preview)) }}
              totalLabel={money(preview.totals.totalCents)}
            />
          </>
        ) : null}
      </>
    </ClientMessages>
  );
}
