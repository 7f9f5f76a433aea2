import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/index';
import { CreditNoteForm } from '@/components/billing/credit-note-form';
import { CreditNoteList, InvoiceHead, InvoiceTotals, MemberBlock } from '@/components/billing/invoice-details';
import { ClientMessages } from '@/components/client-messages';
import { requireRoute } from '@/lib/auth/current-user';
import { getInvoice } from '@/lib/billing/find-invoices';
import { invoicePayments } from '@/lib/receivables/find-payments';
import { InvoiceSettlement } from '@/components/receivables/invoice-settlement';
import { getAppLocale } from '@/lib/i18n/app-locale';
import { formatMoney } from '@/lib/i18n/format';
import { parseRouteNumber } from '@/lib/url-state';

/** An invoice exactly as issued: stored values only, lines in member blocks for a grouped invoice. */
export default async function InvoicePage({ params }: { params: Promise<{ number: string }> }) {
  await requireRoute('/invoices/[number]');
  const number = parseRouteNumber((await params).number);
  const found = number === null ? null : await getInvoice(getDb(), number);
  if (!found) notFound();
  const { invoice, blocks, credits, creditedLineIds } = found;
  const payments = await invoicePayments(getDb(), invoice.id);
  const t = await getTranslations();
  const locale = await getAppLocale();
  const money = (cents: number) => formatMoney(cents, locale);

  return (
    <ClientMessages namespaces={['creditForm']}>
      <article className={`invoice ${invoice.status === 'void' ? 'is-void' : ''}`}>
        <div className="page-header">
          <h1>{t('invoice.title', { number: invoice.number })}</h1>
          <a href={`/invoices/${invoice.number}/pdf`} className="button primary">
            {t('invoice.pdf')}
          </a>
          {invoice.status === 'void' ? (
            <p className="void-mark" role="status">
              {t('invoice.void')}
            </p>
          ) : null}
        </div>
        <InvoiceHead invoice={invoice} locale={locale} />
        {blocks.map((block) => (
          <MemberBlock key={block.clientNumber} invoice={invoice} block={block} locale={locale} money={money} />
        ))}
        <InvoiceTotals invoice={invoice} money={money} />
        <InvoiceSettlement invoice={invoice} payments={payments} locale={locale} money={money} />
        <CreditNoteList credits={credits} locale={locale} money={money} />
        {invoice.status === 'issued' ? (
          <CreditNoteForm
            invoiceNumber={invoice.number}
            lines={blocks.flatMap((block) =>
              block.lines.map((line) => ({
                id: line.id,
                callNumber: line.callNumber,
                clientNumber: line.clientNumber,
                amount: money(line.amountCents),
                isCredited: creditedLineIds.has(line.id),
                isFree: line.amountCents === 0,
              })),
            )}
          />
        ) : null}
      </article>
    </ClientMessages>
  );
}
