import { Link } from '@/components/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getAppLocale } from '@/lib/i18n/app-locale';
import { getDb } from '@/db/index';
import { ChangeRoleForm, ResetPasswordForm, SetActiveForm } from '@/components/admin/user-forms';
import { requireRoute } from '@/lib/auth/current-user';
import { formatDateTime } from '@/lib/i18n/format';
import { getUser } from '@/lib/users/list-users';
import { ClientMessages } from '@/components/client-messages';
import { parseRouteNumber } from '@/lib/url-state';

export default async function UserPage({ params }: { params: Promise<{ id: string }> }) {
  // Same rule as the list: administrators only.
  const me = await requireRoute('/admin/users/[id]');
  const id = parseRouteNumber((await params).id, 'integer');
  const user = id === null ? null : await getUser(getDb(), id);
  if (!user) notFound();

  const t = await getTranslations();
  const locale = await getAppLocale();
  const isSelf = user.id === me.id;

  return (
    <ClientMessages namespaces={['roles', 'usersAdmin']}>
      <>
        <p>
          <Link href="/admin/users">← {t('usersAdmin.back')}</Link>
        </p>
        <div className="page-header">
          <h1>
            {user.name}
            {isSelf ? <span className="badge">{t('usersAdmin.you')}</span> : null}
          </h1>
          <p>
            {user.email} · {t(`roles.${user.role}`)} · {t(`usersAdmin.locales.${user.locale}`)}
          </p>
        </div>
        <p className="hint">{t('usersAdmin.detail.since', { date: formatDateTime(user.createdAt, locale) })}</p>

        <div className="form-sections" style={{ marginTop: '1rem' }}>
          <section aria-labelledby="role-title">
            <h2 id="role-title">{t('usersAdmin.detail.roleTitle')}</h2>
            <ChangeRoleForm userId={user.id} role={user.role} isSelf={isSelf} />
          </section>
          <section aria-labelledby="access-title">
            <h2 id="access-title">{t('usersAdmin.detail.accessTitle')}</h2>
            <SetActiveForm userId={user.id} isActive={user.isActive} isSelf={isSelf} />
          </section>
          <section aria-labelledby="password-title">
            <h2 id="password-title">{t('usersAdmin.detail.passwordTitle')}</h2>
            <ResetPasswordForm userId={user.id} />
          </section>
        </div>
      </>
    </ClientMessages>
  );
}
