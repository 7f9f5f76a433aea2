import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { DataTable } from '@/components/tables/data-table';
import { formatDateTimeShort, formatMoney } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locale';
import type { StatementProgressRow, statementProgress } from '@/lib/statements/statement-delivery';
import type { StatementSelection } from '@/lib/statements/statement-input';
import { ResendStatementButton, SelectionFields, StatementEmailControls, type StatementSelectionFields } from './statement-controls';

type Progress = Awaited<ReturnType<typeof statementProgress>>;

/** The statements of a selection: print them as one PDF, e-mail them, each client's own PDF and e-mail state. */
export async function StatementList({
  progress,
  selection,
  locale,
  hasSmtp,
}: {
  progress: Progress;
  selection: StatementSelection;
  locale: Locale;
  hasSmtp: boolean;
}) {
  const t = await getTranslations('statements');
  if (progress.counts.total === 0) return <p>{t('none')}</p>;
  const fields: StatementSelectionFields = {
    from: selection.from,
    to: selection.to,
    isGrouped: selection.isGrouped,
    clientNumber: selection.clientNumber === undefined ? '' : String(selection.clientNumber),
  };
  // A preview (GET) records nothing: printing is the form's POST, for the batch or one client.
  const previewHref = (clientNumber: number) =>
    `/receivables/statements/print?${new URLSearchParams({ from: selection.from, to: selection.to, clientNumber: String(clientNumber) }).toString()}`;
  const money = (cents: number) => formatMoney(cents, locale);
  const member = selection.clientNumber !== undefined ? progress.statements.find((s) => s.memberOf !== null) : undefined;
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
        <SelectionFields selection={fields} />
        <button type="submit" className="primary">
          {t('printButton')}
        </button>
        <span className="hint">{t('printHint')}</span>
      </form>
      <p className="hint" id="statement-preview-hint">
        {t('previewHint')}
      </p>
      <h3>{t('emailTitle')}</h3>
      {!hasSmtp ? (
        <p className="notice">
          {t('outbox')} <Link href="/admin/outbox">{t('outboxLink')}</Link>
        </p>
      ) : null}
      <p role="status" data-testid="statement-counts">
        {t('counts', progress.counts)}
      </p>
      <StatementEmailControls
        selection={fields}
        hasPending={progress.counts.pending > 0}
        hasFailures={progress.counts.failed > 0}
        hasUnsent={progress.statements.some((s) => s.status === 'none' && s.invoiceEmails.length > 0)}
      />
      <DataTable<StatementProgressRow>
        labelledBy="statements-title"
        rows={progress.statements}
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
          {
            header: t('columns.recipients'),
            cell: (row) => (row.recipients.length > 0 ? row.recipients.join(', ') : <span className="hint">{t('noAddress')}</span>),
          },
          { header: t('columns.status'), cell: (row) => t(`statuses.${row.status}`) },
          {
            header: t('columns.detail'),
            cell: (row) => (
              <>
                <a href={previewHref(row.clientNumber)} aria-describedby="statement-preview-hint">
                  {t('preview')}
                </a>{' '}
                {row.printedAt ? <span className="hint">{t('printed', { date: formatDateTimeShort(row.printedAt, locale) })} </span> : null}
                {row.error && row.status !== 'sent' ? <span className="error">{row.error} </span> : null}
                {row.attempts > 0 ? <span className="hint">{t('attempts', { count: row.attempts })} </span> : null}
                {row.status === 'sent' ? (
                  <ResendStatementButton clientNumber={row.clientNumber} from={selection.from} to={selection.to} />
                ) : null}
              </>
            ),
          },
        ]}
      />
    </section>
  );
}
