import { Link } from '@/components/link';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/index';
import { DataTable } from '@/components/tables/data-table';
import { accountContests } from '@/lib/contests/find-contests';
import { todayInMontreal } from '@/lib/dates/montreal';
import { getAppLocale } from '@/lib/i18n/app-locale';
import { formatDate, formatDateTimeShort, formatMoney } from '@/lib/i18n/format';
import { portalSummary } from '@/lib/portal/find-portal';
import { requirePortalRoute } from '@/lib/portal/portal-account';

/** The portal's home: what the account owes, what is overdue, its last statement and payments. */
export default async function PortalHomePage() {
  const { account } = await requirePortalRoute('/portal');
  const t = await getTranslations('portal');
  const methods = await getTranslations('receivables.methods');
  const locale = await getAppLocale();
  const contestsT = await getTranslations('portalContests');
  const [summary, contests] = await Promise.all([
    portalSummary(getDb(), account.number, todayInMontreal()),
    accountContests(getDb(), account.number, null, 10),
  ]);
  const money = (cents: number) => formatMoney(cents, locale);
  return (
    <>
      <h1>{t('home.title', { number: account.number, name: account.name })}</h1>
      {account.isHead ? <p>{t('home.group', { count: summary.memberCount })}</p> : null}
      <dl className="summary portal-summary">
        <dt>{t('home.balance')}</dt>
        <dd data-testid="portal-balance">{money(summary.balanceCents)}</dd>
        <dt>{t('home.overdue')}</dt>
        <dd data-testid="portal-overdue">{summary.overdueCents > 0 ? money(summary.overdueCents) : t('home.overdueNone')}</dd>
        <dt>{t('home.lastStatement')}</dt>
        <dd>
          {summary.lastStatement ? (
            <Link href={`/portal/statements/${summary.lastStatement.id}/pdf`}>
              {t('home.statementOf', {
                date: formatDate(summary.lastStatement.to, locale),
                amount: money(summary.lastStatement.closingCents),
              })}
            </Link>
          ) : (
            t('home.noStatement')
          )}
        </dd>
      </dl>
      <h2>{t('home.payments')}</h2>
      {summary.payments.length === 0 ? (
        <p>{t('home.noPayment')}</p>
      ) : (
        <DataTable
          label={t('payments.tableLabel')}
          rows={summary.payments}
          rowKey={(payment) => `${payment.receivedOn}-${payment.reference ?? ''}-${payment.amountCents}`}
          columns={[
            { header: t('payments.columns.date'), isNowrap: true, cell: (payment) => formatDate(payment.receivedOn, locale) },
            { header: t('payments.columns.method'), cell: (payment) => methods(payment.method as 'cheque') },
            { header: t('payments.columns.reference'), cell: (payment) => payment.reference ?? '' },
            { header: t('payments.columns.amount'), isNumeric: true, cell: (payment) => money(payment.amountCents) },
          ]}
        />
      )}
      {contests.length > 0 ? (
        <>
          <h2>{contestsT('recentTitle')}</h2>
          <DataTable
            label={contestsT('recentLabel')}
            rows={contests}
            rowKey={(contest) => contest.id}
            rowProps={(contest) => ({ 'data-testid': `portal-contest-${contest.callNumber}` })}
            columns={[
              {
                header: contestsT('columns.call'),
                isRowHeader: true,
                cell: (contest) => (
                  <Link href={`/portal/calls/${contest.callNumber}`} aria-label={contestsT('open', { number: contest.callNumber })}>
                    {contest.callNumber}
                  </Link>
                ),
              },
              {
                header: contestsT('columns.contestedAt'),
                isNowrap: true,
                cell: (contest) => formatDateTimeShort(contest.contestedAt, locale),
              },
              { header: contestsT('columns.status'), cell: (contest) => contestsT(`statuses.${contest.status}`) },
              { header: contestsT('columns.answer'), cell: (contest) => contest.answer ?? '' },
            ]}
          />
        </>
      ) : null}
    </>
  );
}
