/**
 * The review before billing (docs/business-rules.md, Review before billing): the calls a billing
 * clerk should look at before they are billed, each with its reasons, written by one rule in the
 * database (refresh_review_flags, migrations 0033, 0036, 0038 and 0040) that every writer of calls runs after its write
 * — the form, the dispatch API, the import — and that the review's screen, the billing list and
 * generation read (call_flags; lib/billing/billable-calls.ts).
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '@/db/index';

/** The reasons, as the bits of call_flags.reasons (a contest is answered on its call's page, not approved). */
export const REVIEW_REASONS = { missingReference: 1, zeroPrice: 2, highPrice: 4, duplicate: 8, contested: 16 } as const;
export type ReviewReason = keyof typeof REVIEW_REASONS;

/** The reasons a call's bits say, in this order. */
export function reasonsOf(bits: number): ReviewReason[] {
  return (Object.keys(REVIEW_REASONS) as ReviewReason[]).filter((reason) => (bits & REVIEW_REASONS[reason]) !== 0);
}

/**
 * Writes again the reasons of the calls `numbers` (an array in SQL: the import's batch, a client's
 * calls under its references) and of their duplicates' pairs. `isEdit`: the calls were written,
 * and an approval of theirs no longer holds; otherwise (a client's references changed) an
 * approval holds while its reasons stay. One call: refreshReviewFlagsOfOne.
 */
export function refreshReviewFlags(db: Executor, numbers: SQL, isEdit: boolean) {
  return db.execute(sql`select refresh_review_flags(${numbers}, ${isEdit})`);
}

/**
 * The same for the one call a form or the dispatch API has just written (`number`, in SQL or a
 * value), by the rule's copy planned once per connection (refresh_review_flags_of_one, migration
 * 0038, read by its indexes since 0040): for one call, planning the rule cost as much as running it.
 */
export function refreshReviewFlagsOfOne(db: Executor, number: SQL | number, isEdit: boolean) {
  const array = typeof number === 'number' ? sql`array[${number}::bigint]` : sql`array[${number}]`;
  return db.execute(sql`select refresh_review_flags_of_one(${array}, ${isEdit})`);
}
