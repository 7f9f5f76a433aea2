/**
 * The client portal's users (docs/business-rules.md, Client portal): an administrator or a
 * billing clerk invites a contact of a billed client (a head, or a client billed alone) from its
 * page; the invitation goes out through the e-mail delivery's queue with a single-use link that
 * expires after seven days, to choose a password; a portal user is revoked at once (its
 * sessions end: the users' trigger raises their version) and its invitation resent. Every step
 * is in the audit log under the client.
 */
import { randomBytes } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { queryRows, type Db, type Executor, type Tx } from '@/db/index';
import { PG_UNIQUE_VIOLATION, pgErrorOf } from '@/db/errors';
import { deliveries, portalInvitations, users } from '@/db/schema';
import { recordChanges } from '@/lib/audit/record-changes';
import { withActor } from '@/lib/audit/with-actor';
import { hashPassword } from '@/lib/auth/password';
import { AppError } from '@/lib/errors';
import { idOfToken, isTokenOf, newNonce } from './invitation-token';
import type { AcceptInvitationInput, InvitePortalUserInput, PortalUserInput } from './portal-input';

/** An invitation's link opens the choice of a password for this long. */
export const INVITATION_DAYS = 7;

/** A password no one knows: a portal user's until it chooses its own from the invitation. */
const unusablePassword = () => hashPassword(randomBytes(32).toString('base64url'));

/** The client a portal user may belong to: billed itself (a head, or alone), not a member of a group. */
async function requireBilledClient(tx: Executor, clientNumber: number): Promise<void> {
  const [client] = await queryRows<{ grouped_client_number: number | null }>(
    tx,
    sql`select grouped_client_number from clients where number = ${clientNumber} for share`,
  );
  if (!client) throw new AppError('client.notFound', { number: clientNumber });
  if (client.grouped_client_number !== null && client.grouped_client_number !== clientNumber)
    throw new AppError('portalAccess.member', { number: clientNumber, head: client.grouped_client_number });
}

/** Why an e-mail address cannot be a new portal user of `clientNumber`, if it is already someone's. */
async function refuseTakenEmail(tx: Executor, email: string, clientNumber: number): Promise<void> {
  const [taken] = await tx
    .select({ role: users.role, account: users.portalClientNumber })
    .from(users)
    .where(eq(users.email, email))
    .limit(1);
  if (!taken) return;
  if (taken.role !== 'portal') throw new AppError('portalAccess.emailStaff', { email });
  if (taken.account !== clientNumber) throw new AppError('portalAccess.emailOtherAccount', { email });
  throw new AppError('portalAccess.emailAlreadyInvited', { email });
}

/**
 * A new invitation of `userId` and its e-mail queued: the invitations not used yet are replaced
 * (their links no longer open anything).
 */
async function queueInvitation(tx: Tx, actorId: number, userId: number, recipient: string): Promise<void> {
  await tx
    .update(portalInvitations)
    .set({ cancelledAt: sql`now()` })
    .where(and(eq(portalInvitations.userId, userId), isNull(portalInvitations.usedAt), isNull(portalInvitations.cancelledAt)));
  const [invitation] = await tx
    .insert(portalInvitations)
    .values({ userId, nonce: newNonce(), expiresAt: sql`now() + ${`${INVITATION_DAYS} days`}::interval`, createdBy: actorId })
    .returning({ id: portalInvitations.id });
  await tx.insert(deliveries).values({
    portalInvitationId: invitation!.id,
    channel: 'email',
    status: 'pending',
    recipients: [recipient],
    requestedBy: actorId,
  });
}

const audit = (tx: Tx, actorId: number, clientNumber: number, email: string, field: string, value: string | null) =>
  recordChanges(tx, actorId, { entity: 'portal_user', entityKey: email, clientNumber }, { [field]: null }, { [field]: value });

export async function invitePortalUser(db: Db, actorId: number, input: InvitePortalUserInput): Promise<{ email: string }> {
  try {
    return await withActor(db, actorId, async (tx) => {
      await requireBilledClient(tx, input.clientNumber);
      await refuseTakenEmail(tx, input.email, input.clientNumber);
      const [user] = await tx
        .insert(users)
        .values({
          email: input.email,
          name: input.name,
          role: 'portal',
          locale: input.language,
          passwordHash: await unusablePassword(),
          portalClientNumber: input.clientNumber,
        })
        .returning({ id: users.id });
      await queueInvitation(tx, actorId, user!.id, input.email);
      await audit(tx, actorId, input.clientNumber, input.email, 'portal_invited', `${input.name} <${input.email}>`);
      return { email: input.email };
    });
  } catch (error) {
    // Another invitation of the same address committed meanwhile: said as it would have been.
    if (pgErrorOf(error)?.code === PG_UNIQUE_VIOLATION) await refuseTakenEmail(db, input.email, input.clientNumber);
    throw error;
  }
}

/** The client's portal user `userId`, locked for a change, or the refusal. */
async function lockPortalUser(tx: Tx, input: PortalUserInput) {
  const [user] = await tx
    .select({ id: users.id, email: users.email, isActive: users.isActive })
    .from(users)
    .where(and(eq(users.id, input.userId), eq(users.portalClientNumber, input.clientNumber)))
    .for('update');
  if (!user) throw new AppError('portalAccess.notFound');
  return user;
}

/**
 * A new invitation for a portal user who lost or never used its link. A revoked user is given
 * access again this way, with a password no one knows until it chooses one from the new link.
 */
