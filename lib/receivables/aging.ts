/** Aging of the receivables as of a date, per billed client and, for a head, per member. */
import { isHeadSql } from '@/lib/clients/group-role';
import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '@/db/index';
import type { AgingBucket } from './aging-buckets';
import { invoiceBalancesAsOf, paymentCreditsAsOf } from './balances';

export const AGING_PAGE_SIZE = 50;
export const AGING_SORTS = ['balance', 'oldest', 'client'] as const;
export type AgingSort = (typeof AGING_SORTS)[number];

export type AgingAmounts = Record<AgingBucket, number> & { balance: number; credit: number };
export type AgingRow = AgingAmounts & { clientNumber: number; name: string; isHead: boolean; oldestDueDate: string | null };
export type AgingReport = { rows: AgingRow[]; totals: AgingAmounts; clientCount: number };

const bucketsSql = sql`
  sum(balance_cents) filter (where days <= 0) as current,
  sum(balance_cents) filter (where days between 1 and 30) as days1to30,
  sum(balance_cents) filter (where days between 31 and 60) as days31to60,
  sum(balance_cents) filter (where days between 61 and 90) as days61to90,
  sum(balance_cents) filter (where days > 90) as over90,
  sum(balance_cents) as balance`;

type AmountColumns = Record<AgingBucket | 'balance' | 'credit', string | number | null>;
const amountsOf = (row: AmountColumns): AgingAmounts => ({
  current: Number(row.current ?? 0),
  days1to30: Number(row.days1to30 ?? 0),
  days31to60: Number(row.days31to60 ?? 0),
  days61to90: Number(row.days61to90 ?? 0),
  over90: Number(row.over90 ?? 0),
  balance: Number(row.balance ?? 0),
  credit: Number(row.credit ?? 0),
});

/**
 * Aging of the billed clients' open invoices as of a date (docs/business-rules.md, Receivables):
 * one row per billed client owing something or holding a credit on account, heads only
 * (`isGrouped`) or the other clients, with the totals of every row (not only the page's).
 * `Solde` is the sum of the buckets: invoices − credit notes − applied payments.
 */
export async function agingAsOf(
  db: Executor,
  options: { asOf: string; isGrouped: boolean; sort?: AgingSort; page?: number; pageSize?: number | null },
): Promise<AgingReport> {
  const sort = options.sort ?? 'balance';
  const pageSize = options.pageSize === undefined ? AGING_PAGE_SIZE : options.pageSize;
  const page = Math.max(1, options.page ?? 1);
  const order =
    sort === 'balance'
      ? sql`r.balance desc, r.client_number`
      : sort === 'oldest'
        ? sql`r.oldest_due_date asc nulls last, r.balance desc, r.client_number`
        : sql`r.client_number`;
  const rows = await queryRows<
    AmountColumns & { client_number: number; name: string; is_head: boolean; oldest_due_date: string | null; client_count: number } & {
      [K in `total_${AgingBucket | 'balance' | 'credit'}`]: string | null;
    }
  >(
    db,
    sql`
      with open_invoices as (
        select billed_client_number, due_date, balance_cents, (${options.asOf}::date - due_date) as days
          from (${invoiceBalancesAsOf(options.asOf)}) b
         where balance_cents > 0),
      per_client as (
        select billed_client_number, ${bucketsSql}, min(due_date) as oldest_due_date
          from open_invoices group by billed_client_number),
      credits as (
        select billed_client_number, sum(unapplied_cents) as credit
          from (${paymentCreditsAsOf(options.asOf)}) p
         where unapplied_cents > 0 group by billed_client_number),
      r as (
        select coalesce(pc.billed_client_number, cr.billed_client_number) as client_number,
               coalesce(pc.current, 0) as current, coalesce(pc.days1to30, 0) as days1to30, coalesce(pc.days31to60, 0) as days31to60,
               coalesce(pc.days61to90, 0) as days61to90, coalesce(pc.over90, 0) as over90, coalesce(pc.balance, 0) as balance,
               coalesce(cr.credit, 0) as credit, pc.oldest_due_date, c.name, ${isHeadSql()} as is_head
          from per_client pc
          full join credits cr on cr.billed_client_number = pc.billed_client_number
          join clients c on c.number = coalesce(pc.billed_client_number, cr.billed_client_number)
         where ${isHeadSql()} = ${options.isGrouped})
      select r.client_number, r.name, r.is_head, r.oldest_due_date::text,
             r.current::int8, r.days1to30::int8, r.days31to60::int8, r.days61to90::int8, r.over90::int8, r.balance::int8, r.credit::int8,
             count(*) over () as client_count,
             sum(r.current) over ()::int8 as total_current, sum(r.days1to30) over ()::int8 as total_days1to30,
             sum(r.days31to60) over ()::int8 as total_days31to60, sum(r.days61to90) over ()::int8 as total_days61to90,
             sum(r.over90) over ()::int8 as total_over90, sum(r.balance) over ()::int8 as total_balance,
             sum(r.credit) over ()::int8 as total_credit
        from r
       order by ${order}
       ${pageSize === null ? sql`` : sql`limit ${pageSize} offset ${(page - 1) * pageSize}`}`,
  );
  const first = rows[0];
  const totals = first
    ? amountsOf({
        current: first.total_current,
        days1to30: first.total_days1to30,
        days31to60: first.total_days31to60,
        days61to90: first.total_days61to90,
        over90: first.total_over90,
        balance: first.total_balance,
        credit: first.total_credit,
      })
    : amountsOf({ current: 0, days1to30: 0, days31to60: 0, days61to90: 0, over90: 0, balance: 0, credit: 0 });
  return {
    rows: rows.map((row) => ({
      ...amountsOf(row),
      clientNumber: Number(row.client_number),
      name: row.name,
      isHead: row.is_head,
      oldestDueDate: row.oldest_due_date,
    })),
    totals,
    clientCount: first ? Number(first.client_count) : 0,
  };
}

