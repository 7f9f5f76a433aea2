import { headOf } from '@/lib/clients/group-role';
import { Link } from '@/components/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/index';
import { ClientMessages } from '@/components/client-messages';
import { DateRangeFields } from '@/components/form/date-range-fields';
import { CreditTermsForm } from '@/components/receivables/credit-terms-form';
import { LedgerTable } from '@/components/receivables/ledger-table';
import { DataTable } from '@/components/tables/data-table';
import { requireRoute } from '@/lib/auth/current-user';
import { isoDate } from '@/lib/forms/dates';
import { getClient } from '@/lib/clients/find-clients';
import { todayInMontreal } from '@/lib/dates/montreal';
import { getAppLocale } from '@/lib/i18n/app-locale';
import { centsToInput } from '@/lib/money/parse';
import { formatDate, formatMoney } from '@/lib/i18n/format';
import { creditHoldOf } from '@/lib/receivables/credit-hold';
import { describeHold } from '@/lib/receivables/describe-hold';
import { clientLedger, memberShares, memberSubtotals, type MemberShare } from '@/lib/receivables/ledger';
import { firstValues, parseRouteNumber, type PageSearchParams } from '@/lib/url-state';

/**
 * A client's account (docs/business-rules.md, Receivables): for a billed client, its balance,
 * credit status and ledger; for a member, the way to its head's account and its share of what
 * the head was billed.
 */
export default async function ClientAccountPage({
  params,
  searchParams,
}: {
  params: Promise<{ number: string }>;
  searchParams: PageSearchParams;
}) {
  const user = await requireRoute('/clients/[number]/account');
  const number = parseRouteNumber((await params).number, 'integer');
  const db = getDb();
  const client = number === null ? null : await getClient(db, number);
  if (!client) notFound();
  const query = await firstValues(searchParams);
  const from = isoDate.safeParse(query.from).success ? query.from! : null;
  const to = isoDate.safeParse(query.to).success ? query.to! : null;
  const t = await getTranslations();
  const locale = await getAppLocale();
  const money = (cents: number) => formatMoney(cents, locale);
  const headNumber = headOf(client);
  const [ledger, hold, shares] = await Promise.all([
    clientLedger(db, client.number, { from, to }),
    creditHoldOf(db, client.number, todayInMontreal()),
    headNumber === null ? Promise.resolve([] as MemberShare[]) : memberShares(db, client.number),
  ]);
  const members = await memberSubtotals(
    db,
    ledger.entries.flatMap((entry) => (entry.invoiceId === null ? [] : [entry.invoiceId])),
  );
  const holdView = hold ? describeHold(hold, { canOverride: false, t: await getTranslations('hold'), money }) : null;

  return (
    <ClientMessages namespaces={['account']}>
      <div className="page-header">
        <h1>{t('account.title', { number: client.number, name: client.name })}</h1>
        <Link href={`/receivables/payments/new?client=${headNumber ?? client.number}`} className="button primary">
          {t('account.recordPayment')}
        </Link>
        <Link href={`/receivables/statements?clientNumber=${headNumber ?? client.number}`} className="button secondary">
          {t('account.statement')}
        </Link>
      </div>
      {headNumber !== null ? (
        <div className="notice" role="note">
          <p>{t('account.memberOf', { head: headNumber })}</p>
          <p>
            <Link href={`/clients/${headNumber}/account`}>{t('account.headAccount', { head: headNumber })}</Link>
          </p>
        </div>
      ) : null}

      <section aria-labelledby="hold-title">
        <h2 id="hold-title">{t('account.holdStatus')}</h2>
        {headNumber === null ? (
          <dl className="figures">
            <dt>{t('account.net')}</dt>
            <dd data-testid="account-balance">{money(hold?.balanceCents ?? 0)}</dd>
          </dl>
        ) : null}
        {holdView ? (
          <div className="notice hold" role="note" data-testid="credit-hold">
            <p>
              <strong>{holdView.title}</strong> — {holdView.billedOn}
            </p>
            <ul>
              {holdView.reasons.map((reason) => (
                <li key={reason}>{reason}</li>
              ))}
            </ul>
          </div>
        ) : (
          <p>{t('account.notHeld')}</p>
        )}
      </section>

      {headNumber !== null ? (
        <section aria-labelledby="shares-title">
          <h2 id="shares-title">{t('account.shares')}</h2>
          {shares.length === 0 ? (
            <p>{t('account.noShares')}</p>
          ) : (
            <DataTable<MemberShare>
              labelledBy="shares-title"
              rows={shares}
              rowKey={(share) => share.invoiceNumber}
              rowProps={(share) => ({ className: share.isVoid ? 'void' : undefined })}
              columns={[
                {
                  header: t('account.shareColumns.invoice'),
                  isRowHeader: true,
                  cell: (share) => <Link href={`/invoices/${share.invoiceNumber}`}>{share.invoiceNumber}</Link>,
                },
                { header: t('account.shareColumns.date'), isNowrap: true, cell: (share) => formatDate(share.issueDate, locale) },
                { header: t('account.shareColumns.head'), cell: (share) => share.headNumber },
                { header: t('account.shareColumns.calls'), isNumeric: true, cell: (share) => share.lineCount },
                { header: t('account.shareColumns.subtotal'), isNumeric: true, cell: (share) => money(share.subtotalCents) },
              ]}
            />
          )}
        </section>
      ) : null}

      <section aria-labelledby="ledger-title">
        <h2 id="ledger-title">{t('account.ledger')}</h2>
        <form method="get" action={`/clients/${client.number}/account`} className="search-bar">
          <DateRangeFields from={from ?? undefined} to={to ?? undefined} labels={{ from: t('account.from'), to: t('account.to') }} />
          <button type="submit" className="primary">
            {t('account.show')}
          </button>
        </form>
        <dl className="figures">
          <dt>{t('account.opening')}</dt>
          <dd data-testid="ledger-opening">{money(ledger.openingCents)}</dd>
        </dl>
        {ledger.entries.length === 0 ? (
          <p>{t('account.empty')}</p>
        ) : (
          <LedgerTable ledger={ledger} members={members} locale={locale} money={money} />
        )}
      </section>

      {user.role === 'admin' && headNumber === null ? (
        <CreditTermsForm
          clientNumber={client.number}
          initial={{
            creditLimit: client.creditLimitCents === null ? '' : centsToInput(client.creditLimitCents, locale),
            holdAfterDays: client.holdAfterDaysPastDue === null ? '' : String(client.holdAfterDaysPastDue),
            policy: client.creditPolicy,
            suspensionReason: client.suspensionReason ?? '',
          }}
        />
      ) : null}
      {user.role === 'admin' && headNumber !== null ? (
        <p className="hint">{t('account.memberCreditNotice', { head: headNumber })}</p>
      ) : null}
    </ClientMessages>
  );
}
