import { Link } from '@/components/link';
import { getTranslations } from 'next-intl/server';
import { RemoveMemberButton } from '@/components/clients/member-forms';
import { DataTable, type Column } from '@/components/tables/data-table';
import type { listGroupMembers } from '@/lib/clients/group-members';
import { formatMoney } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locale';

type Member = Awaited<ReturnType<typeof listGroupMembers>>[number];

/** A head's group: each member with its tariff and what it has left to bill, and the group's total. */
export async function GroupMembersTable({
  head,
  members,
  locale,
  canEdit,
  today,
}: {
  head: number;
  today: string;
  members: Member[];
  locale: Locale;
  canEdit: boolean;
}) {
  const t = await getTranslations('members');
  const columns: Column<Member>[] = [
    { header: t('columns.number'), cell: (member) => <Link href={`/clients/${member.number}`}>{member.number}</Link> },
    {
      header: t('columns.name'),
      cell: (member) => (
        <>
          {member.name}
          {member.isHead ? <span className="badge">{t('headRow')}</span> : null}
          {member.isFormer ? <span className="badge">{t('formerRow')}</span> : null}
        </>
      ),
    },
    { header: t('columns.tariff'), cell: (member) => member.tariffCode },
    { header: t('columns.unbilledCalls'), isNumeric: true, cell: (member) => member.unbilledCalls },
    { header: t('columns.unbilledAmount'), isNumeric: true, cell: (member) => formatMoney(member.unbilledCents, locale) },
  ];
  if (canEdit) {
    columns.push({
      header: t('columns.actions'),
      isHeaderHidden: true,
      cell: (member) => (member.isHead || member.isFormer ? null : <RemoveMemberButton head={head} member={member.number} today={today} />),
    });
  }
  return (
    <DataTable<Member>
      labelledBy="members-title"
      rows={members}
      rowKey={(member) => member.number}
      rowProps={(member) => ({ 'data-testid': `member-${member.number}` })}
      columns={columns}
      footer={
        <tr>
          <th scope="row" colSpan={3}>
            {t('total')}
          </th>
          <td className="numeric">{members.reduce((sum, m) => sum + m.unbilledCalls, 0)}</td>
          <td className="numeric nowrap">
            {formatMoney(
              members.reduce((sum, m) => sum + m.unbilledCents, 0),
              locale,
            )}
          </td>
          {canEdit ? <td /> : null}
        </tr>
      }
    />
  );
}
