import { Document, Page, StyleSheet, Text, View } from '@react-pdf/renderer';
import type { companySettings } from '@/db/schema';
import { formatDate, formatMoney } from '@/lib/i18n/format';
import { AGING_BUCKETS } from '@/lib/receivables/aging-buckets';
import type { LedgerEntry, MemberSubtotal } from '@/lib/receivables/ledger';
import type { Statement, StatementMemberSummary, StatementOpenInvoice } from '@/lib/statements/statement';
import { FontPrimerPage } from '../font-primer';
import { pageLabel, statementLabel, type StatementWord } from '@/lib/i18n/document-words';
import { AddressBox, addressBoxHeight, Letterhead, letterheadHeight, MetaRow, metaRowHeight, PageFooter } from './letterhead';
import { Cell, LineCells, placeLine, TextCells, type LineCell, type PlacedLine } from './line-cells';
import {
  BAND,
  COLOURS,
  CONTENT_WIDTH,
  MARGIN,
  PAGE_HEIGHT,
  PAGE_SIZE,
  ROW,
  styles as shared,
  TEXT_SIZE,
  TITLE_SIZE,
  TOTALS,
} from './styles';
import type { TextMeasure, TextStyle } from './text-measure';

type Company = typeof companySettings.$inferSelect;

// The columns, in points; a `document` column takes the rest of its table's width.
const COLUMN = { date: 64, detail: 70, number: 80, days: 70, amount: 66, memberSubtotal: 110, padding: 6 } as const;
const TITLE_MARGIN = 4;
const SECTION_MARGIN = 14;
const MEMBER_ROW = { padding: 1.5, indent: 14 } as const;
const TOTALS_WIDTH = 230;
/** Room kept under a section's title for what follows it (react-pdf's minPresenceAhead). */
const SECTION_PRESENCE = 40;

const styles = {
  ...shared,
  ...StyleSheet.create({
    // A page laid out on its own (wrap={false}) is as tall as its content unless told otherwise.
    page: { ...shared.page, minHeight: PAGE_HEIGHT },
    title: { ...shared.title, marginBottom: TITLE_MARGIN },
    sectionTitle: { ...shared.band, marginTop: SECTION_MARGIN },
    // A title cut at a page's foot, as react-pdf printed it (StatementRow).
    footTitle: { ...shared.band, marginTop: SECTION_MARGIN, paddingBottom: 0, marginBottom: 0 },
    topTitle: { ...shared.band, paddingBottom: 0 },
    titleRest: { height: BAND.padding, marginBottom: BAND.marginBottom },
    strongRow: { fontWeight: 'bold' },
    document: { flexGrow: 1, flexBasis: 0, paddingRight: COLUMN.padding },
    detail: { width: COLUMN.detail, paddingRight: COLUMN.padding },
    number: { width: COLUMN.number },
    days: { width: COLUMN.days, textAlign: 'right' },
    amount: { width: COLUMN.amount, textAlign: 'right' },
    memberSubtotal: { width: COLUMN.memberSubtotal, textAlign: 'right' },
    bucket: { flexGrow: 1, flexBasis: 0, textAlign: 'right' },
    memberRow: { flexDirection: 'row', paddingVertical: MEMBER_ROW.padding, paddingLeft: MEMBER_ROW.indent, color: COLOURS.muted },
    memberName: { flexGrow: 1, flexBasis: 0 },
    totals: { ...shared.totals, width: TOTALS_WIDTH },
    totalRow: { ...shared.totalRow, justifyContent: 'space-between' },
  }),
};

/** The title of a statement's PDF (its document title, and the batch's file). */
export function statementTitle(statement: Pick<Statement, 'client' | 'to'>): string {
  return `${statementLabel('statement', 'fr')} ${statement.client.number} ${statement.to}`;
}

/** A statement less its lists: what each of its pages prints around its rows. */
export type StatementHead = Omit<Statement, 'entries' | 'openInvoices' | 'memberSummary'>;

type OpenInvoice = Omit<StatementOpenInvoice, 'members'>;

