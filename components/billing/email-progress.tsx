import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { EmailControls, ResendButton } from '@/components/billing/delivery-controls';
import { DataTable } from '@/components/tables/data-table';
import type { DeliveryForm } from '@/lib/delivery/delivery-input';
import type { emailProgress } from '@/lib/delivery/email-queue';

type Progress = Awaited<ReturnType<typeof emailProgress>>;
type EmailedInvoice = Progress['invoices'][number];

/** Where the e-mails of a selection stand: counts, the buttons that send or retry, one row an invoice. */
export async function EmailProgress({ progress, form, hasSmtp }: { progress: Progress; form: DeliveryForm; hasSmtp: boolean }) {
  const t = await getTranslations('delivery');
  if (progress.counts.total === 0) return <p>{t('none')}</p>;
  return (
    <section aria-labelledby="email-title">
      <h2 id="email-title">{t('emailTitle')}</h2>
      {!hasSmtp ? (
        <p className="notice">
          {t('outbox')} <Link href="/admin/outbox">{t('outboxLink')}</Link>
        </p>
      ) : null}
      <p role="status" data-testid="email-counts">
        {t('counts', progress.counts)}
      </p>
      <EmailControls
        selection={{ runId: form.runId, from: form.from, to: form.to, isGrouped: form.isGrouped }}
        hasPending={progress.counts.pending > 0}
        hasFailures={progress.counts.failed > 0}
        hasUnsent={progress.counts.none > 0}
      />
      <DataTable<EmailedInvoice>
        labelledBy="email-title"
        rows={progress.invoices}
        rowKey={(invoice) => invoice.number}
        rowProps={(invoice) => ({ 'data-testid': `email-${invoice.number}` })}
        columns={[
          { header: t('columns.number'), cell: (invoice) => <Link href={`/invoices/${invoice.number}`}>{invoice.number}</Link> },
          { header: t('columns.client'), cell: (invoice) => `${invoice.billedClientNumber} — ${invoice.name}` },
          { header: t('columns.recipients'), cell: (invoice) => invoice.recipients.join(', ') },
          { header: t('columns.status'), cell: (invoice) => t(`statuses.${invoice.status}`) },
          {
            header: t('columns.detail'),
            cell: (invoice) => (
              <>
                {invoice.error && invoice.status !== 'sent' ? <span className="error">{invoice.error} </span> : null}
                {invoice.attempts > 0 ? <span className="hint">{t('attempts', { count: invoice.attempts })} </span> : null}
                {invoice.status === 'sent' ? <ResendButton number={invoice.number} /> : null}
              </>
            ),
          },
        ]}
      />
    </section>
  );
}
