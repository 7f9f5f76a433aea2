import Link from 'next/link';
import type { ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';
import type { Column } from '@/components/tables/data-table';
import type { EmailState } from '@/lib/delivery/email-queue';

type Counts = { total: number; none: number; pending: number; sent: number; failed: number };

/** Where a batch's e-mails stand, whatever the kind of document: the local outbox's notice, the counts, the buttons. */
export async function EmailStatus({
  messages,
  counts,
  testId,
  controls,
}: {
  messages: 'delivery' | 'statements';
  counts: Counts;
  testId: string;
  controls: ReactNode;
}) {
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
      {controls}
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
