/** The forms of the client portal's access (client page) and of an invitation's password. */
import { z } from 'zod';
import { requiredText, wholeNumber } from '@/lib/forms/fields';
import { LOCALES } from '@/lib/i18n/locale';
import { emailAddress, password } from '@/lib/users/user-input';

const clientNumber = wholeNumber(1, 99_999_999, 'call.clientNumber');
const userId = wholeNumber(1, 2_147_483_647, 'portalAccess.notFound');

/** `Accès au portail`: a contact of the billed client, invited in its language. */
export const invitePortalUserInput = z.object({
  clientNumber,
  name: requiredText(120),
  email: emailAddress,
  language: z.enum(LOCALES, { error: 'invalid' }),
});
export type InvitePortalUserInput = z.output<typeof invitePortalUserInput>;

/** One of the client's portal users (resend its invitation, revoke it). */
export const portalUserInput = z.object({ clientNumber, userId });
export type PortalUserInput = z.output<typeof portalUserInput>;

/** The password a portal user chooses from its invitation's link, typed twice. */
export const acceptInvitationInput = z
  .object({
    token: z.string().max(200).default(''),
    password,
    confirmation: z.string().default(''),
  })
  .superRefine((input, ctx) => {
    if (input.password !== input.confirmation)
      ctx.addIssue({ code: 'custom', path: ['confirmation'], message: 'portalInvitation.mismatch' });
  });
export type AcceptInvitationInput = z.output<typeof acceptInvitationInput>;
