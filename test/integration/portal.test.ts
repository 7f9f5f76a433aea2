/**
 * The client portal (docs/business-rules.md, Client portal) on PostgreSQL, with a real SMTP
 * server: an invitation e-mailed in the client's language with its link; the link used once,
 * refused when forged, used, replaced or expired; an e-mail address that is a staff user's or
 * another account's refused; a member refused as an account; revocation ending the sessions;
 * sign-ins in the audit log. Then the scope, as an attacker of the next account would try it: a
 * head sees its members' calls only while they were its members, never a call billed to another
 * head, nor another account's invoice or statement.
 */
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { queryRows, type Tx } from '@/db/index';
import { auditLog, clients, portalInvitations, users } from '@/db/schema';
import { checkCredentials } from '@/lib/auth/credentials';
import { billingInput } from '@/lib/billing/billing-input';
import { generateInvoices } from '@/lib/billing/generate-invoices';
import { setMembershipDate } from '@/lib/clients/membership';
import { processPendingEmails } from '@/lib/delivery/email-queue';
import { smtpMailer, type Mailer } from '@/lib/delivery/mailer';
import {
  accountStatement,
  isAccountInvoice,
  portalCallPages,
  portalCalls,
  portalCallSearchParams,
  portalMembers,
} from '@/lib/portal/find-portal';
import { portalCallsCsvStream } from '@/lib/portal/portal-calls-csv';
import { acceptInvitationInput, invitePortalUserInput, portalUserInput } from '@/lib/portal/portal-input';
import {
  acceptInvitation,
  invitePortalUser,
  listPortalUsers,
  readInvitation,
  resendInvitation,
  revokePortalUser,
} from '@/lib/portal/portal-users';
import { appErrorCode, insertCall, insertClient, insertCompanySettings, insertTariff, insertUser } from '@/test/support/fixtures';
import { startSmtpServer, type TestSmtp } from '@/test/support/smtp';
import { createTestDatabase, type TestDatabase } from '@/test/support/test-database';

const HEAD_A = 72000;
const HEAD_B = 73000;
const MEMBER = 72001;
const ALONE = 74000;

let database: TestDatabase;
let clerkId: number;
let tariffId: number;
let smtp: TestSmtp;
let mailer: Mailer;
const callsBy: Record<string, number> = {};

process.env.AUTH_SECRET ??= 'secret-des-essais-du-portail-client-0123456789';

async function inTransaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  return database.db.transaction(work);
}

async function call(key: string, client: number, date: string) {
  const row = await insertCall(database.db, client, tariffId, { serviceDate: date, serviceAt: new Date(`${date}T14:00:00Z`) });
  callsBy[key] = row.number;
}

/** The invitations' e-mails sent so far, and the link of the last one to `email`. */
async function linkSentTo(email: string): Promise<string> {
  await processPendingEmails(database.db, mailer);
  const message = [...smtp.messages].reverse().find((m) => (m.to as { value: { address: string }[] }).value[0]!.address === email);
  const link = /\/portal\/invitation\/(\S+)/.exec(message!.text ?? '');
  return link![1]!;
}

beforeAll(async () => {
  database = await createTestDatabase();
  await insertCompanySettings(database.db);
  clerkId = await insertUser(database.db, 'commis@exemple.ca', 'billing', 'Commis');
  tariffId = (await insertTariff(database.db)).id;
  // Head A and its member from September; the member moves to head B on October 16. A client alone.
  await inTransaction(async (tx) => {
    await setMembershipDate(tx, '2026-09-01');
    await insertClient(tx, HEAD_A, tariffId, { groupedClientNumber: HEAD_A, language: 'fr' });
    await insertClient(tx, HEAD_B, tariffId, { groupedClientNumber: HEAD_B, language: 'en' });
    await insertClient(tx, MEMBER, tariffId, { groupedClientNumber: HEAD_A });
    await insertClient(tx, ALONE, tariffId);
  });
  await call('memberBefore', MEMBER, '2026-10-05');
  await call('headA', HEAD_A, '2026-10-06');
  await inTransaction(async (tx) => {
    await setMembershipDate(tx, '2026-10-16');
    await tx.update(clients).set({ groupedClientNumber: HEAD_B }).where(eq(clients.number, MEMBER));
  });
  await call('memberAfter', MEMBER, '2026-10-20');
  await call('headB', HEAD_B, '2026-10-21');
  await call('alone', ALONE, '2026-10-22');
  // October billed: head A's invoice has the member's call of before the move, head B's the one of after.
  await generateInvoices(database.db, clerkId, billingInput.parse({ cutoff: '2026-10-31', cycle: 'all', isGrouped: 'on' }), '2026-11-01');
  await generateInvoices(database.db, clerkId, billingInput.parse({ cutoff: '2026-10-31', cycle: 'all' }), '2026-11-01');
  // And a call of November not billed yet, still the member's under head B, on its way.
  await call('memberNotBilled', MEMBER, '2026-11-10');
  await database.db.execute(sql`update calls set status = 'dispatched' where number = ${callsBy.memberNotBilled}`);
  smtp = await startSmtpServer();
  mailer = smtpMailer(smtp.url, 'facturation@repartition.test', { connections: 1 });
});
afterAll(async () => {
  mailer?.close();
  await smtp?.close();
  await database.drop();
});

