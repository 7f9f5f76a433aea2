/**
 * Calls held back from billing (docs/business-rules.md, Held calls): a billing clerk holds a call
 * with a reason (`Retenir`) and releases it (`Libérer`). A held call stays out of the billing list
 * and of generation until released; the database refuses holding an invoiced call and invoicing a
 * held one (migration 0032), and records both in the audit log under the call's client.
 */
import { eq, sql } from 'drizzle-orm';
import { queryRows, type Db, type Executor } from '@/db/index';
import { pgErrorOf, RV_HELD_CALL_INVOICED } from '@/db/errors';
import { callHolds } from '@/db/schema';
import { withActor } from '@/lib/audit/with-actor';
import { AppError } from '@/lib/errors';

export type CallHold = { reason: string; heldAt: Date; heldBy: string };

/** Holds call `number` with `reason`; holding it again changes the reason. Refused once invoiced. */
export async function holdCall(db: Db, actorId: number, number: number, reason: string): Promise<void> {
  try {
    await withActor(db, actorId, async (tx) => {
      const [found] = await queryRows<{ number: number }>(tx, sql`select number from calls where number = ${number}`);
      if (!found) throw new AppError('call.notFound', { number });
      await tx.execute(sql`delete from call_holds where call_number = ${number}`);
      await tx.insert(callHolds).values({ callNumber: number, reason, heldBy: actorId });
    });
  } catch (error) {
    const pg = pgErrorOf(error);
    if (pg?.code === RV_HELD_CALL_INVOICED) throw new AppError('callHold.invoiced', { number, invoice: pg.detail ?? '' });
    throw error;
  }
}

/** Releases call `number`: it is billed with the others again. */
export async function releaseCall(db: Db, actorId: number, number: number): Promise<void> {
  await withActor(db, actorId, async (tx) => {
    const released = await tx.delete(callHolds).where(eq(callHolds.callNumber, number)).returning({ callNumber: callHolds.callNumber });
    if (released.length === 0) throw new AppError('callHold.notHeld', { number });
  });
}

/** The hold of call `number`, with who held it, or null. */
export async function holdOfCall(db: Executor, number: number): Promise<CallHold | null> {
  const [hold] = await queryRows<{ reason: string; held_at: Date | string; held_by: string }>(
    db,
    sql`select h.reason, h.held_at, u.name as held_by from call_holds h join users u on u.id = h.held_by where h.call_number = ${number}`,
  );
  return hold ? { reason: hold.reason, heldAt: new Date(hold.held_at), heldBy: hold.held_by } : null;
}
