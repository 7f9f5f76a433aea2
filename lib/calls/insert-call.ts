import { sql } from 'drizzle-orm';
import type { Tx } from '@/db/index';
import { calls } from '@/db/schema';
import type { StoredCall } from './call-rules';
import { refreshReviewFlagsOfOne } from '@/lib/review/review-flags';
import { firstStatusesOfCreated, recordStatusChanges } from './record-status-changes';

/**
 * Inserts a call with its first status change, by the call's own author, in one statement (one
 * round trip): the change is written from the row the insert returns. With a dispatch id already
 * taken by another call, nothing is written and the answer is undefined. Its reasons to be
 * reviewed before billing (refreshReviewFlagsOfOne) are written by a second statement sent with it,
 * in the same round trip, which finds the call as the one just numbered.
 */
export async function insertCall(tx: Tx, values: typeof calls.$inferInsert): Promise<StoredCall | undefined> {
  const insert = tx.insert(calls).values(values);
  const created = tx
    .$with('created')
    .as((values.dispatchId ? insert.onConflictDoNothing({ target: calls.dispatchId }) : insert).returning());
  const author = { userId: values.createdBy ?? null, tokenId: values.createdByToken ?? null };
  const firstStatus = tx
    .$with('first_status', { callNumber: sql<number>`call_number` })
    .as(sql`${recordStatusChanges(firstStatusesOfCreated, author)} returning call_number`);
  // Sent first (then() starts it), so that the second statement runs once the call is written.
  const inserted = tx
    .with(created, firstStatus)
    .select()
    .from(created)
    .then((rows) => rows[0]);
  // The number the insert drew, used or not: with a dispatch id already taken it was drawn and
  // left unused, so that no call is found by it and the other call's approval stays.
  const flagged = refreshReviewFlagsOfOne(tx, sql`currval(pg_get_serial_sequence('calls', 'number'))`, true);
  // A refused insert fails the transaction, and the flags' statement with it: the insert's error tells why.
  const [row, flags] = await Promise.allSettled([inserted, flagged]);
  if (row.status === 'rejected') throw row.reason;
  if (flags.status === 'rejected') throw flags.reason;
  return row.value;
}
