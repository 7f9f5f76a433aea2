/**
 * Reversing a billing run: while none of its invoices was printed or e-mailed (nor credited, nor paid),
 * its invoices become void — they keep their numbers — and their calls become billable again.
 */
import { and, eq, isNotNull, or, sql } from 'drizzle-orm';
import type { Db } from '@/db/index';
import { billingRuns, creditNotes, deliveries, invoiceLines, invoices } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { takeBillingLockExclusive } from './billing-lock';

export async function reverseRun(db: Db, actorId: number, runId: number): Promise<{ voided: number }> {
  return db.transaction(async (tx) => {
    await takeBillingLockExclusive(tx);
    const [run] = await tx.select({ status: billingRuns.status }).from(billingRuns).where(eq(billingRuns.id, runId)).for('update');
    if (!run) throw new AppError('billing.runNotFound', { id: runId });
    if (run.status === 'reversed') throw new AppError('billing.alreadyReversed', { id: runId });

    const runInvoices = sql`select id from invoices where billing_run_id = ${runId}`;
    // The run's invoices locked first: a credit note, a print mark, an e-mail being queued or
    // recorded at this moment either commits before the checks below see it, or waits for the
    // reversal. Then their waiting e-mails: a worker cannot take one between the checks and
    // their cancellation (it skips locked e-mails), and one it took shows as being sent.
    // Lock order, here and everywhere: invoices by id, then their deliveries.
    await tx.select({ id: invoices.id }).from(invoices).where(eq(invoices.billingRunId, runId)).orderBy(invoices.id).for('update');
    await tx
      .select({ id: deliveries.id })
      .from(deliveries)
      .where(and(sql`${deliveries.invoiceId} in (${runInvoices})`, eq(deliveries.status, 'pending')))
      .orderBy(deliveries.id)
      .for('update');
    const [delivered] = await tx
      .select({ number: invoices.number })
      .from(invoices)
      .where(and(eq(invoices.billingRunId, runId), or(isNotNull(invoices.printedAt), isNotNull(invoices.emailedAt))))
      .limit(1);
    const [sent] = await tx
      .select({ id: deliveries.id })
      .from(deliveries)
      .where(and(sql`${deliveries.invoiceId} in (${runInvoices})`, eq(deliveries.status, 'sent')))
      .limit(1);
    if (delivered || sent) throw new AppError('billing.alreadyDelivered', { id: runId });
    const [sending] = await tx
      .select({ id: deliveries.id })
      .from(deliveries)
      .where(and(sql`${deliveries.invoiceId} in (${runInvoices})`, eq(deliveries.status, 'pending'), isNotNull(deliveries.startedAt)))
      .limit(1);
    if (sending) throw new AppError('billing.deliveryInProgress', { id: runId });
    const [credited] = await tx
      .select({ id: creditNotes.id })
      .from(creditNotes)
      .where(sql`${creditNotes.invoiceId} in (${runInvoices})`)
      .limit(1);
    if (credited) throw new AppError('billing.hasCreditNotes', { id: runId });
    // A payment applied to one of its invoices (the database refuses the voiding too, RR002).
    const [paid] = await tx
      .select({ number: invoices.number })
      .from(invoices)
      .where(and(eq(invoices.billingRunId, runId), sql`${invoices.paidCents} > 0`))
      .orderBy(invoices.number)
      .limit(1);
    if (paid) throw new AppError('billing.hasPayments', { id: runId, number: paid.number });

    const now = new Date();
    // The lines first, in one statement (the invoices' trigger of migration 0010 then finds
    // nothing left to void), then the invoices, which keep their numbers.
    await tx
      .update(invoiceLines)
      .set({ isVoid: true })
      .where(sql`${invoiceLines.invoiceId} in (${runInvoices})`);
    const voided = await tx
      .update(invoices)
      .set({ status: 'void', voidedAt: now, voidedBy: actorId })
      .where(eq(invoices.billingRunId, runId))
      .returning({ id: invoices.id });
    // E-mails still waiting for these invoices are not sent: the invoices are void.
    await tx
      .update(deliveries)
      .set({ status: 'failed', error: 'Facture annulée avec son traitement : non envoyée. / Invoice voided: not sent.', completedAt: now })
      .where(and(sql`${deliveries.invoiceId} in (${runInvoices})`, eq(deliveries.status, 'pending')));
    // A call contested while it was on one of these invoices is billable again: it waits in the
    // review until its contest is answered (migration 0036).
    await tx.execute(
      sql`select refresh_review_flags(array(select c.call_number from call_contests c join invoice_lines l on l.call_number = c.call_number
                                             where l.invoice_id in (${runInvoices}) and c.status = 'open'), false)`,
    );
    await tx.update(billingRuns).set({ status: 'reversed', reversedAt: now, reversedBy: actorId }).where(eq(billingRuns.id, runId));
    return { voided: voided.length };
  });
}
