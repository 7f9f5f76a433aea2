import { Link } from '@/components/link';
import { getTranslations } from 'next-intl/server';
import { DataTable } from '@/components/tables/data-table';
import { formatDateTimeShort, formatMoney } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locale';
import { resendStatementEmailAction, retryFailedStatementEmailsAction, sendStatementEmailsAction } from '@/actions/delivery';
import { ResendButton } from '@/components/delivery/email-controls';
import { EmailStatus, emailColumns } from '@/components/delivery/email-status';
import type { BatchProgress, EmailState } from '@/lib/delivery/email-queue';
import type { DeliveredStatement } from '@/lib/delivery/kinds/statement';
import type { StatementSelection } from '@/lib/statements/statement-input';

type StatementRow = DeliveredStatement & EmailState;

/** The statements of a selection: print them as one PDF, e-mail them, each client's own PDF and e-mail state. */
export async function StatementList({
  progress,
  selection,
  locale,
}: {
  progress: BatchProgress<DeliveredStatement>;
  selection: StatementSelection;
  locale: Locale;
}) {
  const t = await getTranslations('statements');
  if (progress.counts.total === 0) return <p>{t('none')}</p>;
  const fields = {
    from: selection.from,
    to: selection.to,
    ...(selection.clientNumber === undefined ? {} : { clientNumber: String(selection.clientNumber) }),
    ...(selection.isGrouped ? { isGrouped: 'on' } : {}),
  };
  // A preview (GET) records nothing: printing is the form's POST, for the batch or one client.
  const previewHref = (clientNumber: number) =>
    `/receivables/statements/print?${new URLSearchParams({ from: selection.from, to: selection.to, clientNumber: String(clientNumber) }).toString()}`;
  const money = (cents: number) => formatMoney(cents, locale);
  const member = selection.clientNumber !== undefined ? progress.documents.find((s) => s.memberOf !== null) : undefined;
  const headHref = (head: number) =>
    `/receivables/statements?${new URLSearchParams({ from: selection.from, to: selection.to, clientNumber: String(head) }).toString()}`;
  return (
    <section aria-labelledby="statements-title">
      <h2 id="statements-title">{t('listTitle', { count: progress.counts.total })}</h2>
      {member?.memberOf ? (
        <p className="notice">
          {t('memberNotice', { number: member.clientNumber, head: member.memberOf })}{' '}
          <Link href={headHref(member.memberOf)}>{t('headStatement', { head: member.memberOf })}</Link>
        </p>
      ) : null}
      <form method="post" action="/receivables/statements/print" className="delivery-controls">
        {Object.entries(fields).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <button type="submit" className="primary">
          {t('printButton')}
        </button>
        <span className="hint">{t('printHint')}</span>
      </form>
      <p className="hint" id="statement-preview-hint">
        {t('previewHint')}
      </p>
      <h3>{t('emailTitle')}</h3>
      <EmailStatus
        messages="statements"
        progress={progress}
        testId="statement-counts"
        send={sendStatementEmailsAction}
        retry={retryFailedStatementEmailsAction}
        fields={fields}
      />
      <DataTable<StatementRow>
        labelledBy="statements-title"
        rows={progress.documents}
        rowKey={(row) => row.clientNumber}
        rowProps={(row) => ({ 'data-testid': `statement-${row.clientNumber}` })}
        columns={[
          {
            header: t('columns.client'),
            isRowHeader: true,
            cell: (row) => (
              <>
                {row.clientNumber} — {row.name}
                {row.isHead ? <span className="hint"> ({t('head')})</span> : null}
              </>
            ),
          },
          { header: t('columns.language'), cell: (row) => t(`languages.${row.language}`) },
          { header: t('columns.opening'), isNumeric: true, cell: (row) => money(row.openingCents) },
          { header: t('columns.documents'), isNumeric: true, cell: (row) => row.documentCount },
          { header: t('columns.closing'), isNumeric: true, cell: (row) => money(row.closingCents) },
          ...(await emailColumns<StatementRow>('statements', {
            before: (row) => (
              <>
                <a href={previewHref(row.clientNumber)} aria-describedby="statement-preview-hint">
                  {t('preview')}
                </a>{' '}
                {row.printedAt ? <span className="hint">{t('printed', { date: formatDateTimeShort(row.printedAt, locale) })} </span> : null}
              </>
            ),
            resend: (row) => (
              <ResendButton
                action={resendStatementEmailAction}
                fields={{ clientNumber: String(row.clientNumber), from: selection.from, to: selection.to }}
                label={t('resend', { number: row.clientNumber })}
              />
            ),
          })),
        ]}
      />
    </section>
  );
}
