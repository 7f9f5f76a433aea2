/** The client list: search by number or name (accent- and case-insensitive), filters, sort, pages. */
import { and, asc, desc, eq, isNull, ne, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from '@/db/index';
import { clients } from '@/db/schema';
import { defineUrlState } from '@/lib/url-state';
import { escapeLike } from '@/lib/text/like-pattern';

export const CLIENT_SORTS = ['number', 'name', 'city', 'grouped', 'active'] as const;
export type ClientSort = (typeof CLIENT_SORTS)[number];

/** The list's query string, validated: anything unexpected falls back to the default. */
export const clientSearchParams = z.object({
  q: z.string().trim().max(100).catch(''),
  filter: z.enum(['all', 'heads', 'members', 'ungrouped']).catch('all'),
  head: z.coerce.number().int().min(1).max(99_999_999).optional().catch(undefined),
  sort: z.enum(CLIENT_SORTS).catch('number'),
  dir: z.enum(['asc', 'desc']).catch('asc'),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type ClientSearch = z.output<typeof clientSearchParams>;
const clientSearchState = defineUrlState('/clients', clientSearchParams);
/** The client list's URL state; a head's number is carried only with the filter "members", the one that reads it. */
export const clientSearchUrl = {
  ...clientSearchState,
  href: (search: ClientSearch, changes: Partial<ClientSearch> = {}) => {
    const next = { ...search, ...changes };
    return clientSearchState.href(next.filter === 'members' ? next : { ...next, head: undefined });
  },
};

export type ClientListRow = {
  number: number;
  name: string;
  city: string;
  groupedClientNumber: number | null;
  isActive: boolean;
};

export const CLIENT_PAGE_SIZE = 50;

export async function findClients(db: Executor, search: ClientSearch): Promise<{ rows: ClientListRow[]; total: number; pages: number }> {
  const conditions: SQL[] = [];
  if (search.q) {
    const contains = `%${escapeLike(search.q)}%`;
    const byName = sql`${clients.nameFolded} like fold_text(${contains})`;
    conditions.push(/^\d+$/.test(search.q) ? sql`(${clients.number}::text like ${`${search.q}%`} or ${byName})` : byName);
  }
  if (search.filter === 'heads') conditions.push(eq(clients.groupedClientNumber, clients.number));
  if (search.filter === 'ungrouped') conditions.push(isNull(clients.groupedClientNumber));
  if (search.filter === 'members') {
    conditions.push(search.head ? and(eq(clients.groupedClientNumber, search.head), ne(clients.number, search.head))! : sql`false`);
  }

  const where = conditions.length ? and(...conditions) : undefined;
  const listed = {
    number: clients.number,
    name: clients.name,
    city: clients.city,
    groupedClientNumber: clients.groupedClientNumber,
    isActive: clients.isActive,
  };
  const inPages = (total: number) => Math.max(1, Math.ceil(total / CLIENT_PAGE_SIZE));
  const offset = (search.page - 1) * CLIENT_PAGE_SIZE;
  const count = async () => {
    const [counted] = await db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(clients)
      .where(where);
    return counted?.n ?? 0;
  };

  if (!where) {
    // The whole list: its page read in the sort's order only as far as the page (from the sort's
    // index where it has one: number, name, group), beside a count of the table. A count riding
    // on the page (count(*) over ()) would read every client and sort them all first: 20,000
    // clients sorted by name, page 20, took 29 ms that way, against 1.5 ms for the page and 3 ms
    // for the count.
    const [rows, total] = await Promise.all([
      db
        .select(listed)
        .from(clients)
        .orderBy(...orderOf(clients, search))
        .limit(CLIENT_PAGE_SIZE)
        .offset(offset),
      count(),
    ]);
    return { rows, total, pages: inPages(total) };
  }

  // A search: the clients found, counted as they are read (count(*) over ()), then sorted and cut
  // to the page. Counted in a query of their own, they are found the quickest way (by the names'
  // trigram index for a name): with the order and the page on the same query, PostgreSQL read
  // every client in the sort's order to stop at the page, not seeing that the count reads them
  // all anyway — « cote » at 20,000 clients, 1,245 found: 10.9 ms against 3.2 (EXPLAIN ANALYZE).
  const found = db
    .select({ ...listed, nameFolded: clients.nameFolded, total: sql<number>`count(*) over ()`.as('total') })
    .from(clients)
    .where(where)
    .as('found');
  const page = await db
    .select()
    .from(found)
    .orderBy(...orderOf(found, search))
    .limit(CLIENT_PAGE_SIZE)
    .offset(offset);
  // Past the last page, count(*) over () has no row to ride on: count separately.
  const total = page.length === 0 && search.page > 1 ? await count() : Number(page[0]?.total ?? 0);
  return { rows: page.map(({ total: _total, nameFolded: _nameFolded, ...row }) => row), total, pages: inPages(total) };
}

/**
 * The order of a page, of the clients table or of the clients found: the sort's column in its
 * direction, then the client number, so that equal values keep one order from page to page.
 */
function orderOf(
  from: Record<'number' | 'nameFolded' | 'city' | 'groupedClientNumber' | 'isActive', AnyColumn>,
  search: Pick<ClientSearch, 'sort' | 'dir'>,
) {
  const column = { number: from.number, name: from.nameFolded, city: from.city, grouped: from.groupedClientNumber, active: from.isActive }[
    search.sort
  ];
  const sorted = search.dir === 'desc' ? desc(column) : asc(column);
  return search.sort === 'number' ? [sorted] : [sorted, asc(from.number)];
}

export async function getClient(db: Executor, number: number) {
  const [client] = await db.select().from(clients).where(eq(clients.number, number)).limit(1);
  return client ?? null;
}
