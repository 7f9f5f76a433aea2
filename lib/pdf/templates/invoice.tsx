import { Document, Page, StyleSheet, Text, View } from '@react-pdf/renderer';
import type { companySettings, invoices } from '@/db/schema';
import type { InvoiceMemberBlock } from '@/lib/billing/find-invoices';
import { formatDate, formatMoney } from '@/lib/i18n/format';
import { documentLabel, invoiceLabel, pageLabel, referenceMentions, termsLabel, tripMentions } from '@/lib/i18n/document-words';
import { AddressBox, Letterhead, MetaRow, PageFooter, type Sender } from './letterhead';
import { COLOURS, MARGIN, PAGE_HEIGHT, PAGE_SIZE, styles as shared } from './styles';

type Invoice = typeof invoices.$inferSelect;
type Company = typeof companySettings.$inferSelect;

const TOTALS_WIDTH = 280;
const TOTAL_AMOUNT_WIDTH = 80;

const styles = {
  ...shared,
  ...StyleSheet.create({
    page: { ...shared.page, minHeight: PAGE_HEIGHT },
    title: { ...shared.title, marginBottom: 6 },
    blockTitle: { ...shared.band, marginTop: 10 },
    call: { width: 64 },
    route: { flexGrow: 1, flexBasis: 0, paddingRight: 6 },
    reference: { width: 70 },
    amount: { width: 62, textAlign: 'right' },
    blockTotal: { flexDirection: 'row', justifyContent: 'flex-end', paddingVertical: 3, fontWeight: 'bold' },
    referenceTotal: { flexDirection: 'row', paddingVertical: 3, paddingLeft: 64 },
    totals: { ...shared.totals, width: TOTALS_WIDTH },
    // A long label (an exemption with its number, in two languages) wraps; its amount keeps its column.
    totalLabel: { flexGrow: 1, flexShrink: 1, flexBasis: 0, paddingRight: 8 },
    totalAmount: { width: TOTAL_AMOUNT_WIDTH, textAlign: 'right' },
    void: {
      fontSize: 20,
      color: COLOURS.alert,
      fontWeight: 'bold',
      textAlign: 'center',
      borderWidth: 2,
      borderColor: COLOURS.alert,
      padding: 4,
      marginBottom: 10,
      letterSpacing: 2,
    },
  }),
};

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
type Row =
  | { kind: 'block'; block: InvoiceMemberBlock }
  | { kind: 'line'; line: Line }
  // A member's subtotal, with its dues as the invoice states them (computed before its lines leave for the rendering thread).
  | { kind: 'subtotal'; block: InvoiceMemberBlock; dues?: string }
  // What the totals say of the whole invoice's dues, carried to its last page (not printed as a row).
  | { kind: 'dues'; trips: string }
  // The subtotal of a block's lines of one value of the invoice's `Sous-totaux par` reference.
  | { kind: 'referenceSubtotal'; key: string; text: string; cents: number };

/**
 * The dues of some trips as the invoice states them: their count and rate ("3 courses × 0,90 $"),
 * by rate when a rate changed within the period.
 */
function duesBreakdown(lines: readonly Line[], language: Invoice['language']): string {
  const byRate = new Map<number, number>();
  for (const line of lines) if (line.duesCents > 0) byRate.set(line.duesCents, (byRate.get(line.duesCents) ?? 0) + 1);
  return [...byRate]
    .sort(([a], [b]) => a - b)
    .map(([rate, count]) => documentLabel('dues.trips', language, { count, rate: formatMoney(rate, 'fr') }))
    .join(' + ');
}

/*
 * Explicit pagination. Letting react-pdf wrap one long page re-lays out everything after each
 * page break: 5,000 lines took 143 s. Rows are measured here (conservatively, in points) and
 * cut into pages, each laid out on its own: the time grows with the number of lines only.
 */
const ROOM_HEIGHT = PAGE_HEIGHT - MARGIN.top - MARGIN.bottom - 18; // letter, less margins and the column header
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

