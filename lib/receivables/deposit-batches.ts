/**
 * Deposit batches (bordereaux de dépôt): the clerk announces the deposit's total, enters its
 * payments, and posts the batch once they add up to it. Until then its payments wait outside
 * the ledger; posting puts them all in at once and applies each one oldest due first.
 */
import { eq, sql } from 'drizzle-orm';
import { queryRows, type Executor } from '@/db/index';
import { depositBatches, payments } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { allocateOldestFirst } from './allocation';
import { insertAllocations, openInvoicesOf } from './payments';

export async function createDepositBatch(
  db: Executor,
  actorId: number,
  input: { depositDate: string; announcedCents: number; reference: string | null },
): Promise<{ id: number }> {
  const [batch] = await db
    .insert(depositBatches)
    .values({ depositDate: input.depositDate, announcedCents: input.announcedCents, reference: input.reference, createdBy: actorId })
    .returning({ id: depositBatches.id });
  return { id: batch!.id };
}

/** Posts a batch whose payments add up to its announced total; refused otherwise, with the difference. */
export async function postDepositBatch(db: Executor, actorId: number, batchId: number): Promise<{ payments: number }> {
  return db.transaction(async (tx) => {
    const [batch] = await tx.select().from(depositBatches).where(eq(depositBatches.id, batchId)).for('update');
    if (!batch) throw new AppError('batch.notFound', { id: batchId });
    if (batch.status === 'posted') throw new AppError('batch.posted', { id: batchId });
    const pending = await tx
      .select({
        id: payments.id,
        number: payments.number,
        client: payments.billedClientNumber,
        amount: payments.amountCents,
        receivedOn: payments.receivedOn,
      })
      .from(payments)
      .where(eq(payments.depositBatchId, batchId))
      .orderBy(payments.billedClientNumber, payments.id)
      .for('update');
    const total = pending.reduce((sum, p) => sum + p.amount, 0);
    if (pending.length === 0 || total !== batch.announcedCents)
      throw new AppError('batch.unbalanced', {
        entered: total / 100,
        announced: batch.announcedCents / 100,
        difference: (batch.announcedCents - total) / 100,
      });

    await tx.update(payments).set({ status: 'posted' }).where(eq(payments.depositBatchId, batchId));
    // Each payment applied to its client's open invoices, oldest due first, the payments of one
    // client one after the other (the second one takes what the first left open).
    for (const payment of pending) {
      const plan = allocateOldestFirst(payment.amount, await openInvoicesOf(tx, payment.client, true));
      await insertAllocations(tx, payment.id, actorId, payment.receivedOn, plan.allocations);
    }
    await tx
      .update(depositBatches)
      .set({ status: 'posted', postedAt: new Date(), postedBy: actorId })
      .where(eq(depositBatches.id, batchId));
    return { payments: pending.length };
  });
}

/** Removes a payment entered by mistake from a batch not posted yet (it never entered the ledger). */
export async function removePendingPayment(db: Executor, paymentNumber: number, batchId: number): Promise<void> {
  const deleted = await queryRows<{ id: number }>(
    db,
    sql`delete from payments where number = ${paymentNumber} and status = 'pending' and deposit_batch_id = ${batchId} returning id`,
  );
  if (deleted.length === 0) throw new AppError('payment.notPending', { number: paymentNumber });
}

export type BatchRow = typeof depositBatches.$inferSelect & { enteredCents: number; paymentCount: number };

/** The deposit batches, newest first, with what was entered in each. */
export async function listDepositBatches(db: Executor): Promise<BatchRow[]> {
  const rows = await db
    .select({
      batch: depositBatches,
      enteredCents: sql<string>`coalesce(sum(${payments.amountCents}), 0)::int8`,
      paymentCount: sql<string>`count(${payments.id})::int8`,
    })
    .from(depositBatches)
    .leftJoin(payments, eq(payments.depositBatchId, depositBatches.id))
    .groupBy(depositBatches.id)
    .orderBy(sql`${depositBatches.id} desc`)
    .limit(200);
  return rows.map((r) => ({ ...r.batch, enteredCents: Number(r.enteredCents), paymentCount: Number(r.paymentCount) }));
}

/** One batch and its payments. */
export async function getDepositBatch(db: Executor, id: number) {
  const [batch] = await db.select().from(depositBatches).where(eq(depositBatches.id, id));
  if (!batch) return null;
  const rows = await db.select().from(payments).where(eq(payments.depositBatchId, id)).orderBy(payments.number);
  return { batch, payments: rows, enteredCents: rows.reduce((sum, p) => sum + p.amountCents, 0) };
}
