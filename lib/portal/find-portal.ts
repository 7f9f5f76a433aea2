/**
 * What a portal user reads, every query scoped by its account (portal-account.ts), never by a
 * number of the request alone: a number the request names (an invoice, a statement, a member)
 * is looked up within the account, and answers nothing outside it.
 *
 * The calls of an account are those it is billed for: a call on an invoice not void, when that
 * invoice is the account's; a call not invoiced yet, when its client was the account itself
 * (billed alone, or the head) or a member of the account's group on its service date. A member's
 * calls billed on another head, from before it joined or after it left, are not the account's.
 */
import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { queryRows, type Executor } from '@/db/index';
import type { contestStatusEnum } from '@/db/schema';
import { invoiceOfCall } from '@/lib/billing/invoiced-calls';
import { CALL_STATUSES } from '@/lib/calls/call-input';
import { addDays } from '@/lib/dates/montreal';
import { isoDate } from '@/lib/forms/dates';
import { escapeLike } from '@/lib/text/like-pattern';
import { invoiceBalancesAsOf } from '@/lib/receivables/balances';
import { defineUrlState, optionalQueryNumber } from '@/lib/url-state';

export const PORTAL_PAGE_SIZE = 50;

// ---------------------------------------------------------------- home

export type PortalSummary = {
  balanceCents: number;
  overdueCents: number;
  lastStatement: { id: number; from: string; to: string; closingCents: number } | null;
  payments: { receivedOn: string; method: string; reference: string | null; amountCents: number }[];
  memberCount: number;
};

export async function portalSummary(db: Executor, account: number, today: string): Promise<PortalSummary> {
  const [balances, statements, payments, members] = await Promise.all([
    queryRows<{ balance: string | null; overdue: string | null }>(
      db,
      sql`select sum(b.balance_cents)::text as balance, sum(b.balance_cents) filter (where b.due_date < ${today}::date)::text as overdue
            from (${invoiceBalancesAsOf(today, { clientNumber: account })}) b`,
    ),
    accountStatements(db, account, sql`true`, 1),
    queryRows<{ received_on: string; method: string; reference: string | null; amount: string }>(
      db,
      sql`select received_on::text, method::text, reference, amount_cents::text as amount
            from payments where billed_client_number = ${account} and status = 'posted'
           order by received_on desc, id desc limit 10`,
    ),
    queryRows<{ count: number }>(
      db,
      sql`select count(distinct client_number)::int as count from group_memberships
           where head_number = ${account} and client_number <> ${account} and (valid_to is null or valid_to > ${today}::date)`,
    ),
  ]);
  return {
    balanceCents: Number(balances[0]?.balance ?? 0),
    overdueCents: Number(balances[0]?.overdue ?? 0),
    lastStatement: statements[0] ?? null,
    payments: payments.map((p) => ({ receivedOn: p.received_on, method: p.method, reference: p.reference, amountCents: Number(p.amount) })),
    memberCount: members[0]?.count ?? 0,
  };
}

// ---------------------------------------------------------------- invoices and statements

export type PortalInvoice = {
  number: number;
  issueDate: string;
  dueDate: string;
  totalCents: number;
  balanceCents: number;
  status: 'open' | 'overdue' | 'paid' | 'void';
};

/** The account's invoices, newest first, a page at a time. */
export async function portalInvoices(
  db: Executor,
  account: number,
  today: string,
  page: number,
): Promise<{ rows: PortalInvoice[]; hasNextPage: boolean }> {
  const rows = await queryRows<{ number: string; issue_date: string; due_date: string; total: string; balance: string; is_void: boolean }>(
    db,
    sql`select number::text, issue_date::text, due_date::text, total_cents::text as total,
               (total_cents - credited_cents - paid_cents)::text as balance, status = 'void' as is_void
          from invoices where billed_client_number = ${account}
         order by issue_date desc, number desc
         limit ${PORTAL_PAGE_SIZE + 1} offset ${(page - 1) * PORTAL_PAGE_SIZE}`,
  );
  return {
    rows: rows.slice(0, PORTAL_PAGE_SIZE).map((row) => {
      const balanceCents = Number(row.balance);
      return {
        number: Number(row.number),
        issueDate: row.issue_date,
        dueDate: row.due_date,
        totalCents: Number(row.total),
        balanceCents: row.is_void ? 0 : balanceCents,
        status: row.is_void ? 'void' : balanceCents <= 0 ? 'paid' : row.due_date < today ? 'overdue' : 'open',
      };
    }),
    hasNextPage: rows.length > PORTAL_PAGE_SIZE,
  };
}

