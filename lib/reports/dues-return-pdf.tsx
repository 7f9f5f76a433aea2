import { StyleSheet, Text } from '@react-pdf/renderer';
import { amountColumnWidth, ListReport, listReportStyles, ListRow } from '@/lib/pdf/list-report';
import { renderPdfDocument } from '@/lib/pdf/render-document';
import type { DuesExemptionReason, DuesFigures, DuesReturn } from './dues-return';

const COUNT_WIDTH = 44;
const AMOUNT_WIDTH = 58;
const styles = {
  ...listReportStyles,
  ...StyleSheet.create({
    figure: { textAlign: 'right' },
    section: { fontWeight: 'bold', paddingTop: 10, borderBottomWidth: 0 },
  }),
};

/** The figures of a row, in the order of the columns: trips and dues invoiced, voided, credited, net, not invoiced yet. */
const COLUMNS = [
  ['invoicedTrips', 'count'],
  ['invoicedCents', 'money'],
  ['voidedTrips', 'count'],
  ['voidedCents', 'money'],
  ['creditedTrips', 'count'],
  ['creditedCents', 'money'],
  ['netTrips', 'count'],
  ['netCents', 'money'],
  ['waitingTrips', 'count'],
  ['waitingCents', 'money'],
] as const satisfies readonly (readonly [keyof DuesFigures, 'count' | 'money'])[];
type Column = (typeof COLUMNS)[number][0];

export type DuesReturnLabels = {
  title: string;
  subtitle: string;
  columns: Record<Column | 'month', string>;
  totals: string;
  exemptTitle: string;
  reasons: Record<DuesExemptionReason, string>;
  page: (page: number, pages: number) => string;
  company: string;
};

/**
 * The dues return as a PDF, in the list reports' look: a row per month with the trips and dues
 * invoiced, voided, credited, the net to report and the trips not invoiced yet, the totals; then
 * the trips without dues by reason, in the columns of the trips invoiced and not invoiced.
 */
function DuesReturnDocument({
  report,
  labels,
  money,
  count,
  monthOf,
}: {
  report: DuesReturn;
  labels: DuesReturnLabels;
  money: (cents: number) => string;
  count: (trips: number) => string;
  monthOf: (month: string) => string;
}) {
  const rows: DuesFigures[] = [...report.months, report.totals];
  const format = (column: Column, kind: 'count' | 'money', value: number) => (kind === 'money' ? money(value) : count(value));
  // Each column as wide as its widest figure, the exempt trips' counts included.
  const widths = Object.fromEntries(
    COLUMNS.map(([column, kind]) => {
      const texts = rows.map((row) => format(column, kind, row[column]));
      if (column === 'invoicedTrips' || column === 'waitingTrips')
        texts.push(...report.exempt.map((row) => count(column === 'invoicedTrips' ? row.invoicedTrips : row.waitingTrips)));
      return [column, [styles.figure, { width: amountColumnWidth(texts, kind === 'money' ? AMOUNT_WIDTH : COUNT_WIDTH) }]];
    }),
  ) as Record<Column, [typeof styles.figure, { width: number }]>;
  const figures = (row: DuesFigures) =>
    COLUMNS.map(([column, kind]) => (
      <Text key={column} style={widths[column]}>
        {format(column, kind, row[column])}
      </Text>
    ));
  const exemptCells = (invoiced: number | null, waiting: number | null) =>
    COLUMNS.map(([column]) => (
      <Text key={column} style={widths[column]}>
        {column === 'invoicedTrips' && invoiced !== null
          ? count(invoiced)
          : column === 'waitingTrips' && waiting !== null
            ? count(waiting)
            : ''}
      </Text>
    ));
  return (
    <ListReport
      labels={{ ...labels, number: '', name: labels.columns.month }}
      header={
        <>
          {COLUMNS.map(([column]) => (
            <Text key={column} style={widths[column]}>
              {labels.columns[column]}
            </Text>
          ))}
        </>
      }
    >
      {report.months.map((month) => (
        <ListRow key={month.month}>
          <Text style={styles.number}>{month.month}</Text>
          <Text style={styles.name}>{monthOf(month.month)}</Text>
          {figures(month)}
        </ListRow>
      ))}
      <ListRow style={styles.total}>
        <Text style={styles.number}>{labels.totals}</Text>
        <Text style={styles.name}> </Text>
        {figures(report.totals)}
      </ListRow>
      {report.exempt.length > 0 ? (
        <>
          <ListRow style={styles.section} members={Math.min(report.exempt.length, 3)}>
            <Text style={styles.name}>{labels.exemptTitle}</Text>
          </ListRow>
          {report.exempt.map((row) => (
            <ListRow key={`${row.reason}-${row.clientNumber ?? ''}`}>
              <Text style={styles.number}>{row.clientNumber ?? ''}</Text>
              <Text style={styles.name}>
                {[labels.reasons[row.reason], row.name, row.detail].filter((part) => part !== null && part !== '').join(' — ')}
              </Text>
              {exemptCells(row.invoicedTrips, row.waitingTrips)}
            </ListRow>
          ))}
          <ListRow style={styles.total}>
            <Text style={styles.number}>{labels.totals}</Text>
            <Text style={styles.name}> </Text>
            {exemptCells(report.exemptTotals.invoicedTrips, report.exemptTotals.waitingTrips)}
          </ListRow>
        </>
      ) : null}
    </ListReport>
  );
}

/** The dues return as a PDF file (a page or two: a row per month, a row per exemption). */
export function renderDuesReturnPdf(
  report: DuesReturn,
  options: {
    labels: DuesReturnLabels;
    money: (cents: number) => string;
    count: (trips: number) => string;
    monthOf: (month: string) => string;
  },
): Promise<Buffer> {
  return renderPdfDocument(<DuesReturnDocument report={report} {...options} />);
}
