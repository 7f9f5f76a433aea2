/**
 * The calls a billing run would bill, as one SQL query shared by the billing list (preview) and
 * the generation, so that both see exactly the same calls for the same inputs.
 *
 * A call is billable when it is completed, its service date is on or before the cut-off, and it
 * is on no non-void invoice (nor on one of the former system it was imported from). Normal process: calls whose client was in no group on the call's
 * service date, billed to themselves. Grouped process: calls whose client was in a group on that
 * date (a head's own calls and its members'), billed to that group's head. The cycle and the number range filter
 * the billed client (for a group: the head).
 */
import { sql, type SQL } from 'drizzle-orm';
import { membershipOnServiceDate } from '@/lib/groups/membership-on-date';
import type { BillingInput } from './billing-input';
import { callHashSql } from './confirmed-list';
import { isNotInvoiced, probed } from './invoiced-calls';

/**
 * Call `k` waits to be billed: completed, on no non-void invoice, and not billed by the former
 * system it was imported from (docs/business-rules.md, Import). `isProbed`: its invoice line
 * looked for by its index, for a short list (isNotInvoiced).
 */
export function waitingToBeBilled(isProbed = false): SQL {
  return sql`k.status = 'completed' and k.legacy_invoice_number is null and ${isNotInvoiced(sql`k.number`, isProbed)}`;
}

export const isWaitingToBeBilled = waitingToBeBilled();

/** The range of billed client numbers the clerk asked for, if any. */
export function billedRangeOf(input: BillingInput): { from: number; to: number } | null {
  if (input.clientFrom === null && input.clientTo === null) return null;
  return { from: input.clientFrom ?? 1, to: input.clientTo ?? 99_999_999 };
}

/**
 * The dues rate in force on call `k`'s service date, 0 before the first rate: the rates' dates and
 * amounts are read once per statement as two arrays in date order (each an InitPlan, handed to
 * the parallel workers), and `width_bucket` finds the last date on or before the service date
 * (the dates are the rates' primary key, so never twice the same). Joined to the rates as periods
 * instead, the calls met their rate after the parallel part of a whole list, in its leader alone,
 * and the list could not be summed by its workers (a million calls' grouped list: its statement
 * of sums 321 ms against 380, README.md, Performance).
 */
const rateOnServiceDate: SQL = sql`coalesce((select array_agg(rate_cents order by effective_from) from dues_rates)[width_bucket(
      k.service_date, (select array_agg(effective_from order by effective_from) from dues_rates))], 0)`;

/**
 * The dues of call `k` (docs/business-rules.md, Dues): a passenger trip (its tariff's
 * `Transport de personnes`) pays the rate in force on its service date, unless its tariff is
 * exempt or its billed client (the head for a group, rule G3) is exempt on that date, read from
 * the join of exemptDuesJoin (`x`).
 */
const duesOfCall: SQL = sql`case when t.is_passenger and not t.is_dues_exempt and x.number is null then ${rateOnServiceDate} else 0 end`;

/** The billed client of call `k` when it is exempt from the dues on the call's service date, as `x`: a few hundred clients at most. */
function exemptDuesJoin(billedNumber: SQL): SQL {
  return sql`
      left join (select number, dues_exempt_from, dues_exempt_to from clients where dues_exemption is not null) x
             on x.number = ${billedNumber} and k.service_date >= x.dues_exempt_from
            and (x.dues_exempt_to is null or k.service_date <= x.dues_exempt_to)`;
}

/**
 * The calls held back (call-holds.ts) or waiting for review before billing (lib/review) in a
 * list: left out of it (`excluded`, the billing list and generation); alone, held (`held`) or
 * waiting for review and not held (`toReview`), what the billing list says it left out; both
 * (`review`, the review's screen); with the others (`included`: the dues return's trips still
 * to invoice); or with the others, each call marked (`marked`: columns `is_held` and
 * `is_waiting_for_review`), so that a short billing list counts those it leaves out for review in
 * the same reading of its calls.
 */
export type SetAside = 'excluded' | 'held' | 'toReview' | 'review' | 'included' | 'marked';

/** Call `k` is held back, or waits for review; `isProbed`: asked of each call in turn, by the holds' and flags' primary keys. */
const isHeld = (isProbed = false) => sql`exists (select 1 from call_holds h where h.call_number = k.number${probed(isProbed)})`;
const isWaitingForReview = (isProbed = false) =>
  sql`exists (select 1 from call_flags f where f.call_number = k.number and f.approved_at is null${probed(isProbed)})`;

/**
 * Call `k` is not held back, for a whole list. Calls are held one by one by a clerk, a handful at a
 * time: `not in` reads them once into a hash that each call is looked up in (the call number is
 * the holds' primary key, never null), where `not exists` let PostgreSQL scan the holds again for
 * each call whenever it took them for empty. A million calls' billing list: a median of 870–940 ms
 * against 970–1,150 (README.md, Performance).
 */
const isNotHeld = sql`k.number not in (select call_number from call_holds)`;