/** A row of a statement's page, in the order printed. */
export type StatementRow =
  | {
      kind:
        | 'ledgerHead'
        | 'opening'
        | 'noDocument'
        | 'closing'
        | 'aging'
        | 'openHead'
        | 'noOpenInvoice'
        | 'summaryHead'
        | 'totals'
        | 'titleRest';
    }
  // A section's title. Cut at a page's foot, react-pdf either kept its line there without the
  // band's padding and margin below (`cut: 'foot'`, the rest of the band a `titleRest` on the next
  // page), or printed it at the next page's top without its margin above nor padding below
  // (`cut: 'top'`).
  | { kind: 'openTitle' | 'summaryTitle'; cut?: 'foot' | 'top' }
  | { kind: 'entry'; entry: LedgerEntry }
  // An open invoice and its members' subtotals; those of a group longer than a page go on over
  // the next (`isContinued`: the members without their invoice's row).
  | OpenRow
  | { kind: 'member'; member: StatementMemberSummary };

// `cells`: the invoice's row; `line`: its texts placed on one line (line-cells.tsx), or null when
// one of them is wider than its column.
type OpenRow = {
  kind: 'open';
  invoice: OpenInvoice;
  cells: LineCell[];
  line: PlacedLine | null;
  members: MemberSubtotal[];
  isContinued: boolean;
};

export type StatementPage = StatementRow[];

/** The statement without its lists (they are in its pages' rows). */
export function statementHead({ entries: _entries, openInvoices: _open, memberSummary: _summary, ...head }: Statement): StatementHead {
  return head;
}

/*
 * Explicit pagination, as the invoices'. Left to react-pdf, a statement running over several
 * pages had what was left of it laid out again after each page break, and each page again for
 * its number. Its rows are measured here (text-measure.ts) and cut into pages where react-pdf
 * cut them: a row, an open invoice with its members, the aging table and the totals never
 * split; a section's title goes with what follows it. Each page is then laid out once.
 */
const WRAP_BOTTOM = PAGE_HEIGHT - MARGIN.bottom;

const TEXT: TextStyle = { fontSize: TEXT_SIZE };
const BOLD: TextStyle = { fontSize: TEXT_SIZE, isBold: true };
const BAND_TEXT: TextStyle = { fontSize: BAND.fontSize, isBold: true };

/** What a row takes on its page: its margin above, its height, its margin below. */
type Box = { marginTop: number; height: number; marginBottom: number };

