/**
 * What is read of contested calls: a call's contests (its page, for the staff; the portal's call
 * page, within the account), an account's latest contests (the portal's home) and the contests a
 * billing clerk answers (`/billing/contests`).
 */
import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { queryRows, type Executor } from '@/db/index';
import type { contestStatusEnum } from '@/db/schema';
import { invoiceOfCall } from '@/lib/billing/invoiced-calls';
import { defineUrlState } from '@/lib/url-state';

export type ContestStatus = (typeof contestStatusEnum.enumValues)[number];

export type CallContest = {
  id: number;
  callNumber: number;
  accountNumber: number;
  accountName: string;
  comment: string;
  contestedBy: string;
  contestedAt: Date;
  status: ContestStatus;
  answer: string | null;
  answeredBy: string | null;
  answeredAt: Date | null;
  creditNote: { number: number; totalCents: number } | null;
  /** The invoice the call is on, if it is invoiced. */
  invoiceNumber: number | null;
  clientNumber: number;
  clientName: string;
  serviceDate: string;
  priceCents: number;
};

type Row = {
  id: number;
  call_number: string;
  account_number: number;
  account_name: string;
  comment: string;
  contested_by: string;
  contested_at: Date | string;
  status: ContestStatus;
  answer: string | null;
  answered_by: string | null;
  answered_at: Date | string | null;
  credit_note_number: string | null;
  credit_note_total: string | null;
  invoice_number: string | null;
  client_number: number;
  client_name: string;
  service_date: string;
  price_cents: string;
};

function contestsQuery(where: SQL, order: SQL, limit: number, offset = 0): SQL {
  return sql`
    select c.id, c.call_number::text, c.account_number, a.name as account_name, c.comment, cu.name as contested_by,
           c.contested_at, c.status, c.answer, au.name as answered_by, c.answered_at,
           n.number::text as credit_note_number, n.total_cents::text as credit_note_total,
           (select i.number::text ${invoiceOfCall(sql`c.call_number`)}) as invoice_number,
           k.client_number, kc.name as client_name, k.service_date::text, k.price_cents::text
      from call_contests c
      join calls k on k.number = c.call_number
      join clients kc on kc.number = k.client_number
      join clients a on a.number = c.account_number
      join users cu on cu.id = c.contested_by
      left join users au on au.id = c.answered_by
      left join credit_notes n on n.id = c.credit_note_id
     where ${where}
     order by ${order}
     limit ${limit} offset ${offset}`;
}

const contestOf = (row: Row): CallContest => ({
  id: row.id,
  callNumber: Number(row.call_number),
  accountNumber: row.account_number,
  accountName: row.account_name,
  comment: row.comment,
  contestedBy: row.contested_by,
  contestedAt: new Date(row.contested_at),
  status: row.status,
  answer: row.answer,
  answeredBy: row.answered_by,
  answeredAt: row.answered_at === null ? null : new Date(row.answered_at),
  creditNote:
    row.credit_note_number === null ? null : { number: Number(row.credit_note_number), totalCents: Number(row.credit_note_total) },
  invoiceNumber: row.invoice_number === null ? null : Number(row.invoice_number),
  clientNumber: row.client_number,
  clientName: row.client_name,
  serviceDate: row.service_date,
  priceCents: Number(row.price_cents),
});

/** Every contest of call `number`, the latest first (the staff's call page). */
export async function contestsOfCall(db: Executor, number: number): Promise<CallContest[]> {
  return (await queryRows<Row>(db, contestsQuery(sql`c.call_number = ${number}`, sql`c.contested_at desc, c.id desc`, 100))).map(contestOf);
}

/**
 * The contests of `account`, the latest first: of call `callNumber` (the portal's call page) or
 * of any call (its home). Only the account's own: another account's contest of the same call
 * (before a move of its client) is not shown.
 */
export async function accountContests(db: Executor, account: number, callNumber: number | null, limit = 20): Promise<CallContest[]> {
  const where =
    callNumber === null ? sql`c.account_number = ${account}` : sql`c.account_number = ${account} and c.call_number = ${callNumber}`;
  return (await queryRows<Row>(db, contestsQuery(where, sql`c.contested_at desc, c.id desc`, limit))).map(contestOf);
}

export const CONTEST_FILTERS = ['open', 'answered'] as const;
export const contestSearchParams = z.object({
  status: z.enum(CONTEST_FILTERS).catch('open'),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
export type ContestSearch = z.output<typeof contestSearchParams>;
export const contestSearchUrl = defineUrlState('/billing/contests', contestSearchParams);
export const CONTESTS_PAGE_SIZE = 50;

/**
 * The contests a billing clerk answers (`/billing/contests`), invoiced calls' as the others':
 * those waiting, the oldest first, or those answered, the latest first; a page at a time.
 */
export async function findContests(db: Executor, search: ContestSearch): Promise<{ rows: CallContest[]; hasNextPage: boolean }> {
  const [where, order] =
    search.status === 'open'
      ? [sql`c.status = 'open'`, sql`c.contested_at, c.id`]
      : [sql`c.status <> 'open'`, sql`c.answered_at desc, c.id desc`];
  const rows = await queryRows<Row>(db, contestsQuery(where, order, CONTESTS_PAGE_SIZE + 1, (search.page - 1) * CONTESTS_PAGE_SIZE));
  return { rows: rows.slice(0, CONTESTS_PAGE_SIZE).map(contestOf), hasNextPage: rows.length > CONTESTS_PAGE_SIZE };
}

/** How many contests wait for an answer (the review says so, with a link to them). */
export async function openContestCount(db: Executor): Promise<number> {
  const [row] = await queryRows<{ count: number }>(db, sql`select count(*)::int as count from call_contests where status = 'open'`);
  return row?.count ?? 0;
}
