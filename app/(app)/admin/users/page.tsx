import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/index';
import { CreateUserForm } from '@/components/admin/user-forms';
import { requireRoute } from '@/lib/auth/current-user';
import { listUsers } from '@/lib/users/list-users';
import { ClientMessages } from '@/components/client-messages';

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

        <table className="data-table" aria-label={t('usersAdmin.tableLabel')}>
          <thead>
            <tr>
              <th scope="col">{t('usersAdmin.columns.name')}</th>
              <th scope="col">{t('usersAdmin.columns.email')}</th>
              <th scope="col">{t('usersAdmin.columns.role')}</th>
              <th scope="col">{t('usersAdmin.columns.locale')}</th>
              <th scope="col">{t('usersAdmin.columns.active')}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr key={user.id}>
                <th scope="row">
                  <Link href={`/admin/users/${user.id}`}>{user.name}</Link>
                  {user.id === me.id ? <span className="badge">{t('usersAdmin.you')}</span> : null}
                </th>
                <td>{user.email}</td>
                <td>{t(`roles.${user.role}`)}</td>
                <td>{t(`usersAdmin.locales.${user.locale}`)}</td>
                <td>{user.isActive ? t('usersAdmin.yes') : t('usersAdmin.no')}</td>
              </tr>
            ))}
          </tbody>
        </table>

        <section style={{ marginTop: '2rem' }} aria-labelledby="new-user-title">
          <h2 id="new-user-title">{t('usersAdmin.newTitle')}</h2>
          <CreateUserForm />
        </section>
      </>
    </ClientMessages>
  );
}
