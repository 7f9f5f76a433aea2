import { Document, Image, Page, StyleSheet, Text, View } from '@react-pdf/renderer';
import type { companySettings, invoices } from '@/db/schema';
import type { InvoiceMemberBlock } from '@/lib/billing/find-invoices';
import { formatDate, formatMoney } from '@/lib/i18n/format';
import { invoiceLabel, pageLabel, termsLabel } from './invoice-labels';

type Invoice = typeof invoices.$inferSelect;
type Company = typeof companySettings.$inferSelect;

const TOTALS_WIDTH = 280;
const TOTAL_AMOUNT_WIDTH = 80;

const styles = StyleSheet.create({
  page: {
    minHeight: 792,
    fontFamily: 'DejaVu Sans',
    fontSize: 8.5,
    paddingTop: 36,
    paddingHorizontal: 40,
    paddingBottom: 56,
    color: '#1d2430',
  },
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
  totals: { marginTop: 14, alignSelf: 'flex-end', width: TOTALS_WIDTH },
  totalRow: { flexDirection: 'row', paddingVertical: 2 },
  // A long label (an exemption with its number, in two languages) wraps; its amount keeps its column.
  totalLabel: { flexGrow: 1, flexShrink: 1, flexBasis: 0, paddingRight: 8 },
  totalAmount: { width: TOTAL_AMOUNT_WIDTH, textAlign: 'right' },
  grandTotal: { fontWeight: 'bold', fontSize: 10.5, borderTopWidth: 1, borderTopColor: '#1d2430', paddingTop: 4 },
  footer: {
    position: 'absolute',
    bottom: 24,
    left: 40,
    right: 40,
    flexDirection: 'row',
    justifyContent: 'space-between',
    fontSize: 7.5,
    color: '#5a6474',
  },
  void: {
    fontSize: 20,
    color: '#a4161a',
    fontWeight: 'bold',
    textAlign: 'center',
    borderWidth: 2,
    borderColor: '#a4161a',
    padding: 4,
    marginBottom: 10,
    letterSpacing: 2,
  },
});

/**
 * An invoice exactly as issued: every figure is a stored value (never recomputed), the billed-to
 * block is the snapshot taken at generation, and a grouped invoice lists its calls by member.
 */
export function InvoiceDocument({ invoice, blocks, company }: InvoiceProps) {
  return (
    <Document title={`${invoiceLabel('invoice', 'fr')} ${invoice.number}`} author={company.name} language="fr-CA">
      <InvoicePages invoice={invoice} company={company} pages={invoicePages(invoice, blocks)} />
    </Document>
  );
}

type InvoiceProps = { invoice: Invoice; blocks: InvoiceMemberBlock[]; company: Company };

type Line = InvoiceMemberBlock['lines'][number];
export type InvoicePage = Row[];
type Row = { kind: 'block'; block: InvoiceMemberBlock } | { kind: 'line'; line: Line } | { kind: 'subtotal'; block: InvoiceMemberBlock };

/*
 * Explicit pagination. Letting react-pdf wrap one long page re-lays out everything after each
 * page break: 5,000 lines took 143 s. Rows are measured here (conservatively, in points) and
 * cut into pages, each laid out on its own: the time grows with the number of lines only.
 */
const PAGE_HEIGHT = 792 - 36 - 56 - 18; // letter, less margins and the column header
const FIRST_PAGE_HEADER = 215; // company, title block and billed-to box
const TOTALS_HEIGHT = 90;
const TOTAL_LABEL_CHARS_PER_LINE = 34;
// Characters per printed line of each wrapping text, counted low (wide letters, bold titles).
const ROUTE_CHARS_PER_LINE = 48;
const REFERENCE_CHARS_PER_LINE = 11;
const TITLE_CHARS_PER_LINE = 75;
const BILL_TO_CHARS_PER_LINE = 45;
const COMPANY_CHARS_PER_LINE = 40;

const linesOf = (text: string | null | undefined, perLine: number) => Math.max(1, Math.ceil((text ?? '').length / perLine));

