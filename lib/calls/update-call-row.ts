import { eq, sql } from 'drizzle-orm';
import type { Tx } from '@/db/index';
import { calls } from '@/db/schema';
import type { StoredCall } from './call-rules';
import { refreshReviewFlagsOfOne } from '@/lib/review/review-flags';
import { recordStatusChanges, type CallAuthor } from './record-status-changes';

/**
 * Writes `values` on the stored call `current` (locked by lockCall) and, when its status changes,
 * the line of its status history by `author`, in one statement (one round trip). The call as it
 * now stands is the answer. The database's guard still refuses a call invoiced meanwhile (RC001).
 */
export async function updateCallRow(
  tx: Tx,
  current: Pick<StoredCall, 'number' | 'status'>,
  values: Partial<typeof calls.$inferInsert>,
  author: CallAuthor,
): Promise<StoredCall> {
  const updated = tx.$with('updated').as(
    tx
      .update(calls)
      .set({ ...values, updatedAt: new Date() })
      .where(eq(calls.number, current.number))
      .returning(),
  );
  const changes = sql`(select number as call_number, ${current.status}::call_status as from_status, status as to_status from updated)`;
  const statusChange = tx
    .$with('status_change', { callNumber: sql<number>`call_number` })
    .as(sql`${recordStatusChanges(changes, author)} returning call_number`);
  // Its reasons to be reviewed before billing, written again (an approval no longer holds), by a
  // statement sent with the update, in the same round trip.
  const written = tx
    .with(updated, statusChange)
    .select()
    .from(updated)
    .then((rows) => rows[0]!);
  const [row] = await Promise.all([written, refreshReviewFlagsOfOne(tx, current.number, true)]);
  return row;
}
