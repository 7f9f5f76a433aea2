import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/index';
import { ClientMessages } from '@/components/client-messages';
import { ContestCallForm } from '@/components/contests/contest-call-form';
import { accountContests } from '@/lib/contests/find-contests';
import { referenceMentions } from '@/lib/i18n/document-words';
import { getAppLocale } from '@/lib/i18n/app-locale';
import { formatDate, formatDateTime, formatMoney } from '@/lib/i18n/format';
import { portalCall } from '@/lib/portal/find-portal';
import { requirePortalRoute } from '@/lib/portal/portal-account';
import { parseRouteNumber } from '@/lib/url-state';

/**
 * One call of the account, looked up within it (another account's is not found): its details,
 * the account's contests of it with the billing department's answers, and `Contester`.
 */
export default async function PortalCallPage({ params }: { params: Promise<{ number: string }> }) {
  const { account } = await requirePortalRoute('/portal/calls/[number]');
  const number = parseRouteNumber((await params).number);
  const db = getDb();
  const [call, contests] =
    number === null ? [null, []] : await Promise.all([portalCall(db, account.number, number), accountContests(db, account.number, number)]);
  if (!call) notFound();
  const t = await getTranslations('portalContests');
  const statusLabel = await getTranslations('callStatus');
  const locale = await getAppLocale();
  const isWaiting = contests.some((contest) => contest.status === 'open');
  const mentions = referenceMentions(call.referenceValues);
  return (
    <ClientMessages namespaces={['portalContests']}>
      <>
        <h1>{t('title', { number: call.number })}</h1>
        <dl className="summary" data-testid="portal-call">
          <dt>{t('details.date')}</dt>
          <dd>{formatDate(call.serviceDate, locale)}</dd>
          <dt>{t('details.client')}</dt>
          <dd>{`${call.clientNumber} — ${call.clientName}`}</dd>
          <dt>{t('details.route')}</dt>
          <dd>
            {call.pickupAddress} → {call.destinationAddress}
          </dd>
          {mentions ? (
            <>
              <dt>{t('details.references')}</dt>
              <dd>{mentions}</dd>
            </>
          ) : null}
          {call.clientReference ? (
            <>
              <dt>{t('details.reference')}</dt>
              <dd>{call.clientReference}</dd>
            </>
          ) : null}
          <dt>{t('details.price')}</dt>
          <dd>{formatMoney(call.priceCents, locale)}</dd>
          <dt>{t('details.status')}</dt>
          <dd>{statusLabel(call.status)}</dd>
          <dt>{t('details.invoice')}</dt>
          <dd>
            {call.invoiceNumber === null ? (
              t('notInvoiced')
            ) : (
              <a href={`/portal/invoices/${call.invoiceNumber}/pdf`}>{call.invoiceNumber}</a>
            )}
          </dd>
        </dl>
        {contests.length > 0 ? (
          <section aria-labelledby="contests-title">
            <h2 id="contests-title">{t('historyTitle')}</h2>
            <ul className="plain-list" data-testid="portal-contests">
              {contests.map((contest) => (
                <li key={contest.id} className="notice">
                  <p>
                    <strong>{t(`statuses.${contest.status}`)}</strong> —{' '}
                    {t('contested', {
                      date: formatDateTime(contest.contestedAt, locale),
                      name: contest.contestedBy,
                      comment: contest.comment,
                    })}
                  </p>
                  {contest.answeredAt ? (
                    <p>
                      {contest.answer
                        ? t('answer', { date: formatDateTime(contest.answeredAt, locale), answer: contest.answer })
                        : t('noAnswerText', { date: formatDateTime(contest.answeredAt, locale) })}
                      {contest.creditNote
                        ? ` ${t('creditNote', { number: contest.creditNote.number, amount: formatMoney(contest.creditNote.totalCents, locale) })}`
                        : ''}
                    </p>
                  ) : null}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        {call.status === 'cancelled' ? (
          <p>{t('cancelled')}</p>
        ) : isWaiting ? (
          <p role="note">{t('waiting')}</p>
        ) : (
          <section aria-labelledby="contest-title">
            <h2 id="contest-title">{t('contestTitle')}</h2>
            <p>{call.invoiceNumber === null ? t('contestIntro') : t('invoicedIntro', { invoice: call.invoiceNumber })}</p>
            <ContestCallForm number={call.number} />
          </section>
        )}
      </>
    </ClientMessages>
  );
}
