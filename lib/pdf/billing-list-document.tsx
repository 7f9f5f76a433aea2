import { StyleSheet, Text } from '@react-pdf/renderer';
import { Fragment } from 'react';
import { amountColumnWidth, ListReport, listReportStyles, ListRow } from './list-report';
import type { BillingPreview, PreviewInvoice, PreviewMember } from '@/lib/billing/preview-billing';

const AMOUNT_WIDTH = 62;
const styles = {
  ...listReportStyles,
  ...StyleSheet.create({
    amount: { width: AMOUNT_WIDTH, textAlign: 'right' },
    calls: { width: 38, textAlign: 'right' },
  }),
};

export type BillingListLabels = {
  title: string;
  subtitle: string;
  columns: { number: string; name: string; calls: string; subtotal: string; dues: string; gst: string; qst: string; total: string };
  totals: string;
  /** A reference subtotal's row: the reference's label and the value (null: the calls without one). */
  subtotal: (label: string, value: string | null) => string;
  page: (page: number, pages: number) => string;
  company: string;
};

/**
 * The billing list (preview) as a PDF: one row per invoice to create, members under their head,
 * and under a billed client with `Sous-totaux par`, its subtotals by that reference (under each
 * member, or under the invoice of a client billed alone), as its invoice will print them.
 */
export function BillingListDocument({
  preview,
  labels,
  money,
  isGrouped,
}: {
  preview: BillingPreview;
  labels: BillingListLabels;
  money: (cents: number) => string;
  isGrouped: boolean;
}) {
  // Each column of amounts as wide as its widest amount: the members' subtotals, the invoices' and the totals'.
  const members = isGrouped ? preview.invoices.flatMap((invoice) => invoice.members) : [];
  const invoicesAndTotals = [...preview.invoices, preview.totals];
  const column = (cents: number[]) => [styles.amount, { width: amountColumnWidth(cents.map(money), AMOUNT_WIDTH) }];
  const columns = {
    subtotal: column([...invoicesAndTotals, ...members].map((row) => row.subtotalCents)),
    dues: column([...invoicesAndTotals, ...members].map((row) => row.duesCents)),
    gst: column(invoicesAndTotals.map((row) => row.gstCents)),
    qst: column(invoicesAndTotals.map((row) => row.qstCents)),
    total: column(invoicesAndTotals.map((row) => row.totalCents)),
  };
  const subtotals = (invoice: PreviewInvoice, member: PreviewMember | undefined) =>
    invoice.subtotalLabel === null
      ? null
      : (member?.referenceSubtotals ?? []).map((subtotal) => (
          <ListRow key={`${member!.clientNumber}-${subtotal.value ?? ''}`} style={styles.member}>
            <Text style={styles.number}> </Text>
            <Text style={styles.name}>{labels.subtotal(invoice.subtotalLabel!, subtotal.value)}</Text>
            <Text style={styles.calls}>{subtotal.calls}</Text>
            <Text style={columns.subtotal}>{money(subtotal.subtotalCents)}</Text>
          </ListRow>
        ));
  const amounts = (subtotal: number, dues: number, gst: number | null, qst: number | null, total: number | null) => (
    <>
      <Text style={columns.subtotal}>{money(subtotal)}</Text>
      <Text style={columns.dues}>{money(dues)}</Text>
      <Text style={columns.gst}>{gst === null ? '' : money(gst)}</Text>
      <Text style={columns.qst}>{qst === null ? '' : money(qst)}</Text>
      <Text style={columns.total}>{total === null ? '' : money(total)}</Text>
    </>
  );
  return (
    <ListReport
      labels={{ ...labels, number: labels.columns.number, name: labels.columns.name }}
      header={
        <>
          <Text style={styles.calls}>{labels.columns.calls}</Text>
          <Text style={columns.subtotal}>{labels.columns.subtotal}</Text>
          <Text style={columns.dues}>{labels.columns.dues}</Text>
          <Text style={columns.gst}>{labels.columns.gst}</Text>
          <Text style={columns.qst}>{labels.columns.qst}</Text>
          <Text style={columns.total}>{labels.columns.total}</Text>
        </>
      }
    >
      {preview.invoices.map((invoice) => (
        <Fragment key={invoice.billedClientNumber}>
          <ListRow members={isGrouped ? invoice.members.length : 0}>
            <Text style={styles.number}>{invoice.billedClientNumber}</Text>
            <Text style={styles.name}>{invoice.name}</Text>
            <Text style={styles.calls}>{invoice.calls}</Text>
            {amounts(invoice.subtotalCents, invoice.duesCents, invoice.gstCents, invoice.qstCents, invoice.totalCents)}
          </ListRow>
          {isGrouped ? null : subtotals(invoice, invoice.members[0])}
          {isGrouped
            ? invoice.members.map((member) => (
                <Fragment key={member.clientNumber}>
                  <ListRow style={styles.member}>
                    <Text style={styles.number}>{member.clientNumber}</Text>
                    <Text style={styles.name}>{member.name}</Text>
                    <Text style={styles.calls}>{member.calls}</Text>
                    {amounts(member.subtotalCents, member.duesCents, null, null, null)}
                  </ListRow>
                  {subtotals(invoice, member)}
                </Fragment>
              ))
            : null}
        </Fragment>
      ))}
      <ListRow style={styles.total}>
        <Text style={styles.number}>{labels.totals}</Text>
        <Text style={styles.name}> </Text>
        <Text style={styles.calls}>{preview.totals.calls}</Text>
        {amounts(
          preview.totals.subtotalCents,
          preview.totals.duesCents,
          preview.totals.gstCents,
          preview.totals.qstCents,
          preview.totals.totalCents,
        )}
      </ListRow>
    </ListReport>
  );
}
