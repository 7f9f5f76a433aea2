/**
 * The calls a billing run would bill, as one SQL query shared by the billing list (preview) and
 * the generation, so that both see exactly the same calls for the same inputs.
 *
 * A call is billable when it is completed, its service date is on or before the cut-off, and it
 * is on no non-void invoice. Normal process: calls of clients whose grouped number is empty,
 * billed to themselves. Grouped process: calls of every client that has a grouped number (a
 * head's own calls and its members'), billed to the head. The cycle and the number range filter
 * the billed client (for a group: the head).
 */
import { sql, type SQL } from 'drizzle-orm';
import type { BillingInput } from './billing-input';
import { isNotInvoiced } from './invoiced-calls';

export function billableCallsQuery(input: BillingInput): SQL {
  const billedNumber = input.isGrouped ? sql`c.grouped_client_number` : sql`c.number`;
  const filters: SQL[] = [input.isGrouped ? sql`c.grouped_client_number is not null` : sql`c.grouped_client_number is null`];
  if (input.cycle !== 'all') filters.push(sql`b.billing_cycle = ${input.cycle}`);
  if (input.clientFrom !== null) filters.push(sql`b.number >= ${input.clientFrom}`);
  if (input.clientTo !== null) filters.push(sql`b.number <= ${input.clientTo}`);
  if (input.clientFrom !== null || input.clientTo !== null) {
    // The same range said on the calls themselves, so that a short range reads only its clients'
    // calls (index calls_client_service_date) instead of every billable call.
    const from = input.clientFrom ?? 1;
    const to = input.clientTo ?? 99_999_999;
    filters.push(
      input.isGrouped
        ? sql`k.client_number in (select number from clients where grouped_client_number between ${from} and ${to})`
        : sql`k.client_number between ${from} and ${to}`,
    );
  }
  return sql`
    select k.number as call_number, k.client_number, c.name as client_name, b.number as billed_client_number,
           k.service_date, k.pickup_address, k.destination_address, k.client_reference, k.price_cents
      from calls k
      join clients c on c.number = k.client_number
      join clients b on b.number = ${billedNumber}
     where k.status = 'completed'
       and k.service_date <= ${input.cutoff}
       and ${isNotInvoiced(sql`k.number`)}
       and ${sql.join(filters, sql` and `)}`;
}
