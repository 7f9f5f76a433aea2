import { StyleSheet, Text, View } from '@react-pdf/renderer';
import { ListReport, listReportStyles } from './list-report';
import type { AgingAmounts, AgingReport, MemberAging } from '@/lib/receivables/aging';
import { AGING_BUCKETS, type AgingBucket } from '@/lib/receivables/aging-buckets';

const styles = {
  ...listReportStyles,
  ...StyleSheet.create({
    amount: { width: 66, textAlign: 'right' },
  }),
};

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
  const amounts = (row: Partial<AgingAmounts>, withCredit: boolean) => (
    <>
      {AGING_BUCKETS.map((bucket) => (
        <Text key={bucket} style={styles.amount}>
          {money(row[bucket] ?? 0)}
        </Text>
      ))}
      <Text style={styles.amount}>{money(row.balance ?? 0)}</Text>
      <Text style={styles.amount}>{withCredit ? money(row.credit ?? 0) : ''}</Text>
    </>
  );
  return (
    <ListReport
      labels={{ ...labels, number: labels.columns.number, name: labels.columns.name }}
      header={
        <>
          {[...AGING_BUCKETS, 'balance' as const, 'credit' as const].map((column) => (
            <Text key={column} style={styles.amount}>
              {labels.columns[column]}
            </Text>
          ))}
        </>
      }
    >
      {report.rows.map((row) => (
        <View key={row.clientNumber} wrap={false}>
          <View style={styles.row}>
            <Text style={styles.number}>{row.clientNumber}</Text>
            <Text style={styles.name}>{row.name}</Text>
            {amounts(row, true)}
          </View>
          {(members.get(row.clientNumber) ?? []).map((member) => (
            <View key={member.clientNumber} style={[styles.row, styles.member]}>
              <Text style={styles.number}>{member.clientNumber}</Text>
              <Text style={styles.name}>{member.name}</Text>
              {amounts(member, false)}
            </View>
          ))}
        </View>
      ))}
      <View style={[styles.row, styles.total]}>
        <Text style={styles.number}>{labels.totals}</Text>
        <Text style={styles.name}> </Text>
        {amounts(report.totals, true)}
      </View>
    </ListReport>
  );
}
