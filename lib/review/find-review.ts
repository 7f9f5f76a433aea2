/**
 * The review before billing (`/billing/review`): the calls waiting to be billed that a billing
 * clerk should look at — a reason of refresh_review_flags not approved yet, or held — by the
 * billing list's own query (`billableCallsQuery`, `review`), filtered by reason, process, client
 * and service dates, a page at a time.
 */
import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { queryRows, type Executor } from '@/db/index';
import { billableCallsQuery } from '@/lib/billing/billable-calls';
import { BILLING_CYCLES } from '@/lib/billing/billing-input';
import { todayInMontreal } from '@/lib/dates/montreal';
import { isoDate } from '@/lib/forms/dates';
import { defineUrlState, optionalQueryNumber } from '@/lib/url-state';
import { REVIEW_REASONS, reasonsOf, type ReviewReason } from './review-flags';

export const REVIEW_FILTERS = ['missingReference', 'zeroPrice', 'highPrice', 'duplicate', 'contested', 'held'] as const;
export type ReviewFilter = (typeof REVIEW_FILTERS)[number];

export const reviewSearchParams = z.object({
  reason: z.enum(REVIEW_FILTERS).optional().catch(undefined),
  /** The process, as the billing list's checkbox `Facturation par client regroupé`. */
  isGrouped: z
    .enum(['1', 'on', 'true'])
    .optional()
    .catch(undefined)
    .transform((value) => value !== undefined),
  /** The billing list's cycle and range of billed clients, so that its link shows the calls it counted. */
  cycle: z.enum(BILLING_CYCLES).catch('all'),
  clientFrom: optionalQueryNumber('integer'),
  clientTo: optionalQueryNumber('integer'),
  /** A client, as the call's own or as the one it is billed to (a member or its head). */
  client: optionalQueryNumber('integer'),
  from: isoDate.optional().catch(undefined),
  to: isoDate.optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
export type ReviewSearch = z.output<typeof reviewSearchParams>;
export const reviewSearchUrl = defineUrlState('/billing/review', reviewSearchParams);
export const REVIEW_PAGE_SIZE = 50;

export type ReviewRow = {
  number: number;
  clientNumber: number;
  clientName: string;
  billedClientNumber: number;
  serviceDate: string;
  pickupAddress: string;
  priceCents: number;
  /** Its reasons not approved yet. */
  reasons: ReviewReason[];
  hold: { reason: string; heldBy: string } | null;
};

function filterOf(search: ReviewSearch): SQL {
  const where: SQL[] = [sql`true`];
  if (search.reason === 'held') where.push(sql`h.call_number is not null`);
  else if (search.reason) where.push(sql`(f.reasons & ${REVIEW_REASONS[search.reason]}) <> 0 and f.approved_at is null`);
  if (search.client) where.push(sql`(bc.client_number = ${search.client} or bc.billed_client_number = ${search.client})`);
  if (search.from) where.push(sql`bc.service_date >= ${search.from}::date`);
  return sql.join(where, sql` and `);
}

/** A page of the calls to review, oldest service first, and whether another page follows. */
export async function findReview(db: Executor, search: ReviewSearch): Promise<{ rows: ReviewRow[]; hasNextPage: boolean; total: number }> {
  const list = billableCallsQuery(
    {
      cutoff: search.to ?? todayInMontreal(),
      cycle: search.cycle,
      clientFrom: search.clientFrom ?? null,
      clientTo: search.clientTo ?? null,
      isGrouped: search.isGrouped,
    },
    'review',
  );
  const rows = await queryRows<{
    number: string | number;
    client_number: number;
    client_name: string;
    billed_client_number: number;
    service_date: string;
    pickup_address: string;
    price_cents: number;
    reasons: number | null;
    hold_reason: string | null;
    held_by: string | null;
    total: number;
  }>(
    db,
    sql`select bc.call_number as number, bc.client_number, bc.client_name, bc.billed_client_number, bc.service_date::text,
               bc.pickup_address, bc.price_cents, case when f.approved_at is null then f.reasons end as reasons,
               h.reason as hold_reason, u.name as held_by, count(*) over ()::int as total
          from (${list}) bc
          left join call_flags f on f.call_number = bc.call_number
          left join call_holds h on h.call_number = bc.call_number
          left join users u on u.id = h.held_by
         where ${filterOf(search)}
         order by bc.service_date, bc.call_number
         limit ${REVIEW_PAGE_SIZE + 1} offset ${(search.page - 1) * REVIEW_PAGE_SIZE}`,
  );
  return {
    rows: rows.slice(0, REVIEW_PAGE_SIZE).map((row) => ({
      number: Number(row.number),
      clientNumber: row.client_number,
      clientName: row.client_name,
      billedClientNumber: row.billed_client_number,
      serviceDate: row.service_date,
      pickupAddress: row.pickup_address,
      priceCents: Number(row.price_cents),
      reasons: reasonsOf(row.reasons ?? 0),
      hold: row.hold_reason === null ? null : { reason: row.hold_reason, heldBy: row.held_by ?? '' },
    })),
    hasNextPage: rows.length > REVIEW_PAGE_SIZE,
    total: rows[0]?.total ?? 0,
  };
}