function rowHeight(row: Row, invoiceSev: string | null): number {
  if (row.kind === 'block') return 24 + 13 * (linesOf(`${row.block.clientNumber} — ${row.block.clientName}`, TITLE_CHARS_PER_LINE) - 1);
  if (row.kind === 'subtotal') return row.block.duesTrips > 0 ? 32 : 16;
  if (row.kind === 'dues') return 0;
  if (row.kind === 'referenceSubtotal') return 6 + 11 * linesOf(row.text, ROUTE_CHARS_PER_LINE);
  const route =
    linesOf(`${row.line.pickupAddress} → ${row.line.destinationAddress}`, ROUTE_CHARS_PER_LINE) +
    (tripMentions(row.line, invoiceSev) ? linesOf(tripMentions(row.line, invoiceSev), ROUTE_CHARS_PER_LINE) : 0) +
    (referenceMentions(row.line.referenceValues) ? linesOf(referenceMentions(row.line.referenceValues), ROUTE_CHARS_PER_LINE) : 0);
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
  const trips =
    invoice.duesTrips > 0
      ? `${documentLabel('dues.label', invoice.language)} (${duesBreakdown(
          blocks.flatMap((b) => b.lines),
          invoice.language,
        )})`
      : null;
  const exemption = duesExemptionLabel(invoice);
  const totals =
    TOTALS_HEIGHT +
    11 * (linesOf(gst, TOTAL_LABEL_CHARS_PER_LINE) + linesOf(qst, TOTAL_LABEL_CHARS_PER_LINE) - 2) +
    (trips ? 16 * linesOf(trips, TOTAL_LABEL_CHARS_PER_LINE) : 0) +
    (exemption ? 16 * linesOf(exemption, TOTAL_LABEL_CHARS_PER_LINE) : 0);
  const pages = paginateInvoice(
    invoice,
    blocks,
    invoice.kind === 'grouped',
    invoice.status === 'void' ? 44 : 0,
    // The SEV bill number's row, when the invoice has one, under the invoice's number and dates.
    11 * (billTo + issuer) + (invoice.sevNumber ? 22 : 0),
    totals,
  );
  if (trips) pages.at(-1)!.push({ kind: 'dues', trips });
  return pages;
}

