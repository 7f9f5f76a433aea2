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
import { CALL_STATUSES } from '@/lib/calls/call-input';
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

/**
 * The account's calls that the search asks for (see the module's comment for which are the
 * account's). With `latest`, only the `latest` most recent of each of the group's clients (by
 * the index on the client and the service date, stopping there): the first pages of a head of
 * hundreds of members and a hundred thousand calls read a few thousand rows, not all of them.
 */
function accountCallsQuery(account: number, search: Omit<PortalCallSearch, 'page'> & { number?: number }, latest?: number): SQL {
  const filters: SQL[] = [];
  if (search.number !== undefined) filters.push(sql`k.number = ${search.number}`);
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
  const groupClients = sql`select client_number from group_memberships where head_number = ${account} union select ${account}`;
  const onServiceDate = sql`m.valid_from <= k.service_date and (m.valid_to is null or k.service_date < m.valid_to)`;
  const calls = (clientCondition: SQL, tail: SQL) => sql`
    select k.number, k.service_date, k.service_at, k.client_number, c.name as client_name, k.pickup_address,
           k.destination_address, k.client_reference, k.reference_values, k.price_cents, k.status, inv.number as invoice_number
      from calls k
      join clients c on c.number = k.client_number
      left join lateral (select i.number, i.billed_client_number from invoice_lines l join invoices i on i.id = l.invoice_id
                          where l.call_number = k.number and not l.is_void limit 1) inv on true
     where ${clientCondition}
       and case when inv.number is not null then inv.billed_client_number = ${account}
                else exists (select 1 from group_memberships m where m.client_number = k.client_number and ${onServiceDate}
                                                                and m.head_number = ${account})
                     or (k.client_number = ${account}
                         and not exists (select 1 from group_memberships m where m.client_number = k.client_number and ${onServiceDate}))
           end
       ${filters.length > 0 ? sql`and ${sql.join(filters, sql` and `)}` : sql``}
     ${tail}`;
  if (latest === undefined) return calls(sql`k.client_number in (${groupClients})`, sql``);
  return sql`
    select x.* from (${groupClients}) g
     cross join lateral (${calls(
       sql`k.client_number = g.client_number`,
       sql`order by k.service_date desc, k.service_at desc, k.number desc limit ${latest}`,
     )}) x`;
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

/**
 * Up to this many calls from the first (the first ten pages), each client of the group is read
 * from its most recent calls down (accountCallsQuery's `latest`); further pages read the whole.
 */
const LATEST_PER_CLIENT_UP_TO = 10 * PORTAL_PAGE_SIZE + 1;

/** A page of the account's calls, the most recent service first (by its date, then its time). */
export async function portalCalls(
  db: Executor,
  account: number,
  search: PortalCallSearch,
): Promise<{ rows: PortalCall[]; hasNextPage: boolean }> {
  // The calls up to the end of this page and one more, which says whether another page follows.
  const wanted = search.page * PORTAL_PAGE_SIZE + 1;
  const rows = await queryRows<CallRow>(
    db,
    sql`select a.number::text, a.service_date::text, a.client_number, a.client_name, a.pickup_address, a.destination_address,
               a.client_reference, a.reference_values, a.price_cents::text, a.status, a.invoice_number::text
          from (${accountCallsQuery(account, search, wanted <= LATEST_PER_CLIENT_UP_TO ? wanted : undefined)}) a
         order by a.service_date desc, a.service_at desc, a.number desc
         limit ${PORTAL_PAGE_SIZE + 1} offset ${(search.page - 1) * PORTAL_PAGE_SIZE}`,
  );
  return { rows: rows.slice(0, PORTAL_PAGE_SIZE).map(callOf), hasNextPage: rows.length > PORTAL_PAGE_SIZE };
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

const EXPORT_PAGE = 5_000;

/** Every call of the search, in the pages' order, read a few thousand at a time (a head's year may be 100,000 calls). */
export async function* portalCallPages(
  db: Executor,
  account: number,
  search: Omit<PortalCallSearch, 'page'>,
): AsyncGenerator<PortalCall[]> {
  let after: { date: string; at: string; number: string } | null = null;
  for (;;) {
    const page: (CallRow & { cursor_at: string })[] = await queryRows(
      db,
      sql`select a.number::text, a.service_date::text, a.client_number, a.client_name, a.pickup_address, a.destination_address,
                 a.client_reference, a.reference_values, a.price_cents::text, a.status, a.invoice_number::text,
                 a.service_at::text as cursor_at
            from (${accountCallsQuery(account, search)}) a
           where ${after === null ? sql`true` : sql`(a.service_date, a.service_at, a.number) < (${after.date}::date, ${after.at}::timestamptz, ${after.number}::bigint)`}
           order by a.service_date desc, a.service_at desc, a.number desc
           limit ${EXPORT_PAGE}`,
    );
    if (page.length === 0) return;
    yield page.map(callOf);
    const last = page.at(-1)!;
    after = { date: last.service_date, at: last.cursor_at, number: last.number };
    if (page.length < EXPORT_PAGE) return;
  }
}
