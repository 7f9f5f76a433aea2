import { Link } from '@/components/link';
import { getTranslations } from 'next-intl/server';
import { resendInvoiceEmailAction, retryFailedEmailsAction, sendEmailsAction } from '@/actions/delivery';
import { ResendButton } from '@/components/delivery/email-controls';
import { EmailStatus, emailColumns } from '@/components/delivery/email-status';
import { DataTable } from '@/components/tables/data-table';
import type { DeliveryForm } from '@/lib/delivery/delivery-input';
import type { BatchProgress, EmailState } from '@/lib/delivery/email-queue';
import type { DeliveredInvoice } from '@/lib/delivery/kinds/invoice';

type EmailedInvoice = DeliveredInvoice & EmailState;

/** Where the e-mails of a selection stand: counts, the buttons that send or retry, one row an invoice. */
export async function EmailProgress({ progress, form }: { progress: BatchProgress<DeliveredInvoice>; form: DeliveryForm }) {
  const t = await getTranslations('delivery');
  if (progress.counts.total === 0) return <p>{t('none')}</p>;
  const fields = { runId: form.runId, from: form.from, to: form.to, method: 'email', ...(form.isGrouped ? { isGrouped: 'on' } : {}) };
  return (
    <section aria-labelledby="email-title">
      <h2 id="email-title">{t('emailTitle')}</h2>
      <EmailStatus
        messages="delivery"
        progress={progress}
        testId="email-counts"
        send={sendEmailsAction}
        retry={retryFailedEmailsAction}
        fields={fields}
      />
      <DataTable<EmailedInvoice>
        labelledBy="email-title"
        rows={progress.documents}
        rowKey={(invoice) => invoice.number}
        rowProps={(invoice) => ({ 'data-testid': `email-${invoice.number}` })}
        columns={[
          { header: t('columns.number'), cell: (invoice) => <Link href={`/invoices/${invoice.number}`}>{invoice.number}</Link> },
          { header: t('columns.client'), cell: (invoice) => `${invoice.billedClientNumber} — ${invoice.name}` },
          ...(await emailColumns<EmailedInvoice>('delivery', {
            resend: (invoice) => (
              <ResendButton
                action={resendInvoiceEmailAction}
                fields={{ number: String(invoice.number) }}
                label={t('resend', { number: invoice.number })}
              />
            ),
          })),
        ]}
      />
    </section>
  );
}