function rowHeight(row: Row): number {
  if (row.kind === 'block') return 24 + 13 * (linesOf(`${row.block.clientNumber} — ${row.block.clientName}`, TITLE_CHARS_PER_LINE) - 1);
  if (row.kind === 'subtotal') return 16;
  const route = linesOf(`${row.line.pickupAddress} → ${row.line.destinationAddress}`, ROUTE_CHARS_PER_LINE);
  return 6 + 11 * Math.max(route, linesOf(row.line.clientReference, REFERENCE_CHARS_PER_LINE));
}

/** An invoice cut into pages (a void invoice keeps room for its mark at the top of every page). */
export function invoicePages(invoice: Invoice, blocks: InvoiceMemberBlock[]): InvoicePage[] {
  // Long names and addresses wrap in the header of the first page.
  const billTo = [invoice.billToName, invoice.billToAddressLine1, invoice.billToAddressLine2].reduce(
    (sum, text) => sum + linesOf(text, BILL_TO_CHARS_PER_LINE) - 1,
    0,
  );
  const issuer = [invoice.issuerName, invoice.issuerAddressLine1, invoice.issuerAddressLine2].reduce(
    (sum, text) => sum + linesOf(text, COMPANY_CHARS_PER_LINE) - 1,
    0,
  );
  const { gst, qst } = taxLabels(invoice);
  const totals = TOTALS_HEIGHT + 11 * (linesOf(gst, TOTAL_LABEL_CHARS_PER_LINE) + linesOf(qst, TOTAL_LABEL_CHARS_PER_LINE) - 2);
  return paginateInvoice(blocks, invoice.kind === 'grouped', invoice.status === 'void' ? 44 : 0, 11 * (billTo + issuer), totals);
}

/** The labels of the taxes' totals: an exemption names itself and its number. */
function taxLabels(invoice: Invoice): { gst: string; qst: string } {
  const label = (word: Parameters<typeof invoiceLabel>[0]) => invoiceLabel(word, invoice.language);
  return {
    gst: invoice.gstExemptionNumber ? `${label('gstExempt')} (${invoice.gstExemptionNumber})` : label('gst'),
    qst: invoice.qstExemptionNumber ? `${label('qstExempt')} (${invoice.qstExemptionNumber})` : label('qst'),
  };
}

function paginateInvoice(
  blocks: InvoiceMemberBlock[],
  isGrouped: boolean,
  reservedPerPage: number,
  firstPageExtra: number,
  totalsHeight: number,
): Row[][] {
  const pageHeight = PAGE_HEIGHT - reservedPerPage;
  const rows: Row[] = blocks.flatMap((block) => [
    ...(isGrouped ? [{ kind: 'block', block } as const] : []),
    ...block.lines.map((line) => ({ kind: 'line', line }) as const),
    ...(isGrouped ? [{ kind: 'subtotal', block } as const] : []),
  ]);
  const pages: Row[][] = [[]];
  let room = pageHeight - FIRST_PAGE_HEADER - firstPageExtra;
  rows.forEach((row, index) => {
    const height = rowHeight(row);
    // A member's title never ends a page: it goes with its first line.
    const next = rows[index + 1];
    const needed = row.kind === 'block' && next ? height + rowHeight(next) : height;
    if (needed > room && pages.at(-1)!.length > 0) {
      pages.push([]);
      room = pageHeight;
    }
    pages.at(-1)!.push(row);
    room -= height;
  });
  // The totals need room at the end; otherwise they take a page of their own.
  if (room < totalsHeight) pages.push([]);
  return pages;
}

/**
 * Some pages of an invoice cut by invoicePages, the first of them its page `from` (0 based) of
 * `pageCount`: a long invoice or a print batch is rendered in parts, each page numbered within
 * its own invoice ("Page 2 de 5").
 */