/** A statement cut into pages. */
export function statementPages(statement: Statement, company: Company, measure: TextMeasure): StatementPage[] {
  const language = statement.client.language;
  const label = (word: StatementWord) => statementLabel(word, language);
  const money = (cents: number) => formatMoney(cents, 'fr');
  const line = measure.lineHeight(TEXT);
  const lines = (text: string, width: number, style: TextStyle = TEXT) => measure.lineCount(text, width, style);
  /** A table row of cells [text, width], bold or not, ruled below. */
  const tableRow = (cells: [string, number][], style: TextStyle, rule: number): Box => ({
    marginTop: 0,
    height: Math.max(...cells.map(([text, width]) => lines(text, width, style))) * line + 2 * ROW.padding + rule,
    marginBottom: 0,
  });
  const band = (text: string): Box => ({
    marginTop: SECTION_MARGIN,
    height: lines(text, CONTENT_WIDTH - 2 * BAND.padding, BAND_TEXT) * measure.lineHeight(BAND_TEXT) + 2 * BAND.padding,
    marginBottom: BAND.marginBottom,
  });
  const titleBox = (box: Box, cut: 'foot' | 'top' | undefined): Box =>
    cut === 'top'
      ? { marginTop: 0, height: box.height - BAND.padding, marginBottom: box.marginBottom }
      : cut === 'foot'
        ? { marginTop: box.marginTop, height: box.height - BAND.padding, marginBottom: 0 }
        : box;
  const amounts = 3 * COLUMN.amount;
  const ledgerDocument = CONTENT_WIDTH - COLUMN.date - COLUMN.detail - amounts - COLUMN.padding;
  const summaryDocument = CONTENT_WIDTH - 2 * COLUMN.days - COLUMN.memberSubtotal - COLUMN.padding;
  const whole = CONTENT_WIDTH - COLUMN.padding;
  const buckets = AGING_BUCKETS.length + (statement.creditCents > 0 ? 2 : 1);
  const bucketWidth = CONTENT_WIDTH / buckets;
  const memberHeight = (member: MemberSubtotal) => {
    const subtotal = memberSubtotalText(member, label);
    const name = memberNameText(member, label);
    const room = CONTENT_WIDTH - MEMBER_ROW.indent - measure.width(subtotal, TEXT);
    return Math.max(lines(name, room), lines(subtotal, CONTENT_WIDTH - MEMBER_ROW.indent)) * line + 2 * MEMBER_ROW.padding;
  };

  const boxOf = (row: StatementRow): Box => {
    switch (row.kind) {
      case 'ledgerHead':
        return tableRow(
          [
            [label('date'), COLUMN.date],
            [label('document'), ledgerDocument],
            [label('due'), COLUMN.detail - COLUMN.padding],
            [label('debit'), COLUMN.amount],
            [label('credit'), COLUMN.amount],
            [label('balance'), COLUMN.amount],
          ],
          BOLD,
          ROW.headRule,
        );
      case 'opening':
      case 'closing':
        return tableRow(
          [
            [label(row.kind), ledgerDocument],
            [money(row.kind === 'opening' ? statement.openingCents : statement.closingCents), COLUMN.amount],
          ],
          BOLD,
          ROW.rule,
        );
      case 'entry':
        return tableRow(
          [
            [entryText(row.entry, label), ledgerDocument],
            [row.entry.dueDate ?? '', COLUMN.detail - COLUMN.padding],
            [money(Math.abs(row.entry.amountCents)), COLUMN.amount],
            [money(row.entry.balanceCents), COLUMN.amount],
          ],
          TEXT,
          ROW.rule,
        );
      case 'noDocument':
      case 'noOpenInvoice':
        return tableRow([[label(row.kind), whole]], TEXT, ROW.rule);
      case 'aging': {
        const title = band(asOfTitle('aging', statement, label));
        const heads = [
          ...AGING_BUCKETS.map((bucket) => label(bucket)),
          ...(statement.creditCents > 0 ? [label('creditOnAccount')] : []),
          label('balance'),
        ];
        const values = [
          ...AGING_BUCKETS.map((bucket) => money(statement.aging[bucket])),
          money(-statement.creditCents),
          money(statement.closingCents),
        ];
        return {
          marginTop: 0,
          height:
            title.marginTop +
            title.height +
            title.marginBottom +
            tableRow(
              heads.map((text) => [text, bucketWidth]),
              BOLD,
              ROW.headRule,
            ).height +
            tableRow(
              values.map((text) => [text, bucketWidth]),
              TEXT,
              ROW.rule,
            ).height,
          marginBottom: 0,
        };
      }
      case 'openTitle':
        return titleBox(band(asOfTitle('openInvoices', statement, label)), row.cut);
      case 'openHead':
        return tableRow(
          [
            [label('invoiceNumber'), COLUMN.number],
            [label('date'), COLUMN.date],
            [label('due'), COLUMN.date],
            [label('daysPastDue'), COLUMN.days],
            [label('total'), COLUMN.amount],
            [label('balanceDue'), COLUMN.amount],
          ],
          BOLD,
          ROW.headRule,
        );
      case 'open': {
        const invoice = row.isContinued
          ? 0
          : tableRow(
              row.cells.map((cell) => [cell.text, cell.width]),
              TEXT,
              ROW.rule,
            ).height;
        return { marginTop: 0, height: invoice + row.members.reduce((sum, member) => sum + memberHeight(member), 0), marginBottom: 0 };
      }
      case 'summaryTitle':
        return titleBox(band(label('memberSummary')), row.cut);
      case 'titleRest':
        return { marginTop: 0, height: BAND.padding, marginBottom: BAND.marginBottom };
      case 'summaryHead':
        return tableRow(
          [
            [label('member'), summaryDocument],
            [label('invoices'), COLUMN.days],
            [label('calls'), COLUMN.days],
            [label('subtotalBeforeTaxes'), COLUMN.memberSubtotal],
          ],
          BOLD,
          ROW.headRule,
        );
      case 'member':
        return tableRow(
          [
            [memberLineText(row.member), summaryDocument],
            [money(row.member.subtotalCents), COLUMN.memberSubtotal],
          ],
          TEXT,
          ROW.rule,
        );
      case 'totals': {
        const style: TextStyle = { fontSize: TOTALS.grandTotalSize, isBold: true };
        return {
          marginTop: TOTALS.marginTop,
          height: measure.lineHeight(style) + TOTALS.grandTotalRule + TOTALS.grandTotalPaddingTop + TOTALS.padding,
          marginBottom: 0,
        };
      }
    }
  };

  const rows: StatementRow[] = [
    { kind: 'ledgerHead' },
    { kind: 'opening' },
    ...statement.entries.map((entry) => ({ kind: 'entry', entry }) as const),
    ...(statement.entries.length === 0 ? [{ kind: 'noDocument' } as const] : []),
    { kind: 'closing' },
    { kind: 'aging' },
    { kind: 'openTitle' },
    { kind: 'openHead' },
    ...statement.openInvoices.map(({ members, ...invoice }) => {
      const cells = openInvoiceCells(invoice, money);
      return { kind: 'open', invoice, cells, line: placeLine(cells, measure, TEXT), members, isContinued: false } as const;
    }),
    ...(statement.openInvoices.length === 0 ? [{ kind: 'noOpenInvoice' } as const] : []),
    ...(statement.kind === 'grouped'
      ? [
          { kind: 'summaryTitle' } as const,
          { kind: 'summaryHead' } as const,
          ...statement.memberSummary.map((member) => ({ kind: 'member', member }) as const),
        ]
      : []),
    { kind: 'totals' },
  ];
  const boxes = rows.map(boxOf);
  // Where the rest of the statement would end if it all went on (a title's presence ahead).
  const restHeights = boxes.map((box) => box.marginTop + box.height + box.marginBottom);
  for (let index = restHeights.length - 2; index >= 0; index--) restHeights[index]! += restHeights[index + 1]!;

  const pages: StatementPage[] = [[]];
  let bottom = MARGIN.top + statementHeadHeight(statement, company, measure);
  const newPage = () => {
    pages.push([]);
    bottom = MARGIN.top;
  };
  rows.forEach((row, index) => {
    const box = boxes[index]!;
    // The first page has its letterhead above its rows: a title may leave it too.
    const hasRows = pages.at(-1)!.length > 0 || pages.length === 1;
    if (row.kind === 'open' && box.height > WRAP_BOTTOM - MARGIN.top) {
      // A group longer than a page: its members go on over as many pages as they need.
      if (hasRows) newPage();
      let part: OpenRow = { ...row, members: [] };
      bottom += boxOf(part).height;
      for (const member of row.members) {
        const height = memberHeight(member);
        if (bottom + height > WRAP_BOTTOM) {
          pages.at(-1)!.push(part);
          newPage();
          part = { ...row, members: [], isContinued: true };
        }
        part.members.push(member);
        bottom += height;
      }
      pages.at(-1)!.push(part);
      return;
    }
    const top = bottom + box.marginTop;
    const end = top + box.height;
    if ((row.kind === 'openTitle' || row.kind === 'summaryTitle') && top < WRAP_BOTTOM) {
      if (end > WRAP_BOTTOM) {
        // Cut at the page's foot, as react-pdf cut a title: its line kept when it fits there (the
        // rest of its band on the next page), or the title at the next page's top.
        const isLineKept = top + measure.lineHeight(BAND_TEXT) <= WRAP_BOTTOM;
        if (isLineKept) pages.at(-1)!.push({ ...row, cut: 'foot' });
        newPage();
        const next: StatementRow = isLineKept ? { kind: 'titleRest' } : { ...row, cut: 'top' };
        const nextBox = boxOf(next);
        pages.at(-1)!.push(next);
        bottom += nextBox.marginTop + nextBox.height + nextBox.marginBottom;
        return;
      }
      // A title needs room under it for what follows it (or for the rest of the statement).
      const presence = Math.min(end + box.marginBottom + SECTION_PRESENCE, bottom + restHeights[index]!);
      if (presence > WRAP_BOTTOM && hasRows) newPage();
    } else if (end > WRAP_BOTTOM && hasRows) newPage();
    pages.at(-1)!.push(row);
    bottom += box.marginTop + box.height + box.marginBottom;
  });
  return pages;
}