/** Whether invoice `number` is the account's: the portal's PDF is sent for no other. */
export async function isAccountInvoice(db: Executor, account: number, number: number): Promise<boolean> {
  const [row] = await queryRows<{ found: boolean }>(
    db,
    sql`select exists (select 1 from invoices where number = ${number} and billed_client_number = ${account}) as found`,
  );
  return row?.found ?? false;
}

export type PortalStatement = { id: number; from: string; to: string; closingCents: number };

/** The account's statements of account that `condition` keeps, newest first. */
async function accountStatements(db: Executor, account: number, condition: SQL, limit: number): Promise<PortalStatement[]> {
  const rows = await queryRows<{ id: number; from: string; to: string; closing: string }>(
    db,
    sql`select id::int, period_from::text as from, period_to::text as to, closing_cents::text as closing
          from statements where billed_client_number = ${account} and ${condition}
         order by period_to desc, id desc limit ${limit}`,
  );
  return rows.map((row) => ({ id: row.id, from: row.from, to: row.to, closingCents: Number(row.closing) }));
}

/** The account's statements of account, newest first. */
export function portalStatements(db: Executor, account: number): Promise<PortalStatement[]> {
  return accountStatements(db, account, sql`true`, 200);
}

/** Statement `id` if it is the account's. */
export async function accountStatement(db: Executor, account: number, id: number): Promise<PortalStatement | null> {
  return (await accountStatements(db, account, sql`id = ${id}`, 1))[0] ?? null;
}

// ---------------------------------------------------------------- members

export type PortalMember = { clientNumber: number; name: string; from: string | null; to: string | null };

/** The members of the account's group over time (the head itself left out), newest first. */
export async function portalMembers(db: Executor, account: number): Promise<PortalMember[]> {
  const rows = await queryRows<{ client_number: number; name: string; from: string | null; to: string | null }>(
    db,
    sql`select m.client_number, c.name,
               case when m.valid_from = '-infinity' then null else m.valid_from::text end as from, m.valid_to::text as to
          from group_memberships m join clients c on c.number = m.client_number
         where m.head_number = ${account} and m.client_number <> ${account}
         order by (m.valid_to is null) desc, m.client_number, m.valid_from`,
  );
  return rows.map((row) => ({ clientNumber: row.client_number, name: row.name, from: row.from, to: row.to }));
}

// ---------------------------------------------------------------- calls

