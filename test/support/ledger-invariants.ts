import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '@/db/index';
import { todayInMontreal } from '@/lib/dates/montreal';
import { invoiceBalancesAsOf, paymentCreditsAsOf } from '@/lib/receivables/balances';

/**
 * The receivables' invariants, whatever happened: the counters kept by triggers equal the
 * documents they count; no balance below zero; no allocation to a void invoice or to another
 * client's invoice; and today's figures as of today equal the counters (the as-of queries and
 * the counters tell the same story). Each figure is a count of violations.
 */
export async function checkLedgerInvariants(db: Executor, today = todayInMontreal()) {
  const [row] = await queryRows<Record<string, number>>(
    db,
    sql`select
      (select count(*)::int from invoices i where i.paid_cents <> (select coalesce(sum(amount_cents), 0) from payment_allocations a
          where a.invoice_id = i.id and a.released_on is null)) as invoice_paid,
      (select count(*)::int from invoices i where i.credited_cents <> (select coalesce(sum(total_cents), 0) from credit_notes n where n.invoice_id = i.id)) as invoice_credited,
      (select count(*)::int from payments p where p.applied_cents <> (select coalesce(sum(amount_cents), 0) from payment_allocations a
          where a.payment_id = p.id and a.released_on is null)) as payment_applied,
      (select count(*)::int from invoices where credited_cents + paid_cents > total_cents or paid_cents < 0) as negative_balance,
      (select count(*)::int from payments where applied_cents > amount_cents) as over_applied,
      (select count(*)::int from payment_allocations a join invoices i on i.id = a.invoice_id join payments p on p.id = a.payment_id
          where a.released_on is null and (i.status = 'void' or i.billed_client_number <> p.billed_client_number or p.status <> 'posted')) as bad_allocation,
      (select count(*)::int from (${invoiceBalancesAsOf(today)}) b join invoices i on i.id = b.id
          where b.balance_cents <> i.total_cents - i.credited_cents - i.paid_cents) as as_of_invoices,
      (select count(*)::int from (${paymentCreditsAsOf(today)}) c join payments p on p.id = c.id
          where c.unapplied_cents <> p.amount_cents - p.applied_cents) as as_of_payments`,
  );
  return row!;
}

export const NO_LEDGER_VIOLATION = {
  invoice_paid: 0,
  invoice_credited: 0,
  payment_applied: 0,
  negative_balance: 0,
  over_applied: 0,
  bad_allocation: 0,
  as_of_invoices: 0,
  as_of_payments: 0,
};