/** The height of a statement's first page above its rows: the letterhead and the client's box. */
function statementHeadHeight(statement: Statement, company: Company, measure: TextMeasure): number {
  const language = statement.client.language;
  const label = (word: StatementWord) => statementLabel(word, language);
  const titleStyle: TextStyle = { fontSize: TITLE_SIZE, isBold: true };
  const titles = label('statement').split(' / ');
  const titleSide = {
    height:
      titles.length * (measure.lineHeight(titleStyle) + TITLE_MARGIN) +
      (['period', 'asOf', 'client'] as const).reduce((sum, word) => sum + metaRowHeight(measure, label(word)), 0) +
      (statement.kind === 'grouped' ? measure.lineHeight(TEXT) : 0),
  };
  return (
    letterheadHeight(measure, { logo: company.logoPng, sender: company }, titleSide) +
    addressBoxHeight(measure, {
      title: label('account'),
      clientLabel: label('client'),
      clientNumber: statement.client.number,
      address: statement.client,
    })
  );
}

const KIND_WORD: Record<LedgerEntry['kind'], StatementWord> = {
  invoice: 'invoice',
  void: 'void',
  credit_note: 'creditNote',
  payment: 'payment',
  reversal: 'reversal',
};

/** A ledger entry's detail: a credit note's invoice, a payment's reference. */
function detailOf(entry: LedgerEntry, label: (word: StatementWord) => string): string {
  return entry.kind === 'credit_note' && entry.detail ? `${label('creditNoteOn')} ${entry.detail}` : (entry.detail ?? '');
}

