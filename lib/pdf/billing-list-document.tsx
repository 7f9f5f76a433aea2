import { StyleSheet, Text, View } from '@react-pdf/renderer';
import { ListReport, listReportStyles } from './list-report';
import type { BillingPreview } from '@/lib/billing/preview-billing';

const styles = {
  ...listReportStyles,
  ...StyleSheet.create({
    amount: { width: 62, textAlign: 'right' },
    calls: { width: 38, textAlign: 'right' },
  }),
};

export type BillingListLabels = {
  title: string;
  subtitle: string;
  columns: { number: string; name: string; calls: string; subtotal: string; gst: string; qst: string; total: string };
  totals: string;
  page: (page: number, pages: number) => string;
  company: string;
};

/** The billing list (preview) as a PDF: one row per invoice to create, members under their head. */
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
  const amounts = (subtotal: number, gst: number | null, qst: number | null, total: number | null) => (
    <>
      <Text style={styles.amount}>{money(subtotal)}</Text>
      <Text style={styles.amount}>{gst === null ? '' : money(gst)}</Text>
      <Text style={styles.amount}>{qst === null ? '' : money(qst)}</Text>
      <Text style={styles.amount}>{total === null ? '' : money(total)}</Text>
    </>
  );
  return (
    <ListReport
      labels={{ ...labels, number: labels.columns.number, name: labels.columns.name }}
      header={
        <>
          <Text style={styles.calls}>{labels.columns.calls}</Text>
          <Text style={styles.amount}>{labels.columns.subtotal}</Text>
          <Text style={styles.amount}>{labels.columns.gst}</Text>
          <Text style={styles.amount}>{labels.columns.qst}</Text>
          <Text style={styles.amount}>{labels.columns.total}</Text>
        </>
      }
    >
      {preview.invoices.map((invoice) => (
        <View key={invoice.billedClientNumber} wrap={false}>
          <View style={styles.row}>
            <Text style={styles.number}>{invoice.billedClientNumber}</Text>
            <Text style={styles.name}>{invoice.name}</Text>
            <Text style={styles.calls}>{invoice.calls}</Text>
            {amounts(invoice.subtotalCents, invoice.gstCents, invoice.qstCents, invoice.totalCents)}
          </View>
          {isGrouped
            ? invoice.members.map((member) => (
                <View key={member.clientNumber} style={[styles.row, styles.member]}>
                  <Text style={styles.number}>{member.clientNumber}</Text>
                  <Text style={styles.name}>{member.name}</Text>
                  <Text style={styles.calls}>{member.calls}</Text>
                  {amounts(member.subtotalCents, null, null, null)}
                </View>
              ))
            : null}
        </View>
      ))}
      <View style={[styles.row, styles.total]}>
        <Text style={styles.number}>{labels.totals}</Text>
        <Text style={styles.name}> </Text>
        <Text style={styles.calls}>{preview.totals.calls}</Text>
        {amounts(preview.totals.subtotalCents, preview.totals.gstCents, preview.totals.qstCents, preview.totals.totalCents)}
      </View>
    </ListReport>
  );
}
