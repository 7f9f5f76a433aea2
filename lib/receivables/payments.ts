/**
 * Payments (docs/business-rules.md, Receivables): recorded for a billed client, applied to its
 * open invoices (oldest due first, or as the clerk typed), the rest left as a credit on
 * account; applied later; reversed when a cheque comes back. The money rules are held by the
 * database (migration 0012): this module plans, the triggers and checks refuse what breaks them.
 */
import { eq, sql } from 'drizzle-orm';
import { idArray } from '@/db/id-list';
import { pgErrorOf } from '@/db/errors';
import { queryRows, type Executor, type Tx } from '@/db/index';
import { clients, payments } from '@/db/schema';
import { AppError, type ErrorCode } from '@/lib/errors';
import { allocateOldestFirst, planManualAllocation, type Allocation, type OpenInvoice } from './allocation';
import type { PaymentInput, ReversalInput } from './payment-input';

/** The open invoices of a billed client today, oldest due first; locked for update when `forUpdate`. */
export async function openInvoicesOf(db: Executor, billedClientNumber: number, forUpdate = false): Promise<OpenInvoice[]> {
  const rows = await queryRows<{ id: number; number: number; due_date: string; balance: number }>(
    db,
    sql`select id, number, due_date::text, (total_cents - credited_cents - paid_cents)::int8 as balance
          from invoices
         where billed_client_number = ${billedClientNumber} and status = 'issued' and credited_cents + paid_cents < total_cents
         order by ${forUpdate ? sql`id` : sql`due_date, number`}
         ${forUpdate ? sql`for update` : sql``}`,
  );
  const open = rows.map((r) => ({
    invoiceId: Number(r.id),
    number: Number(r.number),
    dueDate: r.due_date,
    balanceCents: Number(r.balance),
  }));
  return open.sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.number - b.number));
}

async function nextPaymentNumber(tx: Tx): Promise<number> {
  const [row] = await queryRows<{ last_number: number }>(
    tx,
    sql`insert into document_counters (kind, last_number) values ('payment', 1)
        on conflict (kind) do update set last_number = document_counters.last_number + 1
        returning last_number`,
  );
  return Number(row!.last_number);
}

/** A refusal of the database's money rules, as the clerk's message. */
function refusalOf(error: unknown): AppError | null {
  const pg = pgErrorOf(error);
  if (!pg) return null;
  if (pg.code === '23514' && (pg.constraint === 'invoices_settled_within_total' || pg.constraint === 'payments_applied_within_amount'))
    return new AppError('payment.overApplied');
  if (pg.code === 'RR001') return new AppError('payment.notClientsInvoice');
  if (pg.code === '40P01') return new AppError('payment.busy');
  return null;
}

export async function insertAllocations(tx: Tx, paymentId: number, actorId: number, appliedOn: string, allocations: readonly Allocation[]) {
  if (allocations.length === 0) return;
  // One statement, in invoice order (the lock order). An allocation is dated no earlier than its
  // invoice, nor than the last allocation released from that invoice: a cheque entered late and
  // dated back would otherwise settle, on past dates, what another payment then settled.
  await tx.execute(sql`
    insert into payment_allocations (payment_id, invoice_id, amount_cents, applied_on, created_by)
    select ${paymentId}::bigint, x.invoice_id, x.amount,
           greatest(${appliedOn}::date, i.issue_date, (select max(r.released_on) from payment_allocations r where r.invoice_id = i.id)),
           ${actorId}::int
      from unnest(${idArray(allocations.map((a) => a.invoiceId))}, ${idArray(allocations.map((a) => a.amountCents))}) as x(invoice_id, amount)
      join invoices i on i.id = x.invoice_id
     order by x.invoice_id`);
}

