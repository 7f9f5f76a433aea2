import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getAppLocale } from '@/lib/i18n/app-locale';
import { getDb } from '@/db/index';
import { CreditNoteForm } from '@/components/billing/credit-note-form';
import { requireRoute } from '@/lib/auth/current-user';
import { getInvoice } from '@/lib/billing/find-runs';
import { formatDate, formatMoney } from '@/lib/i18n/format';
import { ClientMessages } from '@/components/client-messages';

/** An invoice exactly as issued: stored values only, lines in member blocks for a grouped invoice. */
export default async function InvoicePage({ params }: { params: Promise<{ number: string }> }) {
  await requireRoute('/invoices/[number]');
  const { number: raw } = await params;
  const found = /^\d{1,12}$/.test(raw) ? await getInvoice(getDb(), Number(raw)) : null;
  if (!found) notFound();
  const { invoice, blocks, credits, creditedLineIds } = found;
  const t = await getTranslations();
  const locale = await getAppLocale();
  const money = (cents: number) => formatMoney(cents, locale);
  const isGrouped = invoice.kind === 'grouped';

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
        <div className="invoice-head">
          <section aria-labelledby="billed-to">
            <h2 id="billed-to">{t('invoice.billedTo')}</h2>
            <address>
              {invoice.billedClientNumber} — {invoice.billToName}
              <br />
              {invoice.billToAddressLine1}
              {invoice.billToAddressLine2 ? (
                <>
                  <br />
                  {invoice.billToAddressLine2}
                </>
              ) : null}
              <br />
              {invoice.billToCity} ({invoice.billToProvince}) {invoice.billToPostalCode}
            </address>
            {invoice.gstExemptionNumber ? <p>{t('invoice.gstExemption', { number: invoice.gstExemptionNumber })}</p> : null}
            {invoice.qstExemptionNumber ? <p>{t('invoice.qstExemption', { number: invoice.qstExemptionNumber })}</p> : null}
          </section>
          <dl className="summary">
            <dt>{t('invoice.issueDate')}</dt>
            <dd>{formatDate(invoice.issueDate, locale)}</dd>
            <dt>{t('invoice.dueDate')}</dt>
            <dd>{formatDate(invoice.dueDate, locale)}</dd>
            <dt>{t('invoice.terms')}</dt>
            <dd>{t('invoice.termsValue', { days: invoice.paymentTermsDays })}</dd>
            <dt>{t('invoice.kind')}</dt>
            <dd>{t(`runs.kinds.${invoice.kind}`)}</dd>
            <dt>{t('invoice.run')}</dt>
            <dd>
              <Link href={`/billing/runs/${invoice.billingRunId}`}>{invoice.billingRunId}</Link>
            </dd>
          </dl>
        </div>

        {blocks.map((block) => (
          <section
            key={block.clientNumber}
            className="member-block"
            aria-labelledby={isGrouped ? `block-${block.clientNumber}` : undefined}
          >
            {isGrouped ? (
              <h2 id={`block-${block.clientNumber}`}>{t('invoice.memberBlock', { number: block.clientNumber, name: block.clientName })}</h2>
            ) : null}
            <table
              className="data-table"
              aria-labelledby={isGrouped ? `block-${block.clientNumber}` : undefined}
              aria-label={isGrouped ? undefined : t('invoice.title', { number: invoice.number })}
            >
              <thead>
                <tr>
                  <th scope="col">{t('invoice.columns.call')}</th>
                  <th scope="col">{t('invoice.columns.date')}</th>
                  <th scope="col">{t('invoice.columns.route')}</th>
                  <th scope="col">{t('invoice.columns.reference')}</th>
                  <th scope="col" className="numeric">
                    {t('invoice.columns.amount')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {block.lines.map((line) => (
                  <tr key={line.id}>
                    <td>
                      <Link href={`/calls/${line.callNumber}`}>{line.callNumber}</Link>
                    </td>
                    <td className="nowrap">{formatDate(line.serviceDate, locale)}</td>
                    <td>
                      {line.pickupAddress} → {line.destinationAddress}
                    </td>
                    <td className="nowrap">{line.clientReference ?? ''}</td>
                    <td className="numeric nowrap">{money(line.amountCents)}</td>
                  </tr>
                ))}
              </tbody>
              {isGrouped ? (
                <tfoot>
                  <tr>
                    <th scope="row" colSpan={4}>
                      {t('invoice.memberSubtotal', { number: block.clientNumber })}
                    </th>
                    <td className="numeric nowrap" data-testid={`member-subtotal-${block.clientNumber}`}>
                      {money(block.subtotalCents)}
                    </td>
                  </tr>
                </tfoot>
              ) : null}
            </table>
          </section>
        ))}

        <dl className="invoice-totals">
          <dt>{t('invoice.subtotal')}</dt>
          <dd>{money(invoice.subtotalCents)}</dd>
          <dt>{t('invoice.gst')}</dt>
          <dd>{money(invoice.gstCents)}</dd>
          <dt>{t('invoice.qst')}</dt>
          <dd>{money(invoice.qstCents)}</dd>
          <dt>{t('invoice.total')}</dt>
          <dd data-testid="invoice-total">
            <strong>{money(invoice.totalCents)}</strong>
          </dd>
        </dl>

        <section aria-labelledby="credits-title">
          <h2 id="credits-title">{t('invoice.credits')}</h2>
          {credits.length === 0 ? (
            <p>{t('invoice.noCredits')}</p>
          ) : (
            <table className="data-table" aria-labelledby="credits-title">
              <thead>
                <tr>
                  <th scope="col">{t('invoice.creditColumns.number')}</th>
                  <th scope="col">{t('invoice.creditColumns.date')}</th>
                  <th scope="col">{t('invoice.creditColumns.reason')}</th>
                  <th scope="col" className="numeric">
                    {t('invoice.subtotal')}
                  </th>
                  <th scope="col" className="numeric">
                    {t('invoice.gst')}
                  </th>
                  <th scope="col" className="numeric">
                    {t('invoice.qst')}
                  </th>
                  <th scope="col" className="numeric">
                    {t('invoice.total')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {credits.map((credit) => (
                  <tr key={credit.id}>
                    <td>{credit.number}</td>
                    <td className="nowrap">{formatDate(credit.issueDate, locale)}</td>
                    <td>{credit.reason}</td>
                    <td className="numeric nowrap">{money(credit.subtotalCents)}</td>
                    <td className="numeric nowrap">{money(credit.gstCents)}</td>
                    <td className="numeric nowrap">{money(credit.qstCents)}</td>
                    <td className="numeric nowrap">{money(credit.totalCents)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
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
              })),
            )}
          />
        ) : null}
      </article>
    </ClientMessages>
  );
}