export type MemberAging = Record<AgingBucket, number> & { clientNumber: number; name: string; balance: number };

/**
 * A head's open balances broken down by member, following what each member still owes: an open
 * grouped invoice's balance is shared among its members in proportion to what is left of their
 * lines (their calls less the calls credited on them by that date); credit notes of an amount
 * and payments, which name no member, fall on each in that same proportion. Shares are whole
 * cents, floored; the cents left by flooring go to the largest share (docs/business-rules.md,
 * Balances as of a date), so that the members' rows add up to the head's balance to the cent.
 */
export async function memberAgingAsOf(db: Executor, asOf: string, headNumbers: readonly number[]): Promise<Map<number, MemberAging[]>> {
  const result = new Map<number, MemberAging[]>();
  if (headNumbers.length === 0) return result;
  const rows = await queryRows<{ head: number; client_number: number; name: string } & AmountColumns>(
    db,
    sql`
      with open_invoices as (
        select id, billed_client_number, balance_cents, (${asOf}::date - due_date) as days
          from (${invoiceBalancesAsOf(asOf)}) b
         where balance_cents > 0 and billed_client_number = any(${sql.param(headNumbers)}::int[])),
      credited_lines as (
        select cl.invoice_line_id, sum(cl.amount_cents) as credited_cents
          from credit_note_lines cl join credit_notes n on n.id = cl.credit_note_id
         where n.invoice_id in (select id from open_invoices) and n.issue_date <= ${asOf}::date and cl.invoice_line_id is not null
         group by cl.invoice_line_id),
      member_lines as (
        select o.id, o.billed_client_number, o.balance_cents, o.days, l.client_number,
               sum(l.amount_cents - coalesce(cr.credited_cents, 0)) as left_cents
          from open_invoices o
          join invoice_lines l on l.invoice_id = o.id
          left join credited_lines cr on cr.invoice_line_id = l.id
         group by o.id, o.billed_client_number, o.balance_cents, o.days, l.client_number),
      floored as (
        -- Whole cents: div() of numerics (the sums), never a fractional quotient.
        select *, coalesce(div(balance_cents * left_cents, nullif(sum(left_cents) over (partition by id), 0)), 0) as floor_share
          from member_lines),
      ranked as (
        select *, row_number() over (partition by id order by floor_share desc, left_cents desc, client_number) as rank,
                  balance_cents - sum(floor_share) over (partition by id) as cents_left
          from floored),
      member_share as (
        select billed_client_number, client_number, days,
               floor_share + case when rank = 1 then cents_left else 0 end as balance_cents
          from ranked)
      select m.billed_client_number as head, m.client_number, c.name, ${bucketsSql}, 0 as credit
        from member_share m join clients c on c.number = m.client_number
       group by m.billed_client_number, m.client_number, c.name
      -- A member whose calls were all credited owes nothing: no row.
      having sum(m.balance_cents) <> 0
       order by m.billed_client_number, m.client_number`,
  );
  for (const row of rows) {
    const head = Number(row.head);
    const list = result.get(head) ?? [];
    const { credit: _credit, ...amounts } = amountsOf(row);
    list.push({ ...amounts, clientNumber: Number(row.client_number), name: row.name });
    result.set(head, list);
  }
  return result;
}
