/** The parts of an invoice as issued: who it bills, its dates, its lines by member, its totals, its credit notes. */
import { Link } from '@/components/link';
import { getTranslations } from 'next-intl/server';
import { DataTable } from '@/components/tables/data-table';
import type { creditNotes, invoices } from '@/db/schema';
import type { InvoiceMemberBlock } from '@/lib/billing/find-invoices';
import { referenceMentions, tripMentions } from '@/lib/i18n/document-words';
import { formatDate } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locale';

type Invoice = typeof invoices.$inferSelect;
type Money = (cents: number) => string;

/** The billed client (the head for a grouped invoice, as snapshotted) and the invoice's dates and run. */
export async function InvoiceHead({ invoice, locale }: { invoice: Invoice; locale: Locale }) {
  const t = await getTranslations();
  return (
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
        {invoice.sevNumber ? (
          <>
            <dt>{t('invoice.sevNumber')}</dt>
            <dd>{invoice.sevNumber}</dd>
          </>
        ) : null}
        <dt>{t('invoice.run')}</dt>
        <dd>
          <Link href={`/billing/runs/${invoice.billingRunId}`}>{invoice.billingRunId}</Link>
        </dd>
      </dl>
    </div>
  );
}

/** One member's lines (a grouped invoice has a block per member, headed by its number and name, with its subtotal). */
export async function MemberBlock({
  invoice,
  block,
  locale,
  money,
}: {
  invoice: Invoice;
  block: InvoiceMemberBlock;
  locale: Locale;
  money: Money;
}) {
  const t = await getTranslations('invoice');
  const isGrouped = invoice.kind === 'grouped';
  const headingId = `block-${block.clientNumber}`;
  const label = isGrouped ? { labelledBy: headingId } : { label: t('title', { number: invoice.number }) };
  // With the invoice's `Sous-totaux par` reference: each value's subtotal under its last line.
  const groupEnds = new Map((block.referenceGroups ?? []).map((group) => [group.lines.at(-1)!.id, group]));
  const referenceSubtotal = (line: InvoiceMemberBlock['lines'][number]) => {
    const group = groupEnds.get(line.id);
    if (!group || !invoice.subtotalLabel) return null;
    return (
      <p className="reference-subtotal" data-testid={`reference-subtotal-${block.clientNumber}-${group.value ?? ''}`}>
        <span>
          {t('referenceSubtotal', {
            hasValue: String(group.value !== null),
            label: invoice.subtotalLabel,
            value: group.value ?? '',
            count: group.lines.length,
          })}
        </span>{' '}
        <strong className="nowrap">{money(group.subtotalCents)}</strong>
      </p>
    );
  };
  return (
    <section className="member-block" aria-labelledby={isGrouped ? headingId : undefined}>
      {isGrouped ? <h2 id={headingId}>{t('memberBlock', { number: block.clientNumber, name: block.clientName })}</h2> : null}
      <DataTable<InvoiceMemberBlock['lines'][number]>
        {...label}
        rows={block.lines}
        rowKey={(line) => line.id}
        rowDetails={block.referenceGroups ? referenceSubtotal : undefined}
        columns={[
          { header: t('columns.call'), cell: (line) => <Link href={`/calls/${line.callNumber}`}>{line.callNumber}</Link> },
          { header: t('columns.date'), isNowrap: true, cell: (line) => formatDate(line.serviceDate, locale) },
          {
            header: t('columns.route'),
            cell: (line) => (
              <>
                {line.pickupAddress} → {line.destinationAddress}
                {tripMentions(line, invoice.sevNumber) ? <span className="hint"> · {tripMentions(line, invoice.sevNumber)}</span> : null}
                {referenceMentions(line.referenceValues) ? (
                  <span className="hint"> · {referenceMentions(line.referenceValues)}</span>
                ) : null}
              </>
            ),
          },
          { header: t('columns.reference'), isNowrap: true, cell: (line) => line.clientReference ?? '' },
          { header: t('columns.amount'), isNumeric: true, cell: (line) => money(line.amountCents) },
        ]}
        footer={
          isGrouped ? (
            <>
              <tr>
                <th scope="row" colSpan={4}>
                  {t('memberSubtotal', { number: block.clientNumber })}
                </th>
                <td className="numeric nowrap" data-testid={`member-subtotal-${block.clientNumber}`}>
                  {money(block.subtotalCents)}
                </td>
              </tr>
              {block.duesTrips > 0 ? (
                <tr>
                  <th scope="row" colSpan={4}>
                    {t('memberDues', { number: block.clientNumber, count: block.duesTrips })}
                  </th>
                  <td className="numeric nowrap">{money(block.duesCents)}</td>
                </tr>
              ) : null}
            </>
          ) : null
        }
      />
    </section>
  );
}

/** Subtotal, GST, QST and total, as stored at generation (never recomputed). */
export async function InvoiceTotals({ invoice, money }: { invoice: Invoice; money: Money }) {
  const t = await getTranslations('invoice');
  return (
    <dl className="invoice-totals">
      <dt>{t('subtotal')}</dt>
      <dd>{money(invoice.subtotalCents)}</dd>
      {invoice.duesTrips > 0 ? (
        <>
          <dt>{t('dues', { count: invoice.duesTrips })}</dt>
          <dd data-testid="invoice-dues">{money(invoice.duesCents)}</dd>
        </>
      ) : null}
      {invoice.duesExemption ? (
        <>
          <dt>{t('duesExempt')}</dt>
          <dd>{money(0)}</dd>
        </>
      ) : null}
      <dt>{t('gst')}</dt>
      <dd>{money(invoice.gstCents)}</dd>
      <dt>{t('qst')}</dt>
      <dd>{money(invoice.qstCents)}</dd>
      <dt>{t('total')}</dt>
      <dd data-testid="invoice-total">
        <strong>{money(invoice.totalCents)}</strong>
      </dd>
    </dl>
  );
}

type CreditNote = typeof creditNotes.$inferSelect;

/** The credit notes issued against the invoice: the only way an issued invoice is corrected. */
export async function CreditNoteList({ credits, locale, money }: { credits: CreditNote[]; locale: Locale; money: Money }) {
  const t = await getTranslations('invoice');
  return (
    <section aria-labelledby="credits-title">
      <h2 id="credits-title">{t('credits')}</h2>
      {credits.length === 0 ? (
        <p>{t('noCredits')}</p>
      ) : (
        <DataTable<CreditNote>
          labelledBy="credits-title"
          rows={credits}
          rowKey={(credit) => credit.id}
          columns={[
            { header: t('creditColumns.number'), cell: (credit) => credit.number },
            { header: t('creditColumns.date'), isNowrap: true, cell: (credit) => formatDate(credit.issueDate, locale) },
            { header: t('creditColumns.reason'), cell: (credit) => credit.reason },
            { header: t('subtotal'), isNumeric: true, cell: (credit) => money(credit.subtotalCents) },
            { header: t('gst'), isNumeric: true, cell: (credit) => money(credit.gstCents) },
            { header: t('qst'), isNumeric: true, cell: (credit) => money(credit.qstCents) },
            { header: t('total'), isNumeric: true, cell: (credit) => money(credit.totalCents) },
          ]}
        />
      )}
    </section>
  );
}
