import { forbidden } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/index';
import { DataTable } from '@/components/tables/data-table';
import { getAppLocale } from '@/lib/i18n/app-locale';
import { formatDate } from '@/lib/i18n/format';
import { portalMembers } from '@/lib/portal/find-portal';
import { requirePortalRoute } from '@/lib/portal/portal-account';

/** The members of the account's group with their dates: a head's portal only. */
export default async function PortalMembersPage() {
  const { account } = await requirePortalRoute('/portal/members');
  if (!account.isHead) forbidden();
  const t = await getTranslations('portal.members');
  const locale = await getAppLocale();
  const members = await portalMembers(getDb(), account.number);
  return (
    <>
      <h1>{t('title')}</h1>
      <DataTable
        label={t('tableLabel', { number: account.number })}
        rows={members}
        rowKey={(member) => `${member.clientNumber}-${member.from ?? ''}`}
        columns={[
          { header: t('columns.number'), isRowHeader: true, cell: (member) => member.clientNumber },
          { header: t('columns.name'), cell: (member) => member.name },
          { header: t('columns.from'), isNowrap: true, cell: (member) => (member.from ? formatDate(member.from, locale) : t('open')) },
          { header: t('columns.to'), isNowrap: true, cell: (member) => (member.to ? formatDate(member.to, locale) : t('open')) },
        ]}
      />
    </>
  );
}
