import { Document, Image, Page, StyleSheet, Text, View } from '@react-pdf/renderer';
import type { companySettings, invoices } from '@/db/schema';
import type { InvoiceMemberBlock } from '@/lib/billing/find-runs';
import { formatDate, formatMoney } from '@/lib/i18n/format';
import { invoiceLabel, pageLabel, termsLabel } from '@/lib/pdf/invoice-labels';

type Invoice = typeof invoices.$inferSelect;
type Company = typeof companySettings.$inferSelect;

const styles = StyleSheet.create({
  page: { fontFamily: 'DejaVu Sans', fontSize: 8.5, paddingTop: 36, paddingHorizontal: 40, paddingBottom: 56, color: '#1d2430' },
  header: { flexDirection: 'row', justifyContent: 'space-between', marginBottom: 18 },
  company: { fontSize: 12, fontWeight: 'bold', marginBottom: 3 },
  logo: { maxWidth: 140, maxHeight: 48, marginBottom: 6, objectFit: 'contain' },
  muted: { color: '#5a6474' },
  titleBox: { alignItems: 'flex-end' },
  title: { fontSize: 16, fontWeight: 'bold', marginBottom: 6 },
  meta: { flexDirection: 'row', gap: 6 },
  metaLabel: { width: 120, textAlign: 'right', color: '#5a6474' },
  billTo: { borderWidth: 0.75, borderColor: '#c8cfd8', padding: 8, width: 260, marginBottom: 16 },
  billToTitle: { fontWeight: 'bold', marginBottom: 3 },
  blockTitle: { fontWeight: 'bold', fontSize: 9.5, marginTop: 10, marginBottom: 3, backgroundColor: '#eef1f5', padding: 3 },
  row: { flexDirection: 'row', paddingVertical: 2.5, borderBottomWidth: 0.4, borderBottomColor: '#d5dbe3' },
  headRow: { fontWeight: 'bold', borderBottomWidth: 0.8, borderBottomColor: '#1d2430' },
  call: { width: 64 },
  date: { width: 64 },
  route: { flexGrow: 1, flexBasis: 0, paddingRight: 6 },
  reference: { width: 70 },
  amount: { width: 62, textAlign: 'right' },
  blockTotal: { flexDirection: 'row', justifyContent: 'flex-end', paddingVertical: 3, fontWeight: 'bold' },
  totals: { marginTop: 14, alignSelf: 'flex-end', width: 230 },
  totalRow: { flexDirection: 'row', justifyContent: 'space-between', paddingVertical: 2 },
  grandTotal: { fontWeight: 'bold', fontSize: 10.5, borderTopWidth: 1, borderTopColor: '#1d2430', paddingTop: 4 },
  footer: { position: 'absolute', bottom: 24, left: 40, right: 40, flexDirection: 'row', justifyContent: 'space-between', fontSize: 7.5, color: '#5a6474' },
  void: { position: 'absolute', top: 300, left: 90, fontSize: 72, color: '#a4161a', opacity: 0.25, transform: 'rotate(-30deg)', fontWeight: 'bold' },
});

/**
 * An invoice exactly as issued: every figure is a stored value (never recomputed), the billed-to
 * block is the snapshot taken at generation, and a grouped invoice lists its calls by member.
 */
export function InvoiceDocument({ invoice, blocks, company }: InvoiceProps) {
  return (
    <Document title={`${invoiceLabel('invoice', 'fr')} ${invoice.number}`} author={company.name} language="fr-CA">
      <InvoicePages invoice={invoice} blocks={blocks} company={company} />
    </Document>
  );
}

type InvoiceProps = { invoice: Invoice; blocks: InvoiceMemberBlock[]; company: Company };