export function InvoicePages({
  invoice,
  company,
  pages,
  from = 0,
  pageCount = pages.length,
}: Omit<InvoiceProps, 'blocks'> & { pages: InvoicePage[]; from?: number; pageCount?: number }) {
  const language = invoice.language;
  const label = (word: Parameters<typeof invoiceLabel>[0]) => invoiceLabel(word, language);
  const money = (cents: number) => formatMoney(cents, 'fr');
  const date = (iso: string) => formatDate(iso, 'fr');
  const isGrouped = invoice.kind === 'grouped';
  const taxes = taxLabels(invoice);
  // The company as it was when the invoice was issued (its snapshot); the logo is today's.
  const issuer = invoice.issuerName
    ? {
        name: invoice.issuerName,
        addressLine1: invoice.issuerAddressLine1 ?? '',
        addressLine2: invoice.issuerAddressLine2,
        city: invoice.issuerCity ?? '',
        province: invoice.issuerProvince ?? '',
        postalCode: invoice.issuerPostalCode ?? '',
        phone: invoice.issuerPhone,
        email: invoice.issuerEmail,
        gstNumber: invoice.issuerGstNumber ?? '',
        qstNumber: invoice.issuerQstNumber ?? '',
      }
    : company;
  return pages.map((rows, index) => {
    const pageIndex = from + index;
    return (
      <Page key={pageIndex} size="LETTER" style={styles.page} wrap={false}>
        {invoice.status === 'void' ? <Text style={styles.void}>{label('void')}</Text> : null}
        {pageIndex === 0 ? (
          <>
            <View style={styles.header}>
              <View>
                {/* The logo is stored as a PNG or JPEG data URL (Administration › Paramètres). */}
                {/* eslint-disable-next-line jsx-a11y/alt-text -- a PDF image (react-pdf) has no alt attribute */}
                {company.logoPng ? <Image src={company.logoPng} style={styles.logo} /> : null}
                <Text style={styles.company}>{issuer.name}</Text>
                <Text>{issuer.addressLine1}</Text>
                {issuer.addressLine2 ? <Text>{issuer.addressLine2}</Text> : null}
                <Text>
                  {issuer.city} ({issuer.province}) {issuer.postalCode}
                </Text>
                {issuer.phone ? <Text>{issuer.phone}</Text> : null}
                {issuer.email ? <Text>{issuer.email}</Text> : null}
                <Text style={styles.muted}>
                  {label('gstNumber')} : {issuer.gstNumber}
                </Text>
                <Text style={styles.muted}>
                  {label('qstNumber')} : {issuer.qstNumber}
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
          </>
        ) : null}

        <View style={[styles.row, styles.headRow]}>
          <Text style={styles.call}>{label('call')}</Text>
          <Text style={styles.date}>{label('date')}</Text>
          <Text style={styles.route}>{label('route')}</Text>
          <Text style={styles.reference}>{label('reference')}</Text>
          <Text style={styles.amount}>{label('amount')}</Text>
        </View>
        {rows.map((row) =>
          row.kind === 'block' ? (
            <Text key={`b${row.block.clientNumber}`} style={styles.blockTitle}>
              {label('client')} {row.block.clientNumber} — {row.block.clientName}
            </Text>
          ) : row.kind === 'subtotal' ? (
            <View key={`s${row.block.clientNumber}`} style={styles.blockTotal}>
              <Text>
                {label('memberSubtotal')} {row.block.clientNumber} : {money(row.block.subtotalCents)}
              </Text>
            </View>
          ) : (
            <View key={row.line.id} style={styles.row}>
              <Text style={styles.call}>{row.line.callNumber}</Text>
              <Text style={styles.date}>{row.line.serviceDate}</Text>
              <Text style={styles.route}>
                {row.line.pickupAddress} → {row.line.destinationAddress}
              </Text>
              <Text style={styles.reference}>{row.line.clientReference ?? ''}</Text>
              <Text style={styles.amount}>{money(row.line.amountCents)}</Text>
            </View>
          ),
        )}

        {pageIndex === pageCount - 1 ? (
          <View style={styles.totals}>
            {(
              [
                [label('subtotal'), invoice.subtotalCents],
                [taxes.gst, invoice.gstCents],
                [taxes.qst, invoice.qstCents],
              ] as const
            ).map(([text, cents]) => (
              <View key={text} style={styles.totalRow}>
                <Text style={styles.totalLabel}>{text}</Text>
                <Text style={styles.totalAmount}>{money(cents)}</Text>
              </View>
            ))}
            <View style={[styles.totalRow, styles.grandTotal]}>
              <Text style={styles.totalLabel}>{label('total')}</Text>
              <Text style={styles.totalAmount}>{money(invoice.totalCents)}</Text>
            </View>
          </View>
        ) : null}

        <View style={styles.footer}>
          <Text>
            {issuer.name} — {label('invoice')} {invoice.number}
          </Text>
          <Text>{pageLabel(pageIndex + 1, pageCount, language)}</Text>
        </View>
      </Page>
    );
  });
}
