import { Link } from '@/components/link';
import { getTranslations } from 'next-intl/server';
import { DataTable } from '@/components/tables/data-table';
import { formatDate } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locale';
import type { Ledger, LedgerEntry, MemberSubtotal } from '@/lib/receivables/ledger';

type Money = (cents: number) => string;

const documentHref = (entry: LedgerEntry) =>
  entry.kind === 'payment' || entry.kind === 'reversal'
    ? `/receivables/payments/${entry.number}`
    : entry.kind === 'credit_note'
      ? `/invoices/${entry.detail}`
      : `/invoices/${entry.number}`;

/**
 * A billed client's ledger: the opening balance, each document with its debit or credit and the
 * running balance, the closing balance; on a head's ledger each invoice opens onto its members'
 * subtotals.
 */
export async function LedgerTable({
  ledger,
  members,
  locale,
  money,
}: {
  ledger: Ledger;
  members: Map<number, MemberSubtotal[]>;
  locale: Locale;
  money: Money;
}) {
  const t = await getTranslations('account');
  const tr = await getTranslations('receivables');
  return (
    <DataTable<LedgerEntry>
      labelledBy="ledger-title"
      rows={ledger.entries}
      rowKey={(entry) => `${entry.kind}-${entry.number}`}
      rowDetails={(entry) => {
        const list = entry.invoiceId === null ? undefined : members.get(entry.invoiceId);
        if (!list?.length) return null;
        return (
          <details>
            <summary>{t('members')}</summary>
            <ul>
              {list.map((member) => (
                <li key={member.clientNumber}>
                  {t('memberLine', {
                    number: member.clientNumber,
                    name: member.name,
                    lines: member.lineCount,
                    subtotal: money(member.subtotalCents),
                  })}
                </li>
              ))}
            </ul>
          </details>
        );
      }}
      columns={[
        { header: t('columns.date'), isNowrap: true, cell: (entry) => formatDate(entry.date, locale) },
        {
          header: t('columns.document'),
          isRowHeader: true,
          cell: (entry) => <Link href={documentHref(entry)}>{t(`kinds.${entry.kind}`, { number: entry.number })}</Link>,
        },
        {
          header: t('columns.detail'),
          cell: (entry) => (entry.kind === 'credit_note' ? t('creditNoteOf', { number: entry.detail ?? '' }) : (entry.detail ?? '')),
        },
        { header: t('columns.due'), isNowrap: true, cell: (entry) => (entry.dueDate ? formatDate(entry.dueDate, locale) : '') },
        {
          header: t('columns.status'),
          cell: (entry) =>
            entry.invoiceStatus === null
              ? ''
              : `${tr(`invoiceStatus.${entry.invoiceStatus}`)}${entry.invoiceStatus === 'partial' ? ` (${money(entry.balanceDueCents ?? 0)})` : ''}`,
        },
        { header: t('columns.debit'), isNumeric: true, cell: (entry) => (entry.amountCents > 0 ? money(entry.amountCents) : '') },
        { header: t('columns.credit'), isNumeric: true, cell: (entry) => (entry.amountCents < 0 ? money(-entry.amountCents) : '') },
        { header: t('columns.balance'), isNumeric: true, cell: (entry) => money(entry.balanceCents) },
      ]}
      footer={
        <tr>
          <th scope="row" colSpan={7}>
            {t('closing')}
          </th>
          <td className="numeric nowrap" data-testid="ledger-closing">
            <strong>{money(ledger.closingCents)}</strong>
          </td>
        </tr>
      }
    />
  );
}
