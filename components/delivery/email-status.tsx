import { Link } from '@/components/link';
import type { ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';
import type { Column } from '@/components/tables/data-table';
import type { BatchProgress, EmailState } from '@/lib/delivery/email-queue';
import { EmailControls, type EmailAction } from './email-controls';

/** Where a batch's e-mails stand, whatever the kind of document: the local outbox's notice, the counts, the buttons. */
export async function EmailStatus({
  messages,
  progress,
  testId,
  send,
  retry,
  fields,
}: {
  messages: 'delivery' | 'statements';
  progress: BatchProgress<unknown>;
  testId: string;
  send: EmailAction;
  retry: EmailAction;
  /** The selection the buttons carry. */
  fields: Record<string, string>;
}) {
  const { counts } = progress;
  const t = await getTranslations(messages);
  return (
    <>
      {!process.env.SMTP_URL ? (
        <p className="notice">
          {t('outbox')} <Link href="/admin/outbox">{t('outboxLink')}</Link>
        </p>
      ) : null}
      <p role="status" data-testid={testId}>
        {t('counts', counts)}
      </p>
      <EmailControls
        messages={messages}
        send={send}
        retry={retry}
        fields={fields}
        hasPending={counts.pending > 0}
        hasFailures={counts.failed > 0}
        hasUnsent={progress.hasUnsent}
      />
    </>
  );
}

/**
 * A batch table's e-mail columns: where each document goes, its state, and its detail (what the
 * screen puts first, the server's reason for a failure, the attempts, the resend of a sent one).
 */
export async function emailColumns<Row extends EmailState>(
  messages: 'delivery' | 'statements',
  detail: { before?: (row: Row) => ReactNode; resend: (row: Row) => ReactNode },
): Promise<Column<Row>[]> {
  const t = await getTranslations(messages);
  return [
    {
      header: t('columns.recipients'),
      cell: (row) => (row.recipients.length > 0 ? row.recipients.join(', ') : <span className="hint">{t('noAddress')}</span>),
    },
    { header: t('columns.status'), cell: (row) => t(`statuses.${row.status}`) },
    {
      header: t('columns.detail'),
      cell: (row) => (
        <>
          {detail.before?.(row)}
          {row.error && row.status !== 'sent' ? <span className="error">{row.error} </span> : null}
          {row.attempts > 0 ? <span className="hint">{t('attempts', { count: row.attempts })} </span> : null}
          {row.status === 'sent' ? detail.resend(row) : null}
        </>
      ),
    },
  ];
}
