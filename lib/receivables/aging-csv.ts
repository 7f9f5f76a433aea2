/**
 * The aging as CSV, as the billing list is written (lib/csv/write-csv.ts): one row per billed
 * client, then, for a head, one row per member with its share; the totals last.
 */
import { writeCsv, type CsvCell, type CsvSeparator } from '@/lib/csv/write-csv';
import type { AgingAmounts, AgingReport, MemberAging } from './aging';
import { AGING_BUCKETS } from './aging-buckets';

const amounts = (row: Partial<AgingAmounts>, withCredit: boolean): CsvCell[] => [
  ...AGING_BUCKETS.map((bucket) => ({ cents: row[bucket] ?? 0 })),
  { cents: row.balance ?? 0 },
  withCredit ? { cents: row.credit ?? 0 } : '',
];

export function agingCsv(
  report: AgingReport,
  members: Map<number, MemberAging[]>,
  options: { separator: CsvSeparator; headers: string[]; rowKinds: { client: string; member: string; total: string } },
): string {
  const rows: CsvCell[][] = [options.headers];
  for (const row of report.rows) {
    rows.push([options.rowKinds.client, row.clientNumber, row.name, '', '', ...amounts(row, true)]);
    for (const member of members.get(row.clientNumber) ?? []) {
      rows.push([options.rowKinds.member, row.clientNumber, row.name, member.clientNumber, member.name, ...amounts(member, false)]);
    }
  }
  rows.push([options.rowKinds.total, report.clientCount, '', '', '', ...amounts(report.totals, true)]);
  return writeCsv(rows, { separator: options.separator });
}
