/**
 * A billing clerk approves calls of the review (one, or several from a filtered list): they leave
 * it and are billed with the others, until they are edited again (refresh_review_flags). The
 * database refuses approving a call already invoiced (migration 0033, under the billing lock).
 */
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/db/index';
import { pgErrorOf, RV_APPROVING_INVOICED } from '@/db/errors';
import { withActor } from '@/lib/audit/with-actor';
import { AppError } from '@/lib/errors';

/** Approves the calls `numbers` waiting for review; returns how many were. */
export async function approveCalls(db: Db, actorId: number, numbers: readonly number[]): Promise<number> {
  try {
    return await withActor(db, actorId, async (tx) => {
      const approved = await queryRows<{ call_number: number }>(
        tx,
        sql`update call_flags set approved_at = now(), approved_by = ${actorId}
             where call_number = any(${`{${numbers.join(',')}}`}::bigint[]) and approved_at is null
         returning call_number`,
      );
      return approved.length;
    });
  } catch (error) {
    const pg = pgErrorOf(error);
    if (pg?.code === RV_APPROVING_INVOICED) throw new AppError('review.invoiced', { invoice: pg.detail ?? '' });
    throw error;
  }
}