describe('an invitation', () => {
  afterEach(async () => {
    await processPendingEmails(database.db, mailer);
  });

  test('goes out in the client’s language with a link that chooses the password once; the user then signs in, audited', async () => {
    await invitePortalUser(
      database.db,
      clerkId,
      invitePortalUserInput.parse({ clientNumber: String(HEAD_B), name: 'Jane Doe', email: 'Jane@Exemple.ca', language: 'en' }),
    );
    const token = await linkSentTo('jane@exemple.ca');
    const message = smtp.messages.at(-1)!;
    expect(message.subject).toBe('Your access to the client portal — Répartition Express Montréal inc.');
    expect(message.attachments).toEqual([]);
    expect(await readInvitation(database.db, token)).toMatchObject({ email: 'jane@exemple.ca', locale: 'en' });
    expect((await listPortalUsers(database.db, HEAD_B)).map((u) => u.status)).toEqual(['invited']);

    // Forged: the right id with another signature.
    const forged = `${token.split('.')[0]}.${'A'.repeat(43)}`;
    expect(await appErrorCode(readInvitation(database.db, forged))).toBe('portalInvitation.invalid');
    expect(await appErrorCode(readInvitation(database.db, 'not-a-token'))).toBe('portalInvitation.invalid');
    // Mismatched passwords never reach the link.
    expect(acceptInvitationInput.safeParse({ token, password: 'un-mot-de-passe', confirmation: 'autre' }).success).toBe(false);

    const accepted = { token, password: 'un-mot-de-passe-sur', confirmation: 'un-mot-de-passe-sur' };
    expect(await acceptInvitation(database.db, acceptInvitationInput.parse(accepted))).toEqual({ email: 'jane@exemple.ca' });
    expect(await appErrorCode(acceptInvitation(database.db, acceptInvitationInput.parse(accepted)))).toBe('portalInvitation.used');

    const signedIn = await checkCredentials(database.db, 'jane@exemple.ca', 'un-mot-de-passe-sur');
    expect(signedIn).toMatchObject({ ok: true, user: { role: 'portal' } });
    const [row] = await listPortalUsers(database.db, HEAD_B);
    expect(row).toMatchObject({ status: 'active', lastSignInAt: expect.any(Date) });
    const audited = await database.db
      .select({ field: auditLog.field })
      .from(auditLog)
      .where(and(eq(auditLog.clientNumber, HEAD_B), eq(auditLog.entity, 'portal_user')))
      .orderBy(auditLog.id);
    expect(audited.map((a) => a.field)).toEqual(['portal_invited', 'portal_password_chosen', 'portal_sign_in']);
  });

  test('an address already a staff user’s, or another account’s, is refused; so is a member as an account', async () => {
    const invite = (clientNumber: number, email: string) =>
      invitePortalUser(
        database.db,
        clerkId,
        invitePortalUserInput.parse({ clientNumber: String(clientNumber), name: 'X', email, language: 'fr' }),
      );
    expect(await appErrorCode(invite(HEAD_A, 'commis@exemple.ca'))).toBe('portalAccess.emailStaff');
    expect(await appErrorCode(invite(HEAD_A, 'jane@exemple.ca'))).toBe('portalAccess.emailOtherAccount');
    expect(await appErrorCode(invite(HEAD_B, 'jane@exemple.ca'))).toBe('portalAccess.emailAlreadyInvited');
    expect(await appErrorCode(invite(MEMBER, 'membre@exemple.ca'))).toBe('portalAccess.member');
    const [count] = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from users where role = 'portal'`);
    expect(count!.n).toBe(1);
  });

  test('a resent invitation replaces the link; an expired one says so; a revoked user’s sessions end and it cannot sign in', async () => {
    await invitePortalUser(
      database.db,
      clerkId,
      invitePortalUserInput.parse({ clientNumber: String(HEAD_A), name: 'Marc Roy', email: 'marc@exemple.ca', language: 'fr' }),
    );
    const first = await linkSentTo('marc@exemple.ca');
    expect(smtp.messages.at(-1)!.subject).toBe('Votre accès au portail client — Répartition Express Montréal inc.');
    const [marc] = await database.db.select().from(users).where(eq(users.email, 'marc@exemple.ca'));
    await resendInvitation(database.db, clerkId, portalUserInput.parse({ clientNumber: String(HEAD_A), userId: String(marc!.id) }));
    const second = await linkSentTo('marc@exemple.ca');
    expect(second).not.toBe(first);
    expect(await appErrorCode(readInvitation(database.db, first))).toBe('portalInvitation.replaced');

    await database.db
      .update(portalInvitations)
      .set({ expiresAt: sql`now() - interval '1 minute'` })
      .where(eq(portalInvitations.userId, marc!.id));
    expect(await appErrorCode(readInvitation(database.db, second))).toBe('portalInvitation.expired');
    expect((await listPortalUsers(database.db, HEAD_A))[0]!.status).toBe('expired');

    // Another account's user is not this client's to revoke.
    const [jane] = await database.db.select().from(users).where(eq(users.email, 'jane@exemple.ca'));
    expect(
      await appErrorCode(
        revokePortalUser(database.db, clerkId, portalUserInput.parse({ clientNumber: String(HEAD_A), userId: String(jane!.id) })),
      ),
    ).toBe('portalAccess.notFound');
    await revokePortalUser(database.db, clerkId, portalUserInput.parse({ clientNumber: String(HEAD_B), userId: String(jane!.id) }));
    const [revoked] = await database.db.select().from(users).where(eq(users.id, jane!.id));
    expect([revoked!.isActive, revoked!.sessionVersion]).toEqual([false, jane!.sessionVersion + 1]);
    expect(await checkCredentials(database.db, 'jane@exemple.ca', 'un-mot-de-passe-sur')).toMatchObject({ ok: false });
  });
});

describe('the scope of an account', () => {
  const search = (values: Record<string, string> = {}) => portalCallSearchParams.parse(values);
  const numbers = async (account: number, values: Record<string, string> = {}) =>
    (await portalCalls(database.db, account, search(values))).rows.map((c) => c.number).sort((a, b) => a - b);

  test('a head sees its own calls and its member’s while a member, never those billed to the other head', async () => {
    expect(await numbers(HEAD_A)).toEqual([callsBy.memberBefore, callsBy.headA]);
    expect(await numbers(HEAD_B)).toEqual([callsBy.memberAfter, callsBy.headB, callsBy.memberNotBilled]);
    expect(await numbers(ALONE)).toEqual([callsBy.alone]);
    // A member named by the request outside the account answers nothing.
    expect(await numbers(HEAD_A, { member: String(ALONE) })).toEqual([]);
    expect(await numbers(HEAD_B, { member: String(MEMBER), from: '2026-11-01' })).toEqual([callsBy.memberNotBilled]);
    const exported = [];
    for await (const page of portalCallPages(database.db, HEAD_B, search())) exported.push(...page.map((c) => c.number));
    expect(exported.sort((a, b) => a - b)).toEqual(await numbers(HEAD_B));
    expect((await portalMembers(database.db, HEAD_B)).map((m) => [m.clientNumber, m.from])).toEqual([[MEMBER, '2026-10-16']]);

    // The export, in the English account's language: a header and its three calls, the newest first.
    const account = { number: HEAD_B, name: `Client ${HEAD_B}`, language: 'en' as const, isHead: true };
    const csv = await new Response(portalCallsCsvStream(database.db, account, search())).text();
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('Call no.,Date,Client,Client name,Pickup → destination,Reference,Payer references,Price,Status,Invoice');
    expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual(
      [callsBy.memberNotBilled, callsBy.headB, callsBy.memberAfter].map(String),
    );
    expect(lines[1]).toContain(',Dispatched,');
  });

  test('another account’s invoice and statement are not found, whatever number is guessed', async () => {
    const invoices = await queryRows<{ number: number; billed: number }>(
      database.db,
      sql`select number::int, billed_client_number as billed from invoices`,
    );
    for (const invoice of invoices)
      for (const account of [HEAD_A, HEAD_B, ALONE])
        expect(await isAccountInvoice(database.db, account, invoice.number), `${account} ${invoice.number}`).toBe(
          invoice.billed === account,
        );
    const [statement] = await queryRows<{ id: number }>(
      database.db,
      sql`insert into statements (billed_client_number, period_from, period_to, kind, language, closing_cents, created_by)
          values (${HEAD_A}, '2026-11-01', '2026-11-30', 'grouped', 'fr', 0, ${clerkId}) returning id::int`,
    );
    expect(await accountStatement(database.db, HEAD_B, statement!.id)).toBeNull();
    expect(await accountStatement(database.db, HEAD_A, statement!.id)).toMatchObject({ id: statement!.id });
  });
});

test('a large group’s pages read from each client’s latest calls agree with the whole, page after page, and with the export', async () => {
  const head = 75000;
  await inTransaction(async (tx) => {
    await insertClient(tx, head, tariffId, { groupedClientNumber: head });
    for (const member of [head + 1, head + 2, head + 3]) await insertClient(tx, member, tariffId, { groupedClientNumber: head });
  });
  // 720 calls over a month, unevenly among the clients, several at the same minute.
  await database.db.execute(sql`
    insert into calls (client_number, service_at, service_date, pickup_address, destination_address, tariff_id, tariff_code,
                       gross_cents, discount_cents, price_cents, status)
    select ${head} + (i * i) % 4, (d + time '06:00' + ((i * 13) % 900 || ' minutes')::interval) at time zone 'America/Toronto', d,
           i || ', rue A', i || ', rue B', ${tariffId}, 'STD', 1000 + i, 0, 1000 + i, 'completed'
      from generate_series(1, 720) i cross join lateral (select date '2026-09-01' + (i * 7) % 30 as d) day`);
  const all: number[] = [];
  for (let page = 1; ; page++) {
    const { rows, hasNextPage } = await portalCalls(database.db, head, portalCallSearchParams.parse({ page: String(page) }));
    all.push(...rows.map((call) => call.number));
    if (!hasNextPage) break;
  }
  const exportOf = async (values: Record<string, string>, pageSize?: number) => {
    const numbers: number[] = [];
    for await (const page of portalCallPages(database.db, head, portalCallSearchParams.parse(values), pageSize))
      numbers.push(...page.map((c) => c.number));
    return numbers;
  };
  const exported = await exportOf({});
  expect(all).toHaveLength(720);
  expect(new Set(all).size).toBe(720);
  expect(all).toEqual(exported);
  // Read 37 at a time, each read bounded by the date where 37 more begin (days of 24 calls: reads cut in a day's middle).
  expect(await exportOf({}, 37)).toEqual(exported);
  // A search whose calls are fewer than the bound's date finds (a status): read again over every date.
  const oldest = exported.slice(-3);
  await database.db.execute(sql`update calls set status = 'cancelled' where number = any(${`{${oldest.join(',')}}`}::bigint[])`);
  const cancelled = await portalCalls(database.db, head, portalCallSearchParams.parse({ status: 'cancelled' }));
  expect(cancelled.rows.map((call) => call.number)).toEqual(oldest);
  // And the export, whose bounded reads find none of them until the last dates.
  expect(await exportOf({ status: 'cancelled' }, 37)).toEqual(oldest);
  expect(await exportOf({ status: 'completed' }, 37)).toEqual(exported.slice(0, -3));
});