/** What a ledger entry's row names: the kind of document, its number and its detail. */
function entryText(entry: LedgerEntry, label: (word: StatementWord) => string): string {
  const detail = detailOf(entry, label);
  return `${label(KIND_WORD[entry.kind])} ${entry.number}${detail ? ` — ${detail}` : ''}`;
}

/*
 * The texts that are both measured (statementPages) and printed (StatementRowView), written once
 * so that a row's measured height is the height of what it prints.
 */

/** A section's title as of the statement's date: its word, « au » and the date. */
function asOfTitle(word: 'aging' | 'openInvoices', statement: Pick<Statement, 'to'>, label: (word: StatementWord) => string): string {
  return `${label(word)} — ${label('asOf')} ${formatDate(statement.to, 'fr')}`;
}

/** An open invoice's row: its number, dates, days past due, total and balance. */
function openInvoiceCells(invoice: OpenInvoice, money: (cents: number) => string): LineCell[] {
  return [
    { text: String(invoice.number), width: COLUMN.number },
    { text: invoice.issueDate, width: COLUMN.date },
    { text: invoice.dueDate, width: COLUMN.date },
    { text: '', width: CONTENT_WIDTH - COLUMN.number - 2 * COLUMN.date - COLUMN.days - 2 * COLUMN.amount },
    { text: invoice.daysPastDue > 0 ? String(invoice.daysPastDue) : '', width: COLUMN.days, align: 'right' },
    { text: money(invoice.totalCents), width: COLUMN.amount, align: 'right' },
    { text: money(invoice.balanceCents), width: COLUMN.amount, align: 'right' },
  ];
}

/** A member under its open invoice: its number and name. */
function memberNameText(member: MemberSubtotal, label: (word: StatementWord) => string): string {
  return `${label('client')} ${member.clientNumber} — ${member.name}`;
}

/** A member's subtotal on its open invoice. */
function memberSubtotalText(member: MemberSubtotal, label: (word: StatementWord) => string): string {
  return `${label('memberSubtotal')} ${formatMoney(member.subtotalCents, 'fr')}`;
}

/** A member in the members' summary: its number and name. */
function memberLineText(member: Pick<StatementMemberSummary, 'clientNumber' | 'name'>): string {
  return `${member.clientNumber} — ${member.name}`;
}

/**
 * A statement of account as one document (an e-mail's attachment); `isPrimed`, a part of a
 * merged batch, starts with the page that fixes its fonts (lib/pdf/font-primer.tsx).
 */
export function StatementDocument({
  statement,
  company,
  pages,
  isPrimed = false,
}: {
  statement: StatementHead;
  company: Company;
  pages: StatementPage[];
  isPrimed?: boolean;
}) {
  return (
    <Document title={statementTitle(statement)} author={company.name} language="fr-CA">
      {isPrimed ? <FontPrimerPage /> : null}
      <StatementPages statement={statement} company={company} pages={pages} />
    </Document>
  );
}

