import { Link } from '@/components/link';
import { getTranslations } from 'next-intl/server';
import { DataTable, type Column } from '@/components/tables/data-table';
import type { AgingAmounts, AgingReport, AgingRow, MemberAging } from '@/lib/receivables/aging';
import { AGING_BUCKETS } from '@/lib/receivables/aging-buckets';

type Money = (cents: number) => string;

/**
 * The aging of the billed clients: one row per client, its balance by days past due, its credit
 * on account; a head's row opens onto its members' shares; the totals of every client below.
 */
export async function AgingTable({
  report,
  members,
  money,
  label,
}: {
  report: AgingReport;
  members: Map<number, MemberAging[]>;
  money: Money;
  label: string;
}) {
  const t = await getTranslations('aging');
  const amountColumns = <Row extends Partial<AgingAmounts>>(withCredit: boolean): Column<Row>[] => [
    ...AGING_BUCKETS.map((bucket) => ({ header: t(`columns.${bucket}`), isNumeric: true, cell: (row: Row) => money(row[bucket] ?? 0) })),
    { header: t('columns.balance'), isNumeric: true, cell: (row: Row) => <strong>{money(row.balance ?? 0)}</strong> },
    ...(withCredit ? [{ header: t('columns.credit'), isNumeric: true, cell: (row: Row) => money(row.credit ?? 0) }] : []),
  ];
  return (
    <DataTable<AgingRow>
      label={label}
      rows={report.rows}
      rowKey={(row) => row.clientNumber}
      rowProps={(row) => ({ 'data-testid': `aging-${row.clientNumber}` })}
      rowDetails={(row) => {
        const list = members.get(row.clientNumber);
        if (!row.isHead || !list?.length) return null;
        const title = t('membersOf', { number: row.clientNumber });
        return (
          <details>
            <summary>{title}</summary>
            <DataTable<MemberAging>
              label={title}
              className="nested"
              rows={list}
              rowKey={(member) => member.clientNumber}
              columns={[
                { header: t('columns.number'), cell: (member) => member.clientNumber },
                { header: t('columns.name'), cell: (member) => member.name },
                ...amountColumns<MemberAging>(false),
              ]}
            />
          </details>
        );
      }}
      columns={[
        {
          header: t('columns.number'),
          isRowHeader: true,
          cell: (row) => <Link href={`/clients/${row.clientNumber}/account`}>{row.clientNumber}</Link>,
        },
        { header: t('columns.name'), cell: (row) => row.name },
        ...amountColumns<AgingRow>(true),
      ]}
      footer={
        <tr>
          <th scope="row" colSpan={2}>
            {t('totals', { count: report.clientCount })}
          </th>
          {[...AGING_BUCKETS.map((bucket) => report.totals[bucket]), report.totals.balance, report.totals.credit].map((cents, index) => (
            <td key={index} className="numeric nowrap" data-testid={index === AGING_BUCKETS.length ? 'aging-total-balance' : undefined}>
              {money(cents)}
            </td>
          ))}
        </tr>
      }
    />
  );
}
