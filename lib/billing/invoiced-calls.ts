/**
 * Whether a call is invoiced, written once for every query that asks: a call is invoiced while
 * it is on a line of a non-void invoice. A reversal voids the lines, and the call is billable
 * again; the partial unique index `invoice_lines_call_once` keeps it on one non-void line at most.
 *
 * The call is given as SQL (`sql\`k.number\`` for a column of the outer query, or a value), and
 * the fragments use the aliases `l` (the line) and `i` (its invoice).
 */
import { sql, type SQL } from 'drizzle-orm';

/**
 * The call is on no non-void invoice: billable once completed, editable. `isProbed`: asked of each
 * call in turn, by the index `invoice_lines_call_once` (probed), for the few calls of a short
 * list; as a join, PostgreSQL hashes every non-void line ever invoiced to test them.
 */
export function isNotInvoiced(callNumber: SQL, isProbed = false): SQL {
  return sql`not exists (select 1 from invoice_lines l where l.call_number = ${callNumber} and not l.is_void${probed(isProbed)})`;
}

/** The end of a subquery asked of each row in turn when `isProbed`: OFFSET 0 keeps PostgreSQL from making it a join. */
export function probed(isProbed: boolean): SQL {
  return isProbed ? sql` offset 0` : sql``;
}

/** `from … where …` of the call's non-void invoice line `l` and its invoice `i` (no row when not invoiced). */
export function invoiceOfCall(callNumber: SQL | number): SQL {
  return sql`from invoice_lines l join invoices i on i.id = l.invoice_id where l.call_number = ${callNumber} and not l.is_void`;
}
