/**
 * A billing clerk approves calls of the review (one, or several from a filtered list): they leave
 * it and are billed with the others, until they are edited again (refresh_review_flags). The
 * database refuses approving a call already invoiced (migration 0033, under the billing lock),
 * and a call contested from the client portal, whose contest is answered instead (0036).
 */
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/db/index';
import { pgErrorOf, RV_APPROVING_CONTESTED, RV_APPROVING_INVOICED } from '@/db/errors';
import { withActor } from '@/lib/audit/with-actor';
import { AppError } from '@/lib/errors';

/**
 * Approves the calls `numbers` waiting for review; returns how many were, and how many were left
 * because a contest of theirs waits for an answer.
 */
export async function approveCalls(db: Db, actorId: number, numbers: readonly number[]): Promise<{ approved: number; contested: number }> {
  const list = `{${numbers.join(',')}}`;
  try {
    return await withActor(db, actorId, async (tx) => {
      const [counts] = await queryRows<{ approved: number; contested: number }>(
        tx,
        sql`with approved as (
              update call_flags set approved_at = now(), approved_by = ${actorId}
               where call_number = any(${list}::bigint[]) and approved_at is null and reasons & 16 = 0
           returning call_number)
            select (select count(*)::int from approved) as approved,
                   (select count(*)::int from call_flags where call_number = any(${list}::bigint[]) and approved_at is null and reasons & 16 <> 0) as contested`,
      );
      if (numbers.length === 1 && counts!.contested === 1) throw new AppError('review.contested', { number: numbers[0]! });
      return counts!;
    });
  } catch (error) {
    const pg = pgErrorOf(error);
    if (pg?.code === RV_APPROVING_INVOICED) throw new AppError('review.invoiced', { invoice: pg.detail ?? '' });
    if (pg?.code === RV_APPROVING_CONTESTED) throw new AppError('review.contested', { number: pg.detail ?? '' });
    throw error;
  }
}