/** The pages of one invoice (one <Page> that wraps): also the unit of a merged print batch. */
export function InvoicePages({ invoice, blocks, company }: InvoiceProps) {
  const language = invoice.language;
  const label = (word: Parameters<typeof invoiceLabel>[0]) => invoiceLabel(word, language);
  const money = (cents: number) => formatMoney(cents, 'fr');
  const date = (iso: string) => formatDate(iso, 'fr');
  const isGrouped = invoice.kind === 'grouped';
  return (
      <Page size="LETTER" style={styles.page}>
        {invoice.status === 'void' ? (
          <Text style={styles.void} fixed>
            {label('void')}
          </Text>
        ) : null}
        <View style={styles.header}>
          <View>
            {/* The logo is stored as a PNG or JPEG data URL (Administration › Paramètres). */}
            {/* eslint-disable-next-line jsx-a11y/alt-text -- a PDF image (react-pdf) has no alt attribute */}
            {company.logoPng ? <Image src={company.logoPng} style={styles.logo} /> : null}
            <Text style={styles.company}>{company.name}</Text>
            <Text>{company.addressLine1}</Text>
            {company.addressLine2 ? <Text>{company.addressLine2}</Text> : null}
            <Text>
              {company.city} ({company.province}) {company.postalCode}
            </Text>
            {company.phone ? <Text>{company.phone}</Text> : null}
            {company.email ? <Text>{company.email}</Text> : null}
            <Text style={styles.muted}>
              {label('gstNumber')} : {company.gstNumber}
            </Text>
            <Text style={styles.muted}>
              {label('qstNumber')} : {company.qstNumber}
            </Text>
          </View>
          <View style={styles.titleBox}>
            <Text style={styles.title}>{label('invoice')}</Text>
            <View style={styles.meta}>
              <Text style={styles.metaLabel}>{label('number')}</Text>
              <Text>{invoice.number}</Text>
            </View>
            <View style={styles.meta}>
              <Text style={styles.metaLabel}>{label('issueDate')}</Text>
              <Text>{date(invoice.issueDate)}</Text>
            </View>
            <View style={styles.meta}>
              <Text style={styles.metaLabel}>{label('dueDate')}</Text>
              <Text>{date(invoice.dueDate)}</Text>
            </View>
            <View style={styles.meta}>
              <Text style={styles.metaLabel}>{label('terms')}</Text>
              <Text>{termsLabel(invoice.paymentTermsDays, language)}</Text>
            </View>
            {isGrouped ? <Text style={styles.muted}>{label('grouped')}</Text> : null}
          </View>
        </View>

        <View style={styles.billTo}>
          <Text style={styles.billToTitle}>{label('billedTo')}</Text>
          <Text>
            {label('client')} {invoice.billedClientNumber}
          </Text>
          <Text>{invoice.billToName}</Text>
          <Text>{invoice.billToAddressLine1}</Text>
          {invoice.billToAddressLine2 ? <Text>{invoice.billToAddressLine2}</Text> : null}
          <Text>
            {invoice.billToCity} ({invoice.billToProvince}) {invoice.billToPostalCode}
          </Text>
        </View>

        <View style={[styles.row, styles.headRow]} fixed>
          <Text style={styles.call}>{label('call')}</Text>
          <Text style={styles.date}>{label('date')}</Text>
          <Text style={styles.route}>{label('route')}</Text>
          <Text style={styles.reference}>{label('reference')}</Text>
          <Text style={styles.amount}>{label('amount')}</Text>
        </View>
        {blocks.map((block) => (
          <View key={block.clientNumber}>
            {isGrouped ? (
              <Text style={styles.blockTitle} minPresenceAhead={24}>
                {label('client')} {block.clientNumber} — {block.clientName}
              </Text>
            ) : null}
            {block.lines.map((line) => (
              <View key={line.id} style={styles.row} wrap={false}>
                <Text style={styles.call}>{line.callNumber}</Text>
                <Text style={styles.date}>{line.serviceDate}</Text>
                <Text style={styles.route}>
                  {line.pickupAddress} → {line.destinationAddress}
                </Text>
                <Text style={styles.reference}>{line.clientReference ?? ''}</Text>
                <Text style={styles.amount}>{money(line.amountCents)}</Text>
              </View>
            ))}
            {isGrouped ? (
              <View style={styles.blockTotal} wrap={false}>
                <Text>
                  {label('memberSubtotal')} {block.clientNumber} : {money(block.subtotalCents)}
                </Text>
              </View>
            ) : null}
          </View>
        ))}

        <View style={styles.totals} wrap={false}>
          <View style={styles.totalRow}>
            <Text>{label('subtotal')}</Text>
            <Text>{money(invoice.subtotalCents)}</Text>
          </View>
          <View style={styles.totalRow}>
            <Text>{invoice.gstExemptionNumber ? `${label('gstExempt')} (${invoice.gstExemptionNumber})` : label('gst')}</Text>
            <Text>{money(invoice.gstCents)}</Text>
          </View>
          <View style={styles.totalRow}>
            <Text>{invoice.qstExemptionNumber ? `${label('qstExempt')} (${invoice.qstExemptionNumber})` : label('qst')}</Text>
            <Text>{money(invoice.qstCents)}</Text>
          </View>
          <View style={[styles.totalRow, styles.grandTotal]}>
            <Text>{label('total')}</Text>
            <Text>{money(invoice.totalCents)}</Text>
          </View>
        </View>

        <View style={styles.footer} fixed>
          <Text>
            {company.name} — {label('invoice')} {invoice.number}
          </Text>
          {/* Page numbers count this invoice's pages, also inside a batch of many invoices. */}
          <Text render={({ subPageNumber, subPageTotalPages }) => pageLabel(subPageNumber, subPageTotalPages, language)} />
        </View>
      </Page>
  );
}
