import { getTranslations } from 'next-intl/server';
import { resendInvitationAction, revokePortalUserAction } from '@/actions/portal-access';
import { ActionButton } from '@/components/form/action-button';
import { DataTable } from '@/components/tables/data-table';
import { formatDateTime } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locale';
import { INVITATION_DAYS, type PortalUserRow } from '@/lib/portal/portal-users';
import { PortalInviteForm } from './portal-invite-form';

/**
 * `Accès au portail` on a billed client's page (administrators and billing clerks): its portal
 * users with where each stands and its last sign-in, resend and revoke, and the invitation form.
 */
export async function PortalAccess({
  clientNumber,
  headNumber,
  language,
  users,
  locale,
}: {
  clientNumber: number;
  /** The head of the client's group when it is a member: its invoices, and its portal, are the head's. */
  headNumber: number | null;
  language: Locale;
  users: PortalUserRow[];
  locale: Locale;
}) {
  const t = await getTranslations('portalAccess');
  const isMember = headNumber !== null && headNumber !== clientNumber;
  return (
    <section className="portal-access" aria-labelledby="portal-access-title">
      <h2 id="portal-access-title">{t('title')}</h2>
      <p>{isMember ? t('member', { head: headNumber }) : t('intro', { days: INVITATION_DAYS })}</p>
      {users.length === 0 ? (
        isMember ? null : (
          <p>{t('none')}</p>
        )
      ) : (
        <DataTable<PortalUserRow>
          label={t('tableLabel', { number: clientNumber })}
          rows={users}
          rowKey={(user) => user.id}
          rowProps={(user) => ({ 'data-testid': `portal-user-${user.email}` })}
          columns={[
            { header: t('columns.name'), isRowHeader: true, cell: (user) => user.name },
            { header: t('columns.email'), cell: (user) => user.email },
            { header: t('columns.language'), cell: (user) => t(`languages.${user.locale}`) },
            { header: t('columns.status'), cell: (user) => t(`statuses.${user.status}`) },
            {
              header: t('columns.lastSignIn'),
              isNowrap: true,
              cell: (user) => (user.lastSignInAt ? formatDateTime(user.lastSignInAt, locale) : t('never')),
            },
            {
              header: t('columns.actions'),
              isHeaderHidden: true,
              cell: (user) => (
                <div className="row-actions">
                  <ActionButton
                    action={resendInvitationAction}
                    fields={{ clientNumber, userId: user.id }}
                    label={t('resendLabel', { email: user.email })}
                  />
                  {user.status === 'revoked' ? null : (
                    <ActionButton
                      action={revokePortalUserAction}
                      fields={{ clientNumber, userId: user.id }}
                      label={t('revokeLabel', { email: user.email })}
                      confirmText={t('revokeConfirm', { email: user.email })}
                      isDanger
                    />
                  )}
                </div>
              ),
            },
          ]}
        />
      )}
      {isMember ? null : <PortalInviteForm clientNumber={clientNumber} language={language} />}
    </section>
  );
}
