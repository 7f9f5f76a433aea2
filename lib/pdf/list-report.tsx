import { Document, Page, StyleSheet, Text, View, type Styles } from '@react-pdf/renderer';
import type { ReactNode } from 'react';

const FONT_SIZE = 8.5;

/** The look of the list reports (billing list, aging): a landscape table with a title, a fixed header row and a footer. */
export const listReportStyles = StyleSheet.create({
  page: { fontFamily: 'DejaVu Sans', fontSize: FONT_SIZE, padding: 32, paddingBottom: 48 },
  title: { fontSize: 14, fontWeight: 'bold', marginBottom: 4 },
  subtitle: { fontSize: 9, marginBottom: 12, color: '#444' },
  row: { flexDirection: 'row', borderBottomWidth: 0.5, borderBottomColor: '#ccc', paddingVertical: 3 },
  header: { fontWeight: 'bold', backgroundColor: '#eef1f5' },
  member: { color: '#444', paddingLeft: 14 },
  total: { fontWeight: 'bold', borderTopWidth: 1, borderTopColor: '#333' },
  number: { width: 60 },
  name: { flexGrow: 1, flexBasis: 0 },
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
  // A long company name wraps on its side, leaving the page number its room ("Page 100 of 100").
  footerCompany: { flexGrow: 1, flexShrink: 1, flexBasis: 0 },
  footerPage: { flexShrink: 0, width: 90, textAlign: 'right' },
});

/**
 * The advance widths, in ems, of the characters of an amount ("-12 345 678,90 $",
 * "-$12,345,678.90") in DejaVu Sans Bold, which no character of the regular weight exceeds; any
 * other character counts as wide as the font's widest letter.
 */
const BOLD_EMS: Record<string, number> = {
  ...Object.fromEntries([...'0123456789$'].map((character) => [character, 0.696])),
  ',': 0.38,
  '.': 0.38,
  ' ': 0.349,
  '-': 0.416,
};
const WIDEST_EM = 1.104;
/** The room left between an amount and the column before it. */
const AMOUNT_GAP = 6;

/**
 * The width of a column of right-aligned amounts: its widest amount (the totals, in bold, included)
 * on one line with room before it, and never narrower than `usual`, the report's width for the
 * usual amounts. A report with larger amounts gives its name column the difference.
 */
export function amountColumnWidth(amounts: Iterable<string>, usual: number): number {
  let widest = 0;
  for (const amount of amounts) {
    let ems = 0;
    for (const character of amount) ems += BOLD_EMS[character] ?? WIDEST_EM;
    widest = Math.max(widest, ems);
  }
  return Math.max(usual, Math.ceil(widest * FONT_SIZE + AMOUNT_GAP));
}

/** The height of a row of one line: its text, 3 points above and below, its rule. */
const ONE_LINE_ROW = 16;
/** The members a head's row keeps on its page: a longer group continues on the next. */
const KEPT_MEMBERS = 10;

/**
 * A row of the table, as tall as its longest cell and never split between two pages. A head's
 * row (`members`: the rows under it) starts a new page when its members' rows, at one line each
 * and KEPT_MEMBERS at most, would not fit below it.
 */
export function ListRow({ style, members = 0, children }: { style?: Styles[string]; members?: number; children: ReactNode }) {
  const styles = listReportStyles;
  const presence = Math.min(members, KEPT_MEMBERS) * ONE_LINE_ROW;
  return (
    <View style={style ? [styles.row, style] : styles.row} wrap={false} minPresenceAhead={presence}>
      {children}
    </View>
  );
}

/**
 * A list report's document: a landscape page with the title and subtitle, the header row
 * repeated on every page (`header`, the cells after number and name), the rows, and a footer
 * with the company and the page number.
 */
export function ListReport({
  labels,
  header,
  children,
}: {
  labels: { title: string; subtitle: string; number: string; name: string; company: string; page: (page: number, pages: number) => string };
  header: ReactNode;
  children: ReactNode;
}) {
  const styles = listReportStyles;
  return (
    <Document title={labels.title} language="fr-CA">
      <Page size="LETTER" orientation="landscape" style={styles.page}>
        <Text style={styles.title}>{labels.title}</Text>
        <Text style={styles.subtitle}>{labels.subtitle}</Text>
        <View style={[styles.row, styles.header]} fixed>
          <Text style={styles.number}>{labels.number}</Text>
          <Text style={styles.name}>{labels.name}</Text>
          {header}
        </View>
        {children}
        <View style={styles.footer} fixed>
          <Text style={styles.footerCompany}>{labels.company}</Text>
          <Text style={styles.footerPage} render={({ pageNumber, totalPages }) => labels.page(pageNumber, totalPages)} />
        </View>
      </Page>
    </Document>
  );
}