export const portalCallSearchParams = z.object({
  member: optionalQueryNumber('integer'),
  from: isoDate.optional().catch(undefined),
  to: isoDate.optional().catch(undefined),
  reference: z.string().trim().max(100).optional().catch(undefined),
  status: z.enum(CALL_STATUSES).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
export type PortalCallSearch = z.output<typeof portalCallSearchParams>;
export const portalCallSearchUrl = defineUrlState('/portal/calls', portalCallSearchParams);

export type PortalCall = {
  number: number;
  serviceDate: string;
  clientNumber: number;
  clientName: string;
  pickupAddress: string;
  destinationAddress: string;
  clientReference: string | null;
  referenceValues: Record<string, string>;
  priceCents: number;
  status: (typeof CALL_STATUSES)[number];
  invoiceNumber: number | null;
};

/** A call of a page of the list, with where the account's latest contest of it stands (lib/contests), if any. */
export type PortalListedCall = PortalCall & { contestStatus: (typeof contestStatusEnum.enumValues)[number] | null };

/** The clients whose calls may be the account's: itself and every client that was ever in its group. */
const groupClientsOf = (account: number) =>
  sql`select client_number from group_memberships where head_number = ${account} union select ${account}`;

type CallsQuery = Omit<PortalCallSearch, 'page'> & {
  /** One call, by its number (still looked up within the account). */
  number?: number;
  /** The calls served on or after this date only (portalCalls' bound on the first pages). */
  since?: string;
};

/** The account's calls that the search asks for (see the module's comment for which are the account's). */
function accountCallsQuery(account: number, search: CallsQuery): SQL {
  const filters: SQL[] = [];
  if (search.number !== undefined) filters.push(sql`k.number = ${search.number}`);
  if (search.since) filters.push(sql`k.service_date >= ${search.since}::date`);
  if (search.member !== undefined) filters.push(sql`k.client_number = ${search.member}`);
  if (search.from) filters.push(sql`k.service_date >= ${search.from}::date`);
  if (search.to) filters.push(sql`k.service_date <= ${search.to}::date`);
  if (search.status) filters.push(sql`k.status = ${search.status}`);
  if (search.reference) {
    const pattern = `%${escapeLike(search.reference)}%`;
    filters.push(
      sql`(k.client_reference ilike ${pattern} or exists (select 1 from jsonb_each_text(k.reference_values) e where e.value ilike ${pattern}))`,
    );
  }
  const onServiceDate = sql`m.valid_from <= k.service_date and (m.valid_to is null or k.service_date < m.valid_to)`;
  return sql`
    select k.number, k.service_date, k.service_at, k.client_number, c.name as client_name, k.pickup_address,
           k.destination_address, k.client_reference, k.reference_values, k.price_cents, k.status, inv.number as invoice_number
      from calls k
      join clients c on c.number = k.client_number
      left join lateral (select i.number, i.billed_client_number ${invoiceOfCall(sql`k.number`)}) inv on true
     where k.client_number in (${groupClientsOf(account)})
       and case when inv.number is not null then inv.billed_client_number = ${account}
                else exists (select 1 from group_memberships m where m.client_number = k.client_number and ${onServiceDate}
                                                                and m.head_number = ${account})
                     or (k.client_number = ${account}
                         and not exists (select 1 from group_memberships m where m.client_number = k.client_number and ${onServiceDate}))
           end
       ${filters.length > 0 ? sql`and ${sql.join(filters, sql` and `)}` : sql``}`;
}

/**
 * The service date from which the group's clients have `wanted` calls of the search's dates and
 * member (served on or before `upTo`, when given), read from each client's latest calls down in
 * the index on the client and the service date (entries only, at most `wanted` of each client,
 * however many calls it has: for a first page, 51 entries a client). Null when they have fewer.
 */
async function recentDateBound(
  db: Executor,
  account: number,
  search: Omit<PortalCallSearch, 'page'>,
  wanted: number,
  upTo?: string,
): Promise<string | null> {
  const dates: SQL[] = [];
  if (search.from) dates.push(sql`and k.service_date >= ${search.from}::date`);
  if (search.to) dates.push(sql`and k.service_date <= ${search.to}::date`);
  if (upTo) dates.push(sql`and k.service_date <= ${upTo}::date`);
  const clients =
    search.member === undefined
      ? groupClientsOf(account)
      : sql`select client_number from (${groupClientsOf(account)}) g where client_number = ${search.member}`;
  const [bound] = await queryRows<{ since: string | null; count: number }>(
    db,
    sql`select min(d.service_date)::text as since, count(*)::int as count
          from (select x.service_date
                  from (${clients}) g
                 cross join lateral (select k.service_date from calls k where k.client_number = g.client_number ${sql.join(dates, sql` `)}
                                      order by k.service_date desc limit ${wanted}) x
                 order by x.service_date desc limit ${wanted}) d`,
  );
  return bound && bound.count >= wanted ? bound.since : null;
}

type CallRow = {
  number: string;
  service_date: string;
  client_number: number;
  client_name: string;
  pickup_address: string;
  destination_address: string;
  client_reference: string | null;
  reference_values: Record<string, string>;
  price_cents: string;
  status: PortalCall['status'];
  invoice_number: string | null;
};

const callOf = (row: CallRow): PortalCall => ({
  number: Number(row.number),
  serviceDate: row.service_date,
  clientNumber: row.client_number,
  clientName: row.client_name,
  pickupAddress: row.pickup_address,
  destinationAddress: row.destination_address,
  clientReference: row.client_reference,
  referenceValues: row.reference_values,
  priceCents: Number(row.price_cents),
  status: row.status,
  invoiceNumber: row.invoice_number === null ? null : Number(row.invoice_number),
});

/** The first ten pages are bounded by recentDateBound; further ones read the whole. */
const BOUNDED_PAGES = 10;

/** A page of the account's calls, the most recent service first (by its date, then its time). */
export async function portalCalls(
  db: Executor,
  account: number,
  search: PortalCallSearch,
): Promise<{ rows: PortalListedCall[]; hasNextPage: boolean }> {
  // The contests looked up for the page's calls only, once they are chosen.
  const page = (since: string | null) =>
    queryRows<CallRow & { contest_status: PortalListedCall['contestStatus'] }>(
      db,
      sql`select p.*, (select c.status::text from call_contests c where c.call_number = p.number::bigint and c.account_number = ${account}
                        order by c.contested_at desc, c.id desc limit 1) as contest_status
            from (select a.number::text, a.service_date::text, a.client_number, a.client_name, a.pickup_address, a.destination_address,
                         a.client_reference, a.reference_values, a.price_cents::text, a.status, a.invoice_number::text,
                         a.service_at
                    from (${accountCallsQuery(account, { ...search, since: since ?? undefined })}) a
                   order by a.service_date desc, a.service_at desc, a.number desc
                   limit ${PORTAL_PAGE_SIZE + 1} offset ${(search.page - 1) * PORTAL_PAGE_SIZE}) p
           order by p.service_date desc, p.service_at desc, p.number::bigint desc`,
    );
  // The calls up to the end of this page and one more, which says whether another page follows:
  // looked for from the date where the group's clients have that many. Calls are ordered by their
  // date first, so a page found whole there is the page; a page cut short there (the account's
  // own calls among them fewer: a status, a reference, calls billed to another head) is read again
  // over every date.
  const wanted = search.page * PORTAL_PAGE_SIZE + 1;
  const since = search.page <= BOUNDED_PAGES ? await recentDateBound(db, account, search, wanted) : null;
  let rows = await page(since);
  if (since !== null && rows.length <= PORTAL_PAGE_SIZE) rows = await page(null);
  return {
    rows: rows.slice(0, PORTAL_PAGE_SIZE).map((row) => ({ ...callOf(row), contestStatus: row.contest_status })),
    hasNextPage: rows.length > PORTAL_PAGE_SIZE,
  };
}

/** Call `number` if it is one of the account's (see the module's comment), else null. */
export async function portalCall(db: Executor, account: number, number: number): Promise<PortalCall | null> {
  const [row] = await queryRows<CallRow>(
    db,
    sql`select a.number::text, a.service_date::text, a.client_number, a.client_name, a.pickup_address, a.destination_address,
               a.client_reference, a.reference_values, a.price_cents::text, a.status, a.invoice_number::text
          from (${accountCallsQuery(account, { number })}) a`,
  );
  return row ? callOf(row) : null;
}

const EXPORT_PAGE = 2_000;

/**
 * Every call of the search, in the pages' order, read a couple of thousand at a time (a head's
 * year may be 100,000 calls): each read bounded by the date from which the group's clients have
 * that many calls before the last one read (recentDateBound), so that each reads about a page of
 * rows, not all those left. A read cut short at its bound has every call of its dates: the next
 * one starts before them.
 */
export async function* portalCallPages(
  db: Executor,
  account: number,
  search: Omit<PortalCallSearch, 'page'>,
  pageSize = EXPORT_PAGE,
): AsyncGenerator<PortalCall[]> {
  type Cursor = { date: string; at: string; number: string } | { before: string };
  let after: Cursor | null = null;
  for (;;) {
    const upTo: string | undefined = after === null ? undefined : 'before' in after ? addDays(after.before, -1) : after.date;
    const since = await recentDateBound(db, account, search, pageSize, upTo);
    const position =
      after === null
        ? sql`true`
        : 'before' in after
          ? sql`a.service_date < ${after.before}::date`
          : sql`(a.service_date, a.service_at, a.number) < (${after.date}::date, ${after.at}::timestamptz, ${after.number}::bigint)`;
    const page: (CallRow & { cursor_at: string })[] = await queryRows(
      db,
      sql`select a.number::text, a.service_date::text, a.client_number, a.client_name, a.pickup_address, a.destination_address,
                 a.client_reference, a.reference_values, a.price_cents::text, a.status, a.invoice_number::text,
                 a.service_at::text as cursor_at
            from (${accountCallsQuery(account, { ...search, since: since ?? undefined })}) a
           where ${position}
           order by a.service_date desc, a.service_at desc, a.number desc
           limit ${pageSize}`,
    );
    if (page.length > 0) yield page.map(callOf);
    if (page.length === pageSize) {
      const last = page.at(-1)!;
      after = { date: last.service_date, at: last.cursor_at, number: last.number };
    } else if (since !== null) {
      after = { before: since };
    } else {
      return;
    }
  }
}
