/**
 * Balances as of a date (docs/business-rules.md, Receivables): only documents dated up to it
 * count, so last month's figures read the same today. An invoice counts from its issue date
 * until the day it was voided; a credit note from its date; an allocation from the day it was
 * applied until the day it was released (a payment reversed, an allocation undone); a payment
 * from its reception until its reversal. Pending payments (in a deposit batch not posted yet)
 * are outside the ledger.
 *
 * Each function returns a SQL fragment usable as a subquery, keyed by billed client, so that
 * aging, statements, the ledger and the credit hold read the same figures.
 */
import { sql, type SQL } from 'drizzle-orm';
import { BUSINESS_TIME_ZONE } from '@/lib/dates/montreal';

/** Every billed client, or one. */
export type ClientScope = { clientNumber?: number };
export const allClients: ClientScope = {};

function inScope(scope: ClientScope, alias: string): SQL {
  return scope.clientNumber === undefined ? sql`true` : sql`${sql.raw(alias)}.billed_client_number = ${scope.clientNumber}`;
}

/**
 * Rows of `alias` (allocations, credit notes) kept to the scope's client through their invoice or
 * payment; for every client, nothing to join (a join of every allocation to its invoice, for
 * nothing, took a third of the aging's time at 200,000 invoices).
 */
function joinedInScope(scope: ClientScope, table: 'invoices' | 'payments', on: string): SQL {
  return scope.clientNumber === undefined
    ? sql``
    : sql`join ${sql.raw(table)} x on x.id = ${sql.raw(on)} and x.billed_client_number = ${scope.clientNumber}`;
}

/** The date an invoice was voided, in Montréal (null while it is issued), of its `voided_at` column. */
export function voidedOnOf(voidedAt: SQL): SQL {
  return sql`(${voidedAt} at time zone ${sql.raw(`'${BUSINESS_TIME_ZONE}'`)})::date`;
}

/** The same, of an unqualified `voided_at`. */
export const voidedOn = voidedOnOf(sql.raw('voided_at'));

/**
 * Every invoice of the scope standing on `asOf`, with its balance then:
 * id, number, billed_client_number, kind, issue_date, due_date, total_cents, credited_cents,
 * paid_cents, balance_cents.
 */
export function invoiceBalancesAsOf(asOf: string, scope: ClientScope = allClients): SQL {
  return sql`
    select i.id, i.number, i.billed_client_number, i.kind, i.issue_date, i.due_date, i.total_cents,
           coalesce(cn.credited, 0) as credited_cents, coalesce(pa.paid, 0) as paid_cents,
           i.total_cents - coalesce(cn.credited, 0) - coalesce(pa.paid, 0) as balance_cents
      from (select * from invoices v
             where ${inScope(scope, 'v')} and issue_date <= ${asOf}::date
               and (voided_at is null or ${voidedOn} > ${asOf}::date)) i
      left join (select n.invoice_id, sum(n.total_cents) as credited
                   from credit_notes n ${joinedInScope(scope, 'invoices', 'n.invoice_id')}
                  where n.issue_date <= ${asOf}::date group by n.invoice_id) cn on cn.invoice_id = i.id
      left join (select a.invoice_id, sum(a.amount_cents) as paid
                   from payment_allocations a ${joinedInScope(scope, 'invoices', 'a.invoice_id')}
                  where a.applied_on <= ${asOf}::date and (a.released_on is null or a.released_on > ${asOf}::date)
                  group by a.invoice_id) pa on pa.invoice_id = i.id`;
}

/**
 * What each payment of the scope had left unapplied on `asOf` (its credit on account):
 * id, number, billed_client_number, received_on, amount_cents, unapplied_cents.
 */
export function paymentCreditsAsOf(asOf: string, scope: ClientScope = allClients): SQL {
  return sql`
    select p.id, p.number, p.billed_client_number, p.received_on, p.amount_cents,
           p.amount_cents - coalesce(pa.applied, 0) as unapplied_cents
      from (select * from payments v
             where ${inScope(scope, 'v')} and status <> 'pending' and received_on <= ${asOf}::date
               and (reversed_on is null or reversed_on > ${asOf}::date)) p
      left join (select a.payment_id, sum(a.amount_cents) as applied
                   from payment_allocations a ${joinedInScope(scope, 'payments', 'a.payment_id')}
                  where a.applied_on <= ${asOf}::date and (a.released_on is null or a.released_on > ${asOf}::date)
                  group by a.payment_id) pa on pa.payment_id = p.id`;
}
