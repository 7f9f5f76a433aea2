import { StyleSheet, Text } from '@react-pdf/renderer';
import { Fragment } from 'react';
import { amountColumnWidth, ListReport, listReportStyles, ListRow } from './list-report';
import type { AgingAmounts, AgingReport, MemberAging } from '@/lib/receivables/aging';
import { AGING_BUCKETS, type AgingBucket } from '@/lib/receivables/aging-buckets';

const AMOUNT_WIDTH = 66;
const styles = {
  ...listReportStyles,
  ...StyleSheet.create({
    amount: { width: AMOUNT_WIDTH, textAlign: 'right' },
  }),
};
const AMOUNT_COLUMNS = [...AGING_BUCKETS, 'balance', 'credit'] as const;
type AmountColumn = (typeof AMOUNT_COLUMNS)[number];

export type AgingLabels = {
  title: string;
  subtitle: string;
  columns: Record<AgingBucket | 'number' | 'name' | 'balance' | 'credit', string>;
  totals: string;
  page: (page: number, pages: number) => string;
  company: string;
};

/** The aging as a PDF, in the billing list's look: one row per billed client, a head's members under it, the totals. */
export function AgingDocument({
  report,
  members,
  labels,
  money,
}: {
  report: AgingReport;
  members: Map<number, MemberAging[]>;
  labels: AgingLabels;
  money: (cents: number) => string;
}) {
  // Each column of amounts as wide as its widest amount: the billed clients', their members' and the totals'.
  const rows: Partial<AgingAmounts>[] = [...report.rows, ...[...members.values()].flat(), report.totals];
  const columnOf = (column: AmountColumn) => {
    const texts = rows.map((row) => money(row[column] ?? 0));
    return [styles.amount, { width: amountColumnWidth(texts, AMOUNT_WIDTH) }];
  };
  const columns = Object.fromEntries(AMOUNT_COLUMNS.map((column) => [column, columnOf(column)])) as Record<
    AmountColumn,
    ReturnType<typeof columnOf>
  >;
  const amounts = (row: Partial<AgingAmounts>, withCredit: boolean) => (
    <>
      {AGING_BUCKETS.map((bucket) => (
        <Text key={bucket} style={columns[bucket]}>
          {money(row[bucket] ?? 0)}
        </Text>
      ))}
      <Text style={columns.balance}>{money(row.balance ?? 0)}</Text>
      <Text style={columns.credit}>{withCredit ? money(row.credit ?? 0) : ''}</Text>
    </>
  );
  return (
    <ListReport
      labels={{ ...labels, number: labels.columns.number, name: labels.columns.name }}
      header={
        <>
          {AMOUNT_COLUMNS.map((column) => (
            <Text key={column} style={columns[column]}>
              {labels.columns[column]}
            </Text>
          ))}
        </>
      }
    >
      {report.rows.map((row) => {
        const rowMembers = members.get(row.clientNumber) ?? [];
        return (
          <Fragment key={row.clientNumber}>
            <ListRow members={rowMembers.length}>
              <Text style={styles.number}>{row.clientNumber}</Text>
              <Text style={styles.name}>{row.name}</Text>
              {amounts(row, true)}
            </ListRow>
            {rowMembers.map((member) => (
              <ListRow key={member.clientNumber} style={styles.member}>
                <Text style={styles.number}>{member.clientNumber}</Text>
                <Text style={styles.name}>{member.name}</Text>
                {amounts(member, false)}
              </ListRow>
            ))}
          </Fragment>
        );
      })}
      <ListRow style={styles.total}>
        <Text style={styles.number}>{labels.totals}</Text>
        <Text style={styles.name}> </Text>
        {amounts(report.totals, true)}
      </ListRow>
    </ListReport>
  );
}