function manualProblems(problems: ReturnType<typeof planManualAllocation>['problems']): AppError {
  const fieldErrors: Record<string, ErrorCode[]> = {};
  let code: ErrorCode = 'payment.overApplied';
  const params: Record<string, string | number> = {};
  for (const problem of problems) {
    if (problem.kind === 'aboveAmount') {
      code = 'payment.aboveAmount';
      params.applied = problem.appliedCents / 100;
      fieldErrors.amount = ['payment.aboveAmount'];
    } else if (problem.kind === 'aboveBalance') {
      code = 'payment.aboveBalance';
      params.number = problem.number;
      params.balance = problem.balanceCents / 100;
      fieldErrors[`applied-${problem.number}`] = ['payment.aboveBalance'];
    } else {
      code = 'payment.invoiceNotOpen';
      params.number = problem.number;
      fieldErrors[`applied-${problem.number}`] = ['payment.invoiceNotOpen'];
    }
  }
  return new AppError(code, params, fieldErrors);
}

export type RecordedPayment = { number: number; appliedCents: number; creditCents: number; invoices: number[] };

/** Records a payment and applies it; all or nothing. */
export async function recordPayment(db: Executor, actorId: number, input: PaymentInput): Promise<RecordedPayment> {
  try {
    return await db.transaction(async (tx) => {
      const [client] = await tx.select({ number: clients.number }).from(clients).where(eq(clients.number, input.clientNumber));
      if (!client) throw new AppError('payment.unknownClient', { number: input.clientNumber }, { clientNumber: ['payment.unknownClient'] });

      let batchStatus: 'open' | 'posted' | null = null;
      if (input.batchId !== null) {
        const [batch] = await queryRows<{ status: 'open' | 'posted' }>(
          tx,
          sql`select status from deposit_batches where id = ${input.batchId} for update`,
        );
        if (!batch) throw new AppError('batch.notFound', { id: input.batchId });
        batchStatus = batch.status;
        if (batchStatus === 'posted') throw new AppError('batch.posted', { id: input.batchId });
      }
      const isPending = batchStatus === 'open';

      // In a batch not posted yet, the payment waits outside the ledger: applied at posting.
      let plan = { allocations: [] as Allocation[], creditCents: input.amount };
      if (!isPending) {
        const open = await openInvoicesOf(tx, input.clientNumber, true);
        if (input.allocation === 'auto') plan = allocateOldestFirst(input.amount, open);
        else {
          const typed = input.invoiceNumbers.map((number, i) => ({ number, amountCents: input.appliedAmounts[i] ?? 0 }));
          const manual = planManualAllocation(input.amount, open, typed);
          if (manual.problems.length > 0) throw manualProblems(manual.problems);
          plan = manual.plan;
        }
      }

      const number = await nextPaymentNumber(tx);
      const [payment] = await tx
        .insert(payments)
        .values({
          number,
          billedClientNumber: input.clientNumber,
          receivedOn: input.receivedOn,
          amountCents: input.amount,
          method: input.method,
          reference: input.reference,
          note: input.note,
          status: isPending ? 'pending' : 'posted',
          depositBatchId: input.batchId,
          createdBy: actorId,
        })
        .returning({ id: payments.id });
      await insertAllocations(tx, payment!.id, actorId, input.receivedOn, plan.allocations);
      const appliedCents = input.amount - plan.creditCents;
      return { number, appliedCents, creditCents: plan.creditCents, invoices: plan.allocations.map((a) => a.number) };
    });
  } catch (error) {
    throw refusalOf(error) ?? error;
  }
}

async function lockPayment(tx: Tx, number: number) {
  const [payment] = await tx.select().from(payments).where(eq(payments.number, number)).for('update');
  if (!payment) throw new AppError('payment.notFound', { number });
  return payment;
}