const setAsideFilter: Record<SetAside, SQL | null> = {
  excluded: sql`${isNotHeld} and not ${isWaitingForReview()}`,
  // Driven by the few calls set aside, each found by its number: `= any(array(…))` makes them an
  // index condition on the calls, where `in (select …)` let PostgreSQL read every waiting call
  // and hash them against the few (a million calls: 80 ms against 750).
  held: sql`k.number = any(array(select call_number from call_holds))`,
  toReview: sql`k.number = any(array(select call_number from call_flags where approved_at is null)) and not ${isHeld()}`,
  review: sql`k.number = any(array(select call_number from call_holds union all select call_number from call_flags where approved_at is null))`,
  included: null,
  marked: null,
};

/** The same sets for a short list, each call asked in turn. */
const setAsideProbed: Record<SetAside, SQL | null> = {
  excluded: sql`not ${isHeld(true)} and not ${isWaitingForReview(true)}`,
  held: isHeld(true),
  toReview: sql`${isWaitingForReview(true)} and not ${isHeld(true)}`,
  review: sql`(${isHeld(true)} or ${isWaitingForReview(true)})`,
  included: null,
  marked: null,
};

/**
 * A range of at most this many client numbers is a short list: its calls are tested one by one
 * against the invoice lines, the holds and the flags (each by its index) rather than joined to
 * them, which PostgreSQL does by reading every invoice line ever written and every call waiting
 * for review. At a million calls (11,000 waiting for review, 75,000 lines invoiced before), 51
 * clients' list took 7.3 ms probed against 23.5 joined, their count waiting for review 3.2 ms
 * against 25; 1,001 clients' list 95 ms probed against 56 joined.
 */
const SHORT_RANGE = 200;

/**
 * A list of a few clients: its calls are asked one by one (billableCallsQuery), so that its best
 * plan is the same whatever the range, and its statements can be kept prepared
 * (`withPreparedStatements`): the billing list of 50 clients at a million calls in 12.8–17.4 ms
 * (p50) prepared against 18.7–25.0 planned at each page.
 */
export function isShortList(input: BillingInput, billedIn?: readonly number[]): boolean {
  const range = billedRangeOf(input);
  return billedIn !== undefined || (range !== null && range.to - range.from < SHORT_RANGE);
}

/**
 * `billedIn`: only the calls billed to these clients (heads for a group), each found by its
 * client's index: a few billed clients' calls without reading the others'.
 */
export function billableCallsQuery(input: BillingInput, setAside: SetAside = 'excluded', billedIn?: readonly number[]): SQL {
  const billedNumber = input.isGrouped ? sql`m.head_number` : sql`k.client_number`;
  const filters: SQL[] = input.isGrouped ? [] : [sql`m.client_number is null`];
  const range = billedRangeOf(input);
  const isShort = isShortList(input, billedIn);
  const aside = (isShort ? setAsideProbed : setAsideFilter)[setAside];
  if (aside) filters.push(aside);
  if (input.cycle !== 'all') filters.push(sql`${billedNumber} in (select number from clients where billing_cycle = ${input.cycle})`);
  if (range) {
    // The range is on the billed client. For a group (billed to its head) it is said again on the
    // calls themselves, so that a short range reads only its clients' calls (index
    // calls_billable_by_client) instead of every billable call.
    filters.push(sql`${billedNumber} between ${range.from} and ${range.to}`);
    if (input.isGrouped)
      filters.push(
        sql`k.client_number in (select client_number from group_memberships where head_number between ${range.from} and ${range.to})`,
      );
  }
  if (billedIn) {
    const numbers = sql`${sql.param(billedIn)}::int[]`;
    filters.push(sql`${billedNumber} = any(${numbers})`);
    if (input.isGrouped)
      filters.push(sql`k.client_number in (select client_number from group_memberships where head_number = any(${numbers}))`);
  }
  const marks =
    setAside === 'marked' ? sql`, ${isHeld(isShort)} as is_held, ${isWaitingForReview(isShort)} as is_waiting_for_review` : sql``;
  return sql`
    select k.number as call_number, k.client_number, c.name as client_name, ${billedNumber} as billed_client_number,
           k.service_date, k.pickup_address, k.destination_address, k.client_reference, k.price_cents,
           t.is_passenger, ${duesOfCall} as dues_cents, coalesce(k.billing_type, t.default_billing_type) as billing_type,
           k.billing_hours_tenths, k.sev_number, k.reference_values, ${callHashSql} as call_hash${marks}
      from calls k
      join tariffs t on t.id = k.tariff_id
      ${input.isGrouped ? membershipOnServiceDate('join') : membershipOnServiceDate('left join', range)}
      ${exemptDuesJoin(billedNumber)}
      -- The client always exists (foreign key): a left join, so that PostgreSQL drops it when a
      -- caller does not read its name (the billing list: a fifth faster at a million calls). The
      -- billed client's cycle is asked apart (above): one join more, even dropped, made the joins
      -- more than PostgreSQL orders freely (join_collapse_limit, 8), and a whole list lost its
      -- parallel plan (a million calls, the grouped list's median 632 ms against 545 now).
      left join clients c on c.number = k.client_number
     where ${waitingToBeBilled(isShort)}
       and k.service_date <= ${input.cutoff}
       and ${sql.join([sql`true`, ...filters], sql` and `)}`;
}