/**
 * Some pages of a statement cut by statementPages, the first of them its page `from` (0 based)
 * of `pageCount`: a long statement or a print batch is rendered in parts, each page numbered
 * within its own statement ("Page 2 de 3").
 */
export function StatementPages({
  statement,
  company,
  pages,
  from = 0,
  pageCount = pages.length,
}: {
  statement: StatementHead;
  company: Company;
  pages: StatementPage[];
  from?: number;
  pageCount?: number;
}) {
  const language = statement.client.language;
  const label = (word: StatementWord) => statementLabel(word, language);
  const money = (cents: number) => formatMoney(cents, 'fr');
  const date = (iso: string) => formatDate(iso, 'fr');
  const { client } = statement;
  return pages.map((rows, index) => {
    const pageIndex = from + index;
    return (
      <Page key={pageIndex} size={PAGE_SIZE} style={styles.page} wrap={false}>
        {pageIndex === 0 ? (
          <>
            <Letterhead logo={company.logoPng} sender={company}>
              {/* Bilingual, the title takes a line per language: one line would run off the page. */}
              {label('statement')
                .split(' / ')
                .map((title) => (
                  <Text key={title} style={styles.title}>
                    {title}
                  </Text>
                ))}
              <MetaRow label={label('period')}>
                {date(statement.from)} – {date(statement.to)}
              </MetaRow>
              <MetaRow label={label('asOf')}>{date(statement.to)}</MetaRow>
              <MetaRow label={label('client')}>{client.number}</MetaRow>
              {statement.kind === 'grouped' ? <Text style={styles.muted}>{label('grouped')}</Text> : null}
            </Letterhead>
            <AddressBox title={label('account')} clientLabel={label('client')} clientNumber={client.number} address={client} />
          </>
        ) : null}
        {rows.map((row, at) => (
          <StatementRowView key={rowKey(row, at)} row={row} statement={statement} label={label} money={money} />
        ))}
        <PageFooter page={<Text>{pageLabel(pageIndex + 1, pageCount, language)}</Text>}>
          {company.name} — {label('statement')} {client.number}
        </PageFooter>
      </Page>
    );
  });
}

function rowKey(row: StatementRow, at: number): string {
  if (row.kind === 'entry') return `e-${row.entry.kind}-${row.entry.number}`;
  if (row.kind === 'open') return `o-${row.invoice.id}-${at}`;
  if (row.kind === 'member') return `m-${row.member.clientNumber}`;
  return row.kind;
}

const titleStyle = (cut: 'foot' | 'top' | undefined) =>
  cut === 'foot' ? styles.footTitle : cut === 'top' ? styles.topTitle : styles.sectionTitle;

