'use server';

import { getTranslations } from 'next-intl/server';
import { defineAction } from '@/actions/define-action';
import { BILLING } from '@/lib/auth/roles';
import { invitePortalUserInput, portalUserInput } from '@/lib/portal/portal-input';
import { invitePortalUser, resendInvitation, revokePortalUser } from '@/lib/portal/portal-users';

/** `Accès au portail` on a billed client's page: administrators and billing clerks. */
export const invitePortalUserAction = defineAction({
  name: 'portalAccess.invite',
  roles: BILLING,
  input: invitePortalUserInput,
  run: async ({ db, user, input }) => {
    const { email } = await invitePortalUser(db, user.id, input);
    const t = await getTranslations('portalAccess');
    return { message: t('invited', { email }) };
  },
  revalidates: ({ input }) => [`/clients/${input.clientNumber}`],
});

export const resendInvitationAction = defineAction({
  name: 'portalAccess.resend',
  roles: BILLING,
  input: portalUserInput,
  run: async ({ db, user, input }) => {
    const { email } = await resendInvitation(db, user.id, input);
    const t = await getTranslations('portalAccess');
    return { message: t('resent', { email }) };
  },
  revalidates: ({ input }) => [`/clients/${input.clientNumber}`],
});

export const revokePortalUserAction = defineAction({
  name: 'portalAccess.revoke',
  roles: BILLING,
  input: portalUserInput,
  run: async ({ db, user, input }) => {
    const { email } = await revokePortalUser(db, user.id, input);
    const t = await getTranslations('portalAccess');
    return { message: t('revoked', { email }) };
  },
  revalidates: ({ input }) => [`/clients/${input.clientNumber}`],
});
