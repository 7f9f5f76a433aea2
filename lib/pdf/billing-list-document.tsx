import { Document, Page, StyleSheet, Text, View } from '@react-pdf/renderer';
import type { BillingPreview } from '@/lib/billing/preview-billing';

const styles = StyleSheet.create({
  page: { fontFamily: 'DejaVu Sans', fontSize: 8.5, padding: 32, paddingBottom: 48 },
  title: { fontSize: 14, fontWeight: 'bold', marginBottom: 4 },
  subtitle: { fontSize: 9, marginBottom: 12, color: '#444' },
  row: { flexDirection: 'row', borderBottomWidth: 0.5, borderBottomColor: '#ccc', paddingVertical: 3 },
  header: { fontWeight: 'bold', backgroundColor: '#eef1f5' },
  member: { color: '#444', paddingLeft: 14 },
  total: { fontWeight: 'bold', borderTopWidth: 1, borderTopColor: '#333' },
  number: { width: 60 },
  name: { flexGrow: 1, flexBasis: 0 },
  amount: { width: 62, textAlign: 'right' },
  calls: { width: 38, textAlign: 'right' },
  footer: {
    position: 'absolute',
    bottom: 22,
    left: 32,
    right: 32,
    fontSize: 8,
    color: '#666',
    flexDirection: 'row',
    justifyContent: 'space-between',
  },
});

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
    <Document title={labels.title} language="fr-CA">
      <Page size="LETTER" orientation="landscape" style={styles.page}>
        <Text style={styles.title}>{labels.title}</Text>
        <Text style={styles.subtitle}>{labels.subtitle}</Text>
        <View style={[styles.row, styles.header]} fixed>
          <Text style={styles.number}>{labels.columns.number}</Text>
          <Text style={styles.name}>{labels.columns.name}</Text>
          <Text style={styles.calls}>{labels.columns.calls}</Text>
          <Text style={styles.amount}>{labels.columns.subtotal}</Text>
          <Text style={styles.amount}>{labels.columns.gst}</Text>
          <Text style={styles.amount}>{labels.columns.qst}</Text>
          <Text style={styles.amount}>{labels.columns.total}</Text>
        </View>
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
        <View style={styles.footer} fixed>
          <Text>{labels.company}</Text>
          <Text render={({ pageNumber, totalPages }) => labels.page(pageNumber, totalPages)} />
        </View>
      </Page>
    </Document>
  );
}