function StatementRowView({
  row,
  statement,
  label,
  money,
}: {
  row: StatementRow;
  statement: StatementHead;
  label: (word: StatementWord) => string;
  money: (cents: number) => string;
}) {
  switch (row.kind) {
    case 'ledgerHead':
      return (
        <View style={[styles.row, styles.headRow]}>
          <Text style={styles.date}>{label('date')}</Text>
          <Text style={styles.document}>{label('document')}</Text>
          <Text style={styles.detail}>{label('due')}</Text>
          <Text style={styles.amount}>{label('debit')}</Text>
          <Text style={styles.amount}>{label('credit')}</Text>
          <Text style={styles.amount}>{label('balance')}</Text>
        </View>
      );
    case 'opening':
    case 'closing':
      return (
        <View style={[styles.row, styles.strongRow]}>
          <Text style={styles.date}>{row.kind === 'opening' ? statement.from : statement.to}</Text>
          <Text style={styles.document}>{label(row.kind)}</Text>
          <Cell style={styles.detail} />
          <Cell style={styles.amount} />
          <Cell style={styles.amount} />
          <Text style={styles.amount}>{money(row.kind === 'opening' ? statement.openingCents : statement.closingCents)}</Text>
        </View>
      );
    case 'entry': {
      const { entry } = row;
      return (
        <View style={styles.row}>
          <Text style={styles.date}>{entry.date}</Text>
          <Text style={styles.document}>{entryText(entry, label)}</Text>
          <Cell style={styles.detail}>{entry.dueDate}</Cell>
          <Cell style={styles.amount}>{entry.amountCents > 0 ? money(entry.amountCents) : null}</Cell>
          <Cell style={styles.amount}>{entry.amountCents < 0 ? money(-entry.amountCents) : null}</Cell>
          <Text style={styles.amount}>{money(entry.balanceCents)}</Text>
        </View>
      );
    }
    case 'noDocument':
    case 'noOpenInvoice':
      return (
        <View style={styles.row}>
          <Text style={[styles.document, styles.muted]}>{label(row.kind)}</Text>
        </View>
      );
    case 'aging':
      return (
        <View>
          <Text style={styles.sectionTitle}>{asOfTitle('aging', statement, label)}</Text>
          <View style={[styles.row, styles.headRow]}>
            {AGING_BUCKETS.map((bucket) => (
              <Text key={bucket} style={styles.bucket}>
                {label(bucket)}
              </Text>
            ))}
            {statement.creditCents > 0 ? <Text style={styles.bucket}>{label('creditOnAccount')}</Text> : null}
            <Text style={styles.bucket}>{label('balance')}</Text>
          </View>
          <View style={styles.row}>
            {AGING_BUCKETS.map((bucket) => (
              <Text key={bucket} style={styles.bucket}>
                {money(statement.aging[bucket])}
              </Text>
            ))}
            {statement.creditCents > 0 ? <Text style={styles.bucket}>{money(-statement.creditCents)}</Text> : null}
            <Text style={styles.bucket}>{money(statement.closingCents)}</Text>
          </View>
        </View>
      );
    case 'titleRest':
      return <View style={styles.titleRest} />;
    case 'openTitle':
      return <Text style={titleStyle(row.cut)}>{asOfTitle('openInvoices', statement, label)}</Text>;
    case 'openHead':
      return (
        <View style={[styles.row, styles.headRow]}>
          <Text style={styles.number}>{label('invoiceNumber')}</Text>
          <Text style={styles.date}>{label('date')}</Text>
          <Text style={styles.date}>{label('due')}</Text>
          <Cell style={styles.document} />
          <Text style={styles.days}>{label('daysPastDue')}</Text>
          <Text style={styles.amount}>{label('total')}</Text>
          <Text style={styles.amount}>{label('balanceDue')}</Text>
        </View>
      );
    case 'open': {
      const invoiceRow = row.isContinued ? null : (
        <View style={styles.row}>{row.line ? <LineCells line={row.line} /> : <TextCells cells={row.cells} />}</View>
      );
      if (row.members.length === 0) return invoiceRow;
      return (
        <View>
          {invoiceRow}
          {row.members.map((member) => (
            <View key={member.clientNumber} style={styles.memberRow}>
              <Text style={styles.memberName}>{memberNameText(member, label)}</Text>
              <Text>{memberSubtotalText(member, label)}</Text>
            </View>
          ))}
        </View>
      );
    }
    case 'summaryTitle':
      return <Text style={titleStyle(row.cut)}>{label('memberSummary')}</Text>;
    case 'summaryHead':
      return (
        <View style={[styles.row, styles.headRow]}>
          <Text style={styles.document}>{label('member')}</Text>
          <Text style={styles.days}>{label('invoices')}</Text>
          <Text style={styles.days}>{label('calls')}</Text>
          <Text style={styles.memberSubtotal}>{label('subtotalBeforeTaxes')}</Text>
        </View>
      );
    case 'member': {
      const { member } = row;
      return (
        <View style={styles.row}>
          <Text style={styles.document}>{memberLineText(member)}</Text>
          <Text style={styles.days}>{member.invoiceCount}</Text>
          <Text style={styles.days}>{member.lineCount}</Text>
          <Text style={styles.memberSubtotal}>{money(member.subtotalCents)}</Text>
        </View>
      );
    }
    case 'totals':
      return (
        <View style={styles.totals}>
          <View style={[styles.totalRow, styles.grandTotal]}>
            <Text>{label('amountDue')}</Text>
            <Text>{money(statement.closingCents)}</Text>
          </View>
        </View>
      );
  }
}
