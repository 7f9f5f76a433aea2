import { Link } from '@/components/link';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/index';
import { CreateUserForm } from '@/components/admin/user-forms';
import { requireRoute } from '@/lib/auth/current-user';
import { listUsers } from '@/lib/users/list-users';
import { ClientMessages } from '@/components/client-messages';
import { DataTable } from '@/components/tables/data-table';

type UserRow = Awaited<ReturnType<typeof listUsers>>[number];

export default async function UsersPage() {
  const me = await requireRoute('/admin/users');
  const t = await getTranslations();
  const users = await listUsers(getDb());

  return (
    <ClientMessages namespaces={['roles', 'usersAdmin']}>
      <>
        <div className="page-header">
          <h1>{t('screens.users.title')}</h1>
        </div>

        <DataTable<UserRow>
          label={t('usersAdmin.tableLabel')}
          rows={users}
          rowKey={(user) => user.id}
          columns={[
            {
              header: t('usersAdmin.columns.name'),
              isRowHeader: true,
              cell: (user) => (
                <>
                  <Link href={`/admin/users/${user.id}`}>{user.name}</Link>
                  {user.id === me.id ? <span className="badge">{t('usersAdmin.you')}</span> : null}
                </>
              ),
            },
            { header: t('usersAdmin.columns.email'), cell: (user) => user.email },
            { header: t('usersAdmin.columns.role'), cell: (user) => t(`roles.${user.role}`) },
            { header: t('usersAdmin.columns.locale'), cell: (user) => t(`usersAdmin.locales.${user.locale}`) },
            { header: t('usersAdmin.columns.active'), cell: (user) => (user.isActive ? t('usersAdmin.yes') : t('usersAdmin.no')) },
          ]}
        />

        <section style={{ marginTop: '2rem' }} aria-labelledby="new-user-title">
          <h2 id="new-user-title">{t('usersAdmin.newTitle')}</h2>
          <CreateUserForm />
        </section>
      </>
    </ClientMessages>
  );
}
