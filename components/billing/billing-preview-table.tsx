import { getTranslations } from 'next-intl/server';
import { DataTable } from '@/components/tables/data-table';
import type { BillingPreview, PreviewMember, ReferenceSubtotal } from '@/lib/billing/preview-billing';

type PreviewInvoice = BillingPreview['invoices'][number];

/**
 * The invoices generation would create, one row each, with the grand totals; in the grouped
 * process each head's row opens onto its members (number, name, calls, subtotal, dues).
 */
export async function BillingPreviewTable({
  preview,
  isGrouped,
  money,
}: {
  preview: BillingPreview;
  isGrouped: boolean;
  money: (cents: number) => string;
}) {
  const t = await getTranslations();
  const { totals } = preview;
  return (
    <DataTable<PreviewInvoice>
      label={t('screens.billing.title')}
      className="billing-list"
      rows={preview.invoices}
      rowKey={(invoice) => invoice.billedClientNumber}
      rowProps={(invoice) => ({ 'data-testid': `billed-${invoice.billedClientNumber}` })}
      rowDetails={(invoice) =>
        isGrouped ? (
          <MemberDetails invoice={invoice} money={money} />
        ) : invoice.subtotalLabel && invoice.members[0]?.referenceSubtotals ? (
          <ReferenceSubtotals label={invoice.subtotalLabel} subtotals={invoice.members[0].referenceSubtotals} money={money} />
        ) : null
      }
      columns={[
        { header: t('billing.columns.number'), cell: (invoice) => invoice.billedClientNumber },
        { header: t('billing.columns.name'), cell: (invoice) => invoice.name },
        { header: t('billing.columns.calls'), isNumeric: true, cell: (invoice) => invoice.calls },
        { header: t('billing.columns.subtotal'), isNumeric: true, cell: (invoice) => money(invoice.subtotalCents) },
        { header: t('billing.columns.dues'), isNumeric: true, cell: (invoice) => money(invoice.duesCents) },
        { header: t('billing.columns.gst'), isNumeric: true, cell: (invoice) => money(invoice.gstCents) },
        { header: t('billing.columns.qst'), isNumeric: true, cell: (invoice) => money(invoice.qstCents) },
        { header: t('billing.columns.total'), isNumeric: true, cell: (invoice) => money(invoice.totalCents) },
      ]}
      footer={
        <tr>
          <th scope="row" colSpan={2}>
            {t('billing.totals')}
          </th>
          <td className="numeric">{totals.calls}</td>
          {[totals.subtotalCents, totals.duesCents, totals.gstCents, totals.qstCents, totals.totalCents].map((cents, index) => (
            <td key={index} className="numeric nowrap">
              {money(cents)}
            </td>
          ))}
        </tr>
      }
    />
  );
}

async function MemberDetails({ invoice, money }: { invoice: PreviewInvoice; money: (cents: number) => string }) {
  const t = await getTranslations('billing');
  const label = t('membersOf', { number: invoice.billedClientNumber });
  const subtotalLabel = invoice.subtotalLabel;
  return (
    <details>
      <summary>{label}</summary>
      <DataTable<PreviewMember>
        label={label}
        className="nested"
        rows={invoice.members}
        rowKey={(member) => member.clientNumber}
        rowDetails={
          subtotalLabel
            ? (member) =>
                member.referenceSubtotals ? (
                  <ReferenceSubtotals label={subtotalLabel} subtotals={member.referenceSubtotals} money={money} />
                ) : null
            : undefined
        }
        columns={[
          { header: t('memberColumns.number'), cell: (member) => member.clientNumber },
          { header: t('memberColumns.name'), cell: (member) => member.name },
          { header: t('memberColumns.calls'), isNumeric: true, cell: (member) => member.calls },
          { header: t('memberColumns.subtotal'), isNumeric: true, cell: (member) => money(member.subtotalCents) },
          { header: t('memberColumns.dues'), isNumeric: true, cell: (member) => money(member.duesCents) },
        ]}
      />
    </details>
  );
}

/** A member's (or a client's own) calls by the value of its invoice's `Sous-totaux par` reference, as the invoice will subtotal them. */
async function ReferenceSubtotals({
  label,
  subtotals,
  money,
}: {
  label: string;
  subtotals: readonly ReferenceSubtotal[];
  money: (cents: number) => string;
}) {
  const t = await getTranslations('invoice');
  return (
    <ul className="reference-subtotals">
      {subtotals.map((subtotal) => (
        <li key={subtotal.value ?? ''} className="reference-subtotal">
          <span>
            {t('referenceSubtotal', {
              hasValue: String(subtotal.value !== null),
              label,
              value: subtotal.value ?? '',
              count: subtotal.calls,
            })}
          </span>{' '}
          <strong className="nowrap">{money(subtotal.subtotalCents)}</strong>
        </li>
      ))}
    </ul>
  );
}