/** Applies what a payment still has on account to its client's open invoices, oldest due first. */
export async function applyPaymentCredit(db: Executor, actorId: number, paymentNumber: number, today: string): Promise<RecordedPayment> {
  try {
    return await db.transaction(async (tx) => {
      const payment = await lockPayment(tx, paymentNumber);
      if (payment.status !== 'posted') throw new AppError('payment.notPosted', { number: paymentNumber });
      const credit = payment.amountCents - payment.appliedCents;
      if (credit === 0) throw new AppError('payment.nothingLeft', { number: paymentNumber });
      const plan = allocateOldestFirst(credit, await openInvoicesOf(tx, payment.billedClientNumber, true));
      if (plan.allocations.length === 0) throw new AppError('payment.noOpenInvoice', { client: payment.billedClientNumber });
      await insertAllocations(tx, payment.id, actorId, today, plan.allocations);
      return {
        number: paymentNumber,
        appliedCents: credit - plan.creditCents,
        creditCents: plan.creditCents,
        invoices: plan.allocations.map((a) => a.number),
      };
    });
  } catch (error) {
    throw refusalOf(error) ?? error;
  }
}

/**
 * A cheque returned (chèque sans provision): the payment is reversed on its date, with the
 * reason; its allocations are released that day (the invoices reopen); nothing is erased.
 */
export async function reversePayment(db: Executor, actorId: number, input: ReversalInput): Promise<{ reopened: number[] }> {
  try {
    return await db.transaction(async (tx) => {
      const payment = await lockPayment(tx, input.number);
      if (payment.status === 'reversed') throw new AppError('payment.alreadyReversed', { number: input.number });
      if (payment.status === 'pending') throw new AppError('payment.notPosted', { number: input.number });
      if (input.reversedOn < payment.receivedOn)
        throw new AppError(
          'payment.reversedBeforeReceived',
          { date: payment.receivedOn },
          { reversedOn: ['payment.reversedBeforeReceived'] },
        );
      const reopened = await releaseAllocations(tx, actorId, sql`payment_id = ${payment.id}`, input.reversedOn);
      await tx
        .update(payments)
        .set({
          status: 'reversed',
          reversedOn: input.reversedOn,
          reversalReason: input.reason,
          reversedBy: actorId,
          reversedAt: new Date(),
        })
        .where(eq(payments.id, payment.id));
      return { reopened };
    });
  } catch (error) {
    throw refusalOf(error) ?? error;
  }
}

/** Releases the active allocations matched by `where`, dated `on` (never before they were applied). */
async function releaseAllocations(tx: Tx, actorId: number, where: ReturnType<typeof sql>, on: string): Promise<number[]> {
  const rows = await queryRows<{ number: number }>(
    tx,
    sql`with released as (
          update payment_allocations a
             set released_on = greatest(${on}::date, a.applied_on), released_by = ${actorId}, released_at = now()
           where a.id in (select id from payment_allocations where ${where} and released_on is null order by invoice_id for update)
          returning a.invoice_id)
        select distinct i.number from released r join invoices i on i.id = r.invoice_id order by i.number`,
  );
  return rows.map((r) => Number(r.number));
}

/**
 * Undoes one allocation (applied to the wrong invoice, or to make room for a credit note): its
 * amount returns to the payment's credit on account.
 */
export async function releaseAllocation(
  db: Executor,
  actorId: number,
  allocationId: number,
  today: string,
): Promise<{ paymentNumber: number }> {
  try {
    return await db.transaction(async (tx) => {
      const [row] = await queryRows<{ payment_number: number; payment_id: number; released_on: string | null }>(
        tx,
        sql`select p.number as payment_number, p.id as payment_id, a.released_on::text
              from payment_allocations a join payments p on p.id = a.payment_id where a.id = ${allocationId}`,
      );
      if (!row) throw new AppError('payment.allocationNotFound');
      if (row.released_on) throw new AppError('payment.allocationReleased');
      await lockPayment(tx, Number(row.payment_number));
      await releaseAllocations(tx, actorId, sql`id = ${allocationId}`, today);
      return { paymentNumber: Number(row.payment_number) };
    });
  } catch (error) {
    throw refusalOf(error) ?? error;
  }
}
