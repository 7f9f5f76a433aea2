/**
 * Contested calls (docs/business-rules.md, Contested calls) on PostgreSQL, with a real SMTP
 * server for the notice: a portal user contests a call of its account, never another account's;
 * the call waits in the review, out of billing, and no approval passes it until the clerk
 * answers; a refusal bills it as it was; an invoiced call's contest is accepted with a credit
 * note of its own invoice only; the portal user reads each answer; the company is told by e-mail
 * when its settings ask for it.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { queryRows } from '@/db/index';
import { RV_APPROVING_CONTESTED, RV_CONTEST_ANSWERED, RV_CONTEST_CANCELLED_CALL, RV_CONTEST_NEEDS_CREDIT_NOTE } from '@/db/errors';
import { companySettings, invoiceLines } from '@/db/schema';
import { billingInput } from '@/lib/billing/billing-input';
import { createCreditNote, creditNoteInput } from '@/lib/billing/credit-notes';
import { generateInvoices } from '@/lib/billing/generate-invoices';
import { reverseRun } from '@/lib/billing/reverse-run';
import { answerContest, contestCall } from '@/lib/contests/call-contests';
import { answerContestInput, contestCallInput } from '@/lib/contests/contest-input';
import { accountContests, findContests } from '@/lib/contests/find-contests';
import { processPendingEmails } from '@/lib/delivery/email-queue';
import { smtpMailer, type Mailer } from '@/lib/delivery/mailer';
import { approveCalls } from '@/lib/review/approve-calls';
import { findReview, reviewSearchParams } from '@/lib/review/find-review';
import {
  appErrorCode,
  insertCall,
  insertClient,
  insertCompanySettings,
  insertTariff,
  insertUser,
  refusalCode,
} from '@/test/support/fixtures';
import { startSmtpServer, type TestSmtp } from '@/test/support/smtp';
import { createTestDatabase, type TestDatabase } from '@/test/support/test-database';

const HEAD = 81000;
const MEMBER = 81001;
const OTHER = 82000;

let database: TestDatabase;
let clerkId: number;
let tariffId: number;
let headUser: number;
let otherUser: number;
let smtp: TestSmtp;
let mailer: Mailer;

const portalUser = (email: string, account: number) => insertUser(database.db, email, 'portal', `Contact ${account}`, account);

const contest = (actor: number, account: number, number: number, comment = 'Ce trajet n’a pas eu lieu.') =>
  contestCall(database.db, actor, account, contestCallInput.parse({ number: String(number), comment }));

const answer = (values: Record<string, string>) => answerContest(database.db, clerkId, answerContestInput.parse(values));

const review = async (reason?: string) =>
  (await findReview(database.db, reviewSearchParams.parse({ reason, to: '2026-11-30', isGrouped: 'on' }))).rows.map((row) => [
    row.number,
    row.reasons,
  ]);

const generate = (isGrouped: boolean) =>
  generateInvoices(
    database.db,
    clerkId,
    billingInput.parse({
      cutoff: '2026-11-30',
      cycle: 'all',
      clientFrom: String(HEAD),
      clientTo: String(OTHER),
      isGrouped: isGrouped ? 'on' : undefined,
    }),
    '2026-12-01',
  );

const billedCalls = async () => (await database.db.select({ call: invoiceLines.callNumber }).from(invoiceLines)).map((line) => line.call);

beforeAll(async () => {
  database = await createTestDatabase();
  await insertCompanySettings(database.db);
  clerkId = await insertUser(database.db, 'commis@exemple.ca', 'billing', 'Commis');
  tariffId = (await insertTariff(database.db)).id;
  await insertClient(database.db, HEAD, tariffId, { groupedClientNumber: HEAD });
  await insertClient(database.db, MEMBER, tariffId, { groupedClientNumber: HEAD });
  await insertClient(database.db, OTHER, tariffId);
  headUser = await portalUser('contact@siege.test', HEAD);
  otherUser = await portalUser('contact@autre.test', OTHER);
  smtp = await startSmtpServer();
  mailer = smtpMailer(smtp.url, 'facturation@repartition.test', { connections: 1 });
});
afterAll(async () => {
  mailer?.close();
  await smtp?.close();
  await database.drop();
});

describe('a call not invoiced', () => {
  test('contested by its head’s contact, it waits in the review, out of billing, until the clerk answers; a refusal bills it as it was', async () => {
    const contested = await insertCall(database.db, MEMBER, tariffId, {
      serviceDate: '2026-11-10',
      serviceAt: new Date('2026-11-10T14:00:00Z'),
    });
    await insertCall(database.db, OTHER, tariffId, { serviceDate: '2026-11-09', serviceAt: new Date('2026-11-09T14:00:00Z') });
    // And a call of another account, at a price of zero: in the review too.
    const other = await insertCall(database.db, OTHER, tariffId, {
      serviceDate: '2026-11-11',
      serviceAt: new Date('2026-11-11T14:00:00Z'),
      grossCents: 0,
      priceCents: 0,
    });

    // Another account's contact cannot contest it, nor the head's contact another account's call: not found, nothing written.
    expect(await appErrorCode(contest(otherUser, OTHER, contested.number))).toBe('contest.callNotFound');
    expect(await appErrorCode(contest(headUser, HEAD, other.number))).toBe('contest.callNotFound');
    expect(await appErrorCode(contest(headUser, HEAD, 999_999_999))).toBe('contest.callNotFound');

    await contest(headUser, HEAD, contested.number);
    expect(await appErrorCode(contest(headUser, HEAD, contested.number, 'Encore.'))).toBe('contest.alreadyOpen');
    expect(await review()).toEqual([[contested.number, ['contested']]]);
    expect(await review('contested')).toEqual([[contested.number, ['contested']]]);

    // No approval passes it: one alone is refused with the reason, several leave it out.
    expect(await appErrorCode(approveCalls(database.db, clerkId, [contested.number]))).toBe('review.contested');
    await database.db.execute(sql`select refresh_review_flags(array[${other.number}::bigint], true)`);
    expect(await approveCalls(database.db, clerkId, [contested.number, other.number])).toEqual({ approved: 1, contested: 1 });
    // And the database itself refuses it.
    expect(
      await refusalCode(
        database.db.execute(
          sql`update call_flags set approved_at = now(), approved_by = ${clerkId} where call_number = ${contested.number}`,
        ),
      ),
    ).toBe(RV_APPROVING_CONTESTED);

    await generate(true);
    expect(await billedCalls()).not.toContain(contested.number);

    // Another call of the member, billed with it once its contest is answered.
    await insertCall(database.db, MEMBER, tariffId, { serviceDate: '2026-11-08', serviceAt: new Date('2026-11-08T14:00:00Z') });

    // The clerk's refusal says why; the call leaves the review and is billed as it was.
    expect(answerContestInput.safeParse({ id: '1', decision: 'refused', answer: ' ' }).error?.issues[0]?.message).toBe(
      'contest.refusalReason',
    );
    const [open] = (await findContests(database.db, { status: 'open', page: 1 })).rows;
    expect(open).toMatchObject({
      callNumber: contested.number,
      accountNumber: HEAD,
      comment: 'Ce trajet n’a pas eu lieu.',
      invoiceNumber: null,
    });
    expect(
      await appErrorCode(
        answer({ id: String(open!.id), decision: 'refused', answer: 'Le trajet figure au registre du chauffeur.', creditNote: '12' }),
      ),
    ).toBe('contest.creditNoteNotInvoiced');
    await answer({ id: String(open!.id), decision: 'refused', answer: 'Le trajet figure au registre du chauffeur.' });
    expect(await appErrorCode(answer({ id: String(open!.id), decision: 'accepted' }))).toBe('contest.alreadyAnswered');
    expect(
      await refusalCode(database.db.execute(sql`update call_contests set status = 'accepted', answer = null where id = ${open!.id}`)),
    ).toBe(RV_CONTEST_ANSWERED);
    expect(await review()).toEqual([]);
    await generate(true);
    await generate(false);
    expect(await billedCalls()).toEqual(expect.arrayContaining([contested.number, other.number]));

    // The contact reads the answer; the other account sees none of it.
    expect(await accountContests(database.db, HEAD, contested.number)).toMatchObject([
      { status: 'refused', answer: 'Le trajet figure au registre du chauffeur.', answeredBy: 'Commis', creditNote: null },
    ]);
    expect(await accountContests(database.db, OTHER, null)).toEqual([]);
    const audit = await queryRows<{ field: string; old_value: string | null; new_value: string }>(
      database.db,
      sql`select field, old_value, new_value from audit_log where field = 'call_contest' and client_number = ${HEAD} order by id`,
    );
    expect(audit.map((row) => row.new_value)).toEqual([
      `${contested.number} : Ce trajet n’a pas eu lieu.`,
      `${contested.number} : refused : Le trajet figure au registre du chauffeur.`,
    ]);
  });

  test('a cancelled call has nothing to contest', async () => {
    const cancelled = await insertCall(database.db, HEAD, tariffId, { status: 'cancelled', serviceDate: '2026-11-12' });
    expect(await appErrorCode(contest(headUser, HEAD, cancelled.number))).toBe('contest.cancelled');
    // By the database itself, whoever writes.
    expect(
      await refusalCode(
        database.db.execute(
          sql`insert into call_contests (call_number, account_number, comment, contested_by) values (${cancelled.number}, ${HEAD}, 'x', ${headUser})`,
        ),
      ),
    ).toBe(RV_CONTEST_CANCELLED_CALL);
  });
});

describe('an invoiced call', () => {
  test('is accepted with a credit note of its own invoice only, which the contact reads; the company is told by e-mail', async () => {
    await database.db.update(companySettings).set({ isContestNoticeEmailed: true, email: 'facturation@repartition.test' });
    // The call contested before (refused, then billed) and the other call on the same invoice.
    const [line, sibling] = await queryRows<{ call: string; invoice: string; id: string }>(
      database.db,
      sql`select l.call_number::text as call, i.number::text as invoice, l.id::text from invoice_lines l join invoices i on i.id = l.invoice_id
           where i.billed_client_number = ${HEAD} and not l.is_void
           order by (l.call_number in (select call_number from call_contests)) desc, l.id`,
    );
    const call = Number(line!.call);
    await contest(headUser, HEAD, call, 'Facturé deux fois.');
    // Invoiced, it is not in the review: the clerk finds it among the contests.
    expect(await review()).toEqual([]);
    const [open] = (await findContests(database.db, { status: 'open', page: 1 })).rows;
    expect(open).toMatchObject({ callNumber: call, invoiceNumber: Number(line!.invoice) });

    await processPendingEmails(database.db, mailer);
    const notice = smtp.messages.at(-1)!;
    expect(notice.subject).toBe(`Appel ${call} contesté par le compte ${HEAD} — Client ${HEAD}`);
    expect(notice.text).toContain('Facturé deux fois.');
    expect(notice.text).toContain(`facture ${line!.invoice}`);
    expect(notice.text).toContain(`/calls/${call}`);

    expect(await appErrorCode(answer({ id: String(open!.id), decision: 'accepted' }))).toBe('contest.creditNoteRequired');
    expect(
      await refusalCode(
        database.db.execute(
          sql`update call_contests set status = 'accepted', answered_by = ${clerkId}, answered_at = now() where id = ${open!.id}`,
        ),
      ),
    ).toBe(RV_CONTEST_NEEDS_CREDIT_NOTE);
    expect(await appErrorCode(answer({ id: String(open!.id), decision: 'accepted', creditNote: '424242' }))).toBe(
      'contest.creditNoteNotFound',
    );
    // A credit note of another invoice is refused by the database.
    const otherInvoice = await queryRows<{ number: string }>(
      database.db,
      sql`select number::text from invoices where billed_client_number = ${OTHER}`,
    );
    const creditNote = (fields: Record<string, string>) =>
      createCreditNote(database.db, clerkId, creditNoteInput.parse(fields), '2026-12-02');
    const foreign = await creditNote({ invoiceNumber: otherInvoice[0]!.number, amount: '1,00', reason: 'Geste commercial' });
    expect(await appErrorCode(answer({ id: String(open!.id), decision: 'accepted', creditNote: String(foreign.number) }))).toBe(
      'contest.creditNoteOtherInvoice',
    );
    // A credit note of the same invoice that credits the other call is refused too.
    const siblingNote = await creditNote({ invoiceNumber: line!.invoice, lineIds: sibling!.id, reason: 'Autre appel' });
    expect(await appErrorCode(answer({ id: String(open!.id), decision: 'accepted', creditNote: String(siblingNote.number) }))).toBe(
      'contest.creditNoteOtherInvoice',
    );
    const note = await creditNote({ invoiceNumber: line!.invoice, lineIds: line!.id, reason: 'Appel facturé deux fois' });
    await answer({ id: String(open!.id), decision: 'accepted', answer: 'Crédité.', creditNote: String(note.number) });
    // The contact reads the answer under the call, above the earlier refusal of the same call.
    expect(await accountContests(database.db, HEAD, call)).toMatchObject([
      { status: 'accepted', answer: 'Crédité.', creditNote: { number: note.number, totalCents: note.totalCents } },
      { status: 'refused', comment: 'Ce trajet n’a pas eu lieu.' },
    ]);
    expect((await findContests(database.db, { status: 'open', page: 1 })).rows).toEqual([]);
    expect((await findContests(database.db, { status: 'answered', page: 1 })).rows.map((row) => row.callNumber)).toContain(call);
  });
});

test('a run reversed: a call contested while invoiced waits in the review again until its contest is answered', async () => {
  const alone = 83000;
  await insertClient(database.db, alone, tariffId);
  const contact = await portalUser('contact@seul.test', alone);
  const call = await insertCall(database.db, alone, tariffId, { serviceDate: '2026-11-20', serviceAt: new Date('2026-11-20T14:00:00Z') });
  const run = await generateInvoices(
    database.db,
    clerkId,
    billingInput.parse({ cutoff: '2026-11-30', cycle: 'all', clientFrom: String(alone), clientTo: String(alone) }),
    '2026-12-01',
  );
  await database.db.update(companySettings).set({ isContestNoticeEmailed: true, email: 'facturation@repartition.test' });
  const { id } = await contest(contact, alone, call.number, 'Mauvais tarif.');
  const notices = () =>
    queryRows<{ count: number }>(database.db, sql`select count(*)::int as count from deliveries where call_contest_id = ${id}`);
  expect(await notices()).toEqual([{ count: 1 }]);
  await reverseRun(database.db, clerkId, run.runId!);
  const inReview = await findReview(database.db, reviewSearchParams.parse({ to: '2026-11-30', client: String(alone) }));
  expect(inReview.rows.map((row) => [row.number, row.reasons])).toEqual([[call.number, ['contested']]]);
  // Answered before its notice went out: the notice is dropped, not left waiting.
  await answer({ id: String(id), decision: 'accepted', answer: 'Tarif corrigé.' });
  expect(await notices()).toEqual([{ count: 0 }]);
  expect((await findReview(database.db, reviewSearchParams.parse({ to: '2026-11-30', client: String(alone) }))).rows).toEqual([]);
});