/** Why an invoice with passenger trips carries no dues: its billed client's exemption, as at generation. */
function duesExemptionLabel(invoice: Invoice): string | null {
  if (!invoice.duesExemption) return null;
  return `${documentLabel('dues.exempt', invoice.language)} (${documentLabel(`dues.reasons.${invoice.duesExemption}`, invoice.language)})`;
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
  { language, sevNumber, subtotalLabel }: Pick<Invoice, 'language' | 'sevNumber' | 'subtotalLabel'>,
  blocks: InvoiceMemberBlock[],
  isGrouped: boolean,
  reservedPerPage: number,
  firstPageExtra: number,
  totalsHeight: number,
): Row[][] {
  const pageHeight = ROOM_HEIGHT - reservedPerPage;
  const rows: Row[] = blocks.flatMap((block) => [
    ...(isGrouped ? [{ kind: 'block', block } as const] : []),
    ...(block.referenceGroups && subtotalLabel
      ? block.referenceGroups.flatMap((group) => [
          ...group.lines.map((line) => ({ kind: 'line', line }) as const),
          {
            kind: 'referenceSubtotal',
            key: `r${block.clientNumber}-${group.value ?? ''}`,
            text: documentLabel('referenceSubtotal', language, {
              hasValue: String(group.value !== null),
              label: subtotalLabel,
              value: group.value ?? '',
              count: group.lines.length,
            }),
            cents: group.subtotalCents,
          } as const,
        ])
      : block.lines.map((line) => ({ kind: 'line', line }) as const)),
    ...(isGrouped
      ? [{ kind: 'subtotal', block, dues: block.duesTrips > 0 ? duesBreakdown(block.lines, language) : undefined } as const]
      : []),
  ]);
  const pages: Row[][] = [[]];
  let room = pageHeight - FIRST_PAGE_HEADER - firstPageExtra;
  rows.forEach((row, index) => {
    const height = rowHeight(row, sevNumber);
    // A member's title never ends a page: it goes with its first line.
    const next = rows[index + 1];
    const needed = row.kind === 'block' && next ? height + rowHeight(next, sevNumber) : height;
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
  const duesTotal = pages.at(-1)?.find((row) => row.kind === 'dues');
  const exemption = duesExemptionLabel(invoice);
  // The company as it was when the invoice was issued (its snapshot); the logo is today's.
  const issuer: Sender & { gstNumber: string; qstNumber: string } = invoice.issuerName
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
      <Page key={pageIndex} size={PAGE_SIZE} style={styles.page} wrap={false}>
        {invoice.status === 'void' ? <Text style={styles.void}>{label('void')}</Text> : null}
        {pageIndex === 0 ? (
          <>
            <Letterhead
              logo={company.logoPng}
              sender={issuer}
              registrations={[
                { label: label('gstNumber'), number: issuer.gstNumber },
                { label: label('qstNumber'), number: issuer.qstNumber },
              ]}
            >
              <Text style={styles.title}>{label('invoice')}</Text>
              <MetaRow label={label('number')}>{invoice.number}</MetaRow>
              <MetaRow label={label('issueDate')}>{date(invoice.issueDate)}</MetaRow>
              <MetaRow label={label('dueDate')}>{date(invoice.dueDate)}</MetaRow>
              <MetaRow label={label('terms')}>{termsLabel(invoice.paymentTermsDays, language)}</MetaRow>
              {invoice.sevNumber ? <MetaRow label={label('sevNumber')}>{invoice.sevNumber}</MetaRow> : null}
              {isGrouped ? <Text style={styles.muted}>{label('grouped')}</Text> : null}
            </Letterhead>
            <AddressBox
              title={label('billedTo')}
              clientLabel={label('client')}
              clientNumber={invoice.billedClientNumber}
              address={{
                name: invoice.billToName,
                addressLine1: invoice.billToAddressLine1,
                addressLine2: invoice.billToAddressLine2,
                city: invoice.billToCity,
                province: invoice.billToProvince,
                postalCode: invoice.billToPostalCode,
              }}
            />
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
          row.kind === 'dues' ? null : row.kind === 'referenceSubtotal' ? (
            <View key={row.key} style={styles.referenceTotal}>
              <Text style={styles.totalLabel}>{row.text}</Text>
              <Text style={styles.amount}>{money(row.cents)}</Text>
            </View>
          ) : row.kind === 'block' ? (
            <Text key={`b${row.block.clientNumber}`} style={styles.blockTitle}>
              {label('client')} {row.block.clientNumber} — {row.block.clientName}
            </Text>
          ) : row.kind === 'subtotal' ? (
            <View key={`s${row.block.clientNumber}`}>
              <View style={styles.blockTotal}>
                <Text>
                  {label('memberSubtotal')} {row.block.clientNumber} : {money(row.block.subtotalCents)}
                </Text>
              </View>
              {row.dues ? (
                <View style={styles.blockTotal}>
                  <Text>
                    {`${documentLabel('dues.label', language)} ${row.block.clientNumber} (${row.dues}) : ${money(row.block.duesCents)}`}
                  </Text>
                </View>
              ) : null}
            </View>
          ) : (
            <View key={row.line.id} style={styles.row}>
              <Text style={styles.call}>{row.line.callNumber}</Text>
              <Text style={styles.date}>{row.line.serviceDate}</Text>
              <Text style={styles.route}>
                {row.line.pickupAddress} → {row.line.destinationAddress}
                {tripMentions(row.line, invoice.sevNumber) ? `\n${tripMentions(row.line, invoice.sevNumber)}` : ''}
                {referenceMentions(row.line.referenceValues) ? `\n${referenceMentions(row.line.referenceValues)}` : ''}
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
                ...(duesTotal?.kind === 'dues' ? [[duesTotal.trips, invoice.duesCents] as const] : []),
                ...(exemption ? [[exemption, 0] as const] : []),
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

        <PageFooter page={<Text>{pageLabel(pageIndex + 1, pageCount, language)}</Text>}>
          {issuer.name} — {label('invoice')} {invoice.number}
        </PageFooter>
      </Page>
    );
  });
}
