/**
 * Contested calls (docs/business-rules.md, Contested calls): a portal user contests a call of its
 * account (`Contester`, with a comment), invoiced or not; a billing clerk answers it — accepted
 * (the call corrected before billing, or credited by a credit note of its invoice) or refused
 * with a reason — and the portal user reads the answer. A contest not answered of a call not
 * invoiced keeps it out of billing: it is a reason of the review (refresh_review_flags, bit 16)
 * that an approval cannot pass (migration 0036).
 */
import { sql } from 'drizzle-orm';
import { queryRows, type Db, type Tx } from '@/db/index';
import { PG_UNIQUE_VIOLATION, pgErrorOf, RV_CONTEST_ANSWERED, RV_CONTEST_CANCELLED_CALL, RV_CONTEST_CREDIT_NOTE } from '@/db/errors';
import { callContests, deliveries } from '@/db/schema';
import { withActor } from '@/lib/audit/with-actor';
import { takeBillingLockShared } from '@/lib/billing/billing-lock';
import { invoiceOfCall } from '@/lib/billing/invoiced-calls';
import { AppError } from '@/lib/errors';
import { portalCall } from '@/lib/portal/find-portal';
import { refreshReviewFlagsOfOne } from '@/lib/review/review-flags';
import { getCompanySettings } from '@/lib/settings/company-settings';
import type { AnswerContestInput, ContestCallInput } from './contest-input';

/**
 * Records the contest of call `input.number` by portal user `actorId` of `account`. The call is
 * looked up within the account (another account's call is not found, as one that does not exist).
 */
export async function contestCall(db: Db, actorId: number, account: number, input: ContestCallInput): Promise<{ id: number }> {
  try {
    return await withActor(db, actorId, async (tx) => {
      // A run bills the call before or after the contest, never while it is written.
      await takeBillingLockShared(tx);
      const call = await portalCall(tx, account, input.number);
      if (!call) throw new AppError('contest.callNotFound', { number: input.number });
      // A cancelled call is refused by the database (RV007, migration 0037).
      const [contest] = await tx
        .insert(callContests)
        .values({ callNumber: input.number, accountNumber: account, comment: input.comment, contestedBy: actorId })
        .returning({ id: callContests.id });
      await refreshReviewFlagsOfOne(tx, input.number, false);
      await queueNotice(tx, actorId, contest!.id);
      return { id: contest!.id };
    });
  } catch (error) {
    const pg = pgErrorOf(error);
    if (pg?.code === PG_UNIQUE_VIOLATION && pg.constraint === 'call_contests_one_open')
      throw new AppError('contest.alreadyOpen', { number: input.number });
    if (pg?.code === RV_CONTEST_CANCELLED_CALL) throw new AppError('contest.cancelled', { number: input.number });
    throw error;
  }
}

/** The notice of a new contest, e-mailed to the company's address when the settings ask for it. */
async function queueNotice(tx: Tx, actorId: number, contestId: number): Promise<void> {
  const settings = await getCompanySettings(tx);
  if (!settings?.isContestNoticeEmailed || !settings.email) return;
  await tx
    .insert(deliveries)
    .values({ callContestId: contestId, channel: 'email', status: 'pending', recipients: [settings.email], requestedBy: actorId });
}

/**
 * The billing clerk's answer to contest `input.id`. Accepting the contest of an invoiced call
 * names the credit note of its invoice that credits it; a call not invoiced was corrected on its
 * page, and leaves the review once its other reasons, if any, are approved.
 */
export async function answerContest(db: Db, actorId: number, input: AnswerContestInput): Promise<{ callNumber: number }> {
  try {
    return await withActor(db, actorId, async (tx) => {
      await takeBillingLockShared(tx);
      const [contest] = await queryRows<{ call_number: string; status: string; invoice: string | null }>(
        tx,
        sql`select c.call_number::text, c.status::text, (select i.number::text ${invoiceOfCall(sql`c.call_number`)}) as invoice
              from call_contests c where c.id = ${input.id} for update of c`,
      );
      if (!contest) throw new AppError('contest.notFound');
      const callNumber = Number(contest.call_number);
      if (contest.status !== 'open') throw new AppError('contest.alreadyAnswered', { number: callNumber });
      let creditNoteId: number | null = null;
      if (input.decision === 'accepted' && contest.invoice !== null) {
        if (input.creditNote === undefined)
          throw new AppError(
            'contest.creditNoteRequired',
            { invoice: contest.invoice },
            { creditNote: ['contest.field.creditNoteRequired'] },
          );
        const [note] = await queryRows<{ id: string }>(tx, sql`select id::text from credit_notes where number = ${input.creditNote}`);
        if (!note)
          throw new AppError(
            'contest.creditNoteNotFound',
            { number: input.creditNote },
            { creditNote: ['contest.field.creditNoteNotFound'] },
          );
        creditNoteId = Number(note.id);
      } else if (input.creditNote !== undefined) {
        throw new AppError(
          'contest.creditNoteNotInvoiced',
          { number: callNumber },
          { creditNote: ['contest.field.creditNoteNotInvoiced'] },
        );
      }
      await tx.execute(
        sql`update call_contests set status = ${input.decision}, answer = ${input.answer}, credit_note_id = ${creditNoteId},
                   answered_by = ${actorId}, answered_at = now()
             where id = ${input.id}`,
      );
      await refreshReviewFlagsOfOne(tx, callNumber, false);
      // Its notice, if not taken by the e-mail worker yet, is no longer news.
      await tx.execute(sql`delete from deliveries where call_contest_id = ${input.id} and status = 'pending' and started_at is null`);
      return { callNumber };
    });
  } catch (error) {
    const pg = pgErrorOf(error);
    if (pg?.code === RV_CONTEST_CREDIT_NOTE)
      throw new AppError(
        'contest.creditNoteOtherInvoice',
        { number: input.creditNote ?? '' },
        { creditNote: ['contest.field.creditNoteOtherInvoice'] },
      );
    // Answered by someone else between the read and the write (the row is locked: only another writer of it).
    if (pg?.code === RV_CONTEST_ANSWERED) throw new AppError('contest.alreadyAnswered', { number: pg.detail ?? '' });
    throw error;
  }
}