export async function resendInvitation(db: Db, actorId: number, input: PortalUserInput): Promise<{ email: string }> {
  return withActor(db, actorId, async (tx) => {
    const user = await lockPortalUser(tx, input);
    if (!user.isActive)
      await tx
        .update(users)
        .set({ isActive: true, passwordHash: await unusablePassword() })
        .where(eq(users.id, user.id));
    await queueInvitation(tx, actorId, user.id, user.email);
    await audit(tx, actorId, input.clientNumber, user.email, 'portal_invitation_sent', user.email);
    return { email: user.email };
  });
}

/** Access taken away at once: its sessions end (users' trigger) and its invitations open nothing. */
export async function revokePortalUser(db: Db, actorId: number, input: PortalUserInput): Promise<{ email: string }> {
  return withActor(db, actorId, async (tx) => {
    const user = await lockPortalUser(tx, input);
    if (!user.isActive) throw new AppError('portalAccess.alreadyRevoked', { email: user.email });
    await tx.update(users).set({ isActive: false }).where(eq(users.id, user.id));
    await tx
      .update(portalInvitations)
      .set({ cancelledAt: sql`now()` })
      .where(and(eq(portalInvitations.userId, user.id), isNull(portalInvitations.usedAt), isNull(portalInvitations.cancelledAt)));
    await audit(tx, actorId, input.clientNumber, user.email, 'portal_revoked', user.email);
    return { email: user.email };
  });
}

export type PortalUserRow = {
  id: number;
  name: string;
  email: string;
  locale: 'fr' | 'en';
  /** `invited`: its link not used yet (or expired); `active`: its password chosen; `revoked`. */
  status: 'invited' | 'expired' | 'active' | 'revoked';
  lastSignInAt: Date | null;
};

/** The client's portal users, with where each stands and its last sign-in. */
export async function listPortalUsers(db: Executor, clientNumber: number): Promise<PortalUserRow[]> {
  const rows = await queryRows<{
    id: number;
    name: string;
    email: string;
    locale: 'fr' | 'en';
    is_active: boolean;
    has_password: boolean;
    is_expired: boolean;
    last_sign_in_at: string | null;
  }>(
    db,
    sql`select u.id, u.name, u.email, u.locale, u.is_active,
               exists (select 1 from portal_invitations i where i.user_id = u.id and i.used_at is not null) as has_password,
               not exists (select 1 from portal_invitations i where i.user_id = u.id and i.cancelled_at is null
                                                                and (i.used_at is not null or i.expires_at > now())) as is_expired,
               (select max(a.attempted_at) from sign_in_attempts a where a.email = u.email and a.is_success)::text as last_sign_in_at
          from users u
         where u.portal_client_number = ${clientNumber}
         order by u.is_active desc, u.name, u.id`,
  );
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    email: row.email,
    locale: row.locale,
    status: !row.is_active ? 'revoked' : row.has_password ? 'active' : row.is_expired ? 'expired' : 'invited',
    lastSignInAt: row.last_sign_in_at === null ? null : new Date(row.last_sign_in_at),
  }));
}

/** What an invitation's link says before its password is chosen: whose it is, or why it no longer opens. */
export async function readInvitation(db: Executor, token: string): Promise<{ email: string; name: string; locale: 'fr' | 'en' }> {
  const invitation = await findInvitation(db, token, false);
  return { email: invitation.email, name: invitation.name, locale: invitation.locale };
}

async function findInvitation(db: Executor, token: string, isLocked: boolean) {
  const id = idOfToken(token);
  if (id === null) throw new AppError('portalInvitation.invalid');
  const [invitation] = await queryRows<{
    id: number;
    user_id: number;
    nonce: string;
    is_used: boolean;
    is_cancelled: boolean;
    is_expired: boolean;
    is_active: boolean;
    email: string;
    name: string;
    locale: 'fr' | 'en';
    client_number: number;
  }>(
    db,
    sql`select i.id, i.user_id, i.nonce, i.used_at is not null as is_used, i.cancelled_at is not null as is_cancelled,
               i.expires_at <= now() as is_expired, u.is_active, u.email, u.name, u.locale, u.portal_client_number as client_number
          from portal_invitations i join users u on u.id = i.user_id
         where i.id = ${id}${isLocked ? sql` for update of i, u` : sql``}`,
  );
  // An unknown id and a wrong signature say the same: the link is not one of ours.
  if (!invitation || !isTokenOf(token, invitation.id, invitation.nonce)) throw new AppError('portalInvitation.invalid');
  if (invitation.is_used) throw new AppError('portalInvitation.used');
  if (invitation.is_cancelled || !invitation.is_active) throw new AppError('portalInvitation.replaced');
  if (invitation.is_expired) throw new AppError('portalInvitation.expired', { days: INVITATION_DAYS });
  return invitation;
}

/** The portal user chooses its password from its invitation's link, once. */
export async function acceptInvitation(db: Db, input: AcceptInvitationInput): Promise<{ email: string }> {
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const invitation = await findInvitation(tx, input.token, true);
    await tx.execute(sql`select set_config('app.user_id', ${String(invitation.user_id)}, true)`);
    await tx.update(users).set({ passwordHash }).where(eq(users.id, invitation.user_id));
    await tx
      .update(portalInvitations)
      .set({ usedAt: sql`now()` })
      .where(eq(portalInvitations.id, invitation.id));
    await audit(tx, invitation.user_id, invitation.client_number, invitation.email, 'portal_password_chosen', invitation.email);
    return { email: invitation.email };
  });
}
