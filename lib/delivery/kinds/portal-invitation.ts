/**
 * The invitation to the client portal as one more kind of e-mailed document (lib/portal): an
 * e-mail without attachment, in the portal user's language, with the link to choose a password.
 * An invitation replaced, used or expired before its turn is not sent.
 */
import { sql } from 'drizzle-orm';
import { queryRows } from '@/db/index';
import { formatDate } from '@/lib/i18n/format';
import { documentTranslator } from '@/lib/i18n/document-words';
import { invitationToken } from '@/lib/portal/invitation-token';
import { BUSINESS_TIME_ZONE } from '@/lib/dates/montreal';
import type { EmailedKind } from '../document-kind';

/**
 * Where the application is reached from outside (APP_URL, e.g. https://facturation.exemple.ca):
 * the invitation's link starts with it.
 */
export function appUrl(): string {
  return (process.env.APP_URL ?? 'http://localhost:3000').replace(/\/+$/, '');
}

export const portalInvitationDelivery: EmailedKind = {
  table: 'portal_invitations',
  deliveryColumn: 'portal_invitation_id',
  isSendable: sql`exists (select 1 from portal_invitations i where i.id = deliveries.portal_invitation_id
                            and i.used_at is null and i.cancelled_at is null and i.expires_at > now())`,
  async emailOf(db, invitationId, company) {
    const [found] = await queryRows<{
      id: number;
      nonce: string;
      expires_at: string;
      name: string;
      email: string;
      locale: 'fr' | 'en';
      client: number;
      account: string;
    }>(
      db,
      sql`select i.id, i.nonce, (i.expires_at at time zone ${BUSINESS_TIME_ZONE})::date::text as expires_at,
                 u.name, u.email, u.locale, c.number as client, c.name as account
            from portal_invitations i
            join users u on u.id = i.user_id
            join clients c on c.number = u.portal_client_number
           where i.id = ${invitationId}`,
    );
    if (!found) throw new Error(`invitation ${invitationId} introuvable`);
    const t = documentTranslator(found.locale);
    const values = {
      name: found.name,
      email: found.email,
      client: String(found.client),
      account: found.account,
      company: company?.name ?? '',
      expires: formatDate(found.expires_at, found.locale),
      link: `${appUrl()}/portal/invitation/${invitationToken(found.id, found.nonce)}`,
    };
    return { subject: t('email.portalInvitation.subject', values), text: t('email.portalInvitation.text', values), attachment: null };
  },
};
