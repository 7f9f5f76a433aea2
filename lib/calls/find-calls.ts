/**
 * Call search (recherche d'appel): by call number, client number (optionally with the members
 * of a head), service date range, status and free text (caller, addresses, reference; accent-
 * and case-insensitive), newest first, 50 a page. Each call says where it was billed.
 */
import { asc, eq, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { queryRows, type Executor } from '@/db/index';
import { apiTokens, callStatusChanges, calls, clients, tariffs, users } from '@/db/schema';
import { defineUrlState, optionalQueryNumber } from '@/lib/url-state';
import { isoDate } from '@/lib/forms/dates';
import { CALL_STATUSES } from './call-input';
import { invoiceOfCall } from '@/lib/billing/invoiced-calls';
import { membershipOnServiceDate } from '@/lib/groups/membership-on-date';
import { countedMunicipality, countedMunicipalityOf } from '@/lib/municipalities/find-municipalities';
import { defaultBillingTypeOf } from './call-rules';
import { escapeLike } from '@/lib/text/like-pattern';

export const CALL_SORTS = ['date', 'number', 'client', 'status', 'price'] as const;
export const CALL_PAGE_SIZE = 50;

/** The search form's query string; anything unexpected falls back to "not filtered". */
export const callSearchParams = z.object({
  number: optionalQueryNumber('bigint'),
  client: optionalQueryNumber('integer'),
  members: z.preprocess((v) => v === '1' || v === 'on', z.boolean()).catch(false),
  from: isoDate.optional().catch(undefined),
  to: isoDate.optional().catch(undefined),
  status: z.enum(CALL_STATUSES).optional().catch(undefined),
  q: z.string().trim().max(100).catch(''),
  sort: z.enum(CALL_SORTS).catch('date'),
  dir: z.enum(['asc', 'desc']).catch('desc'),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
  selected: optionalQueryNumber('bigint'),
});
export type CallSearch = z.output<typeof callSearchParams>;
export const callSearchUrl = defineUrlState('/calls', callSearchParams);

export type CallListRow = {
  number: number;
  clientNumber: number;
  clientName: string;
  groupedClientNumber: number | null;
  serviceAt: Date;
  status: (typeof CALL_STATUSES)[number];
  priceCents: number;
  pickupAddress: string;
  destinationAddress: string;
  caller: string | null;
  clientReference: string | null;
  invoiceNumber: number | null;
  billedClientNumber: number | null;
};

export function hasCriteria(search: CallSearch): boolean {
  return Boolean(search.number || search.client || search.from || search.to || search.status || search.q);
}

/** The search as one SQL statement (also explained and timed by the benchmark). */
export function callSearchQuery(search: CallSearch): SQL {
  const where: SQL[] = [];
  if (search.number) where.push(sql`k.number = ${search.number}`);
  if (search.client) {
    where.push(
      search.members
        ? // The group's calls: the head's and those of each client that was its member on the call's service date.
          sql`(k.client_number = ${search.client} or exists (select 1 from group_memberships gm
                 where gm.client_number = k.client_number and gm.head_number = ${search.client}
                   and gm.valid_from <= k.service_date and (gm.valid_to is null or k.service_date < gm.valid_to)))`
        : sql`k.client_number = ${search.client}`,
    );
  }
  if (search.from) where.push(sql`k.service_date >= ${search.from}`);
  if (search.to) where.push(sql`k.service_date <= ${search.to}`);
  if (search.status) where.push(sql`k.status = ${search.status}`);
  if (search.q) where.push(sql`k.search_text like fold_text(${`%${escapeLike(search.q)}%`})`);

  const direction = search.dir === 'asc' ? sql`asc` : sql`desc`;
  const order = {
    date: sql`k.service_at ${direction}, k.number ${direction}`,
    number: sql`k.number ${direction}`,
    client: sql`k.client_number ${direction}, k.service_at desc`,
    status: sql`k.status ${direction}, k.service_at desc`,
    price: sql`k.price_cents ${direction}, k.number desc`,
  }[search.sort];

  // One row more than a page tells whether there is a next page, without counting everything.
  return sql`select k.number, k.client_number, c.name as client_name, c.grouped_client_number, k.service_at, k.status, k.price_cents,
               k.pickup_address, k.destination_address, k.caller, k.client_reference,
               billed.number as invoice_number, billed.billed_client_number
          from calls k
          join clients c on c.number = k.client_number
          left join lateral (
            select i.number, i.billed_client_number ${invoiceOfCall(sql`k.number`)} limit 1) billed on true
         where ${where.length ? sql.join(where, sql` and `) : sql`true`}
         order by ${order}
         limit ${CALL_PAGE_SIZE + 1} offset ${(search.page - 1) * CALL_PAGE_SIZE}`;
}

export async function findCalls(db: Executor, search: CallSearch): Promise<{ rows: CallListRow[]; hasNextPage: boolean }> {
  const rows = await queryRows<{
    number: string | number;
    client_number: number;
    client_name: string;
    grouped_client_number: number | null;
    service_at: Date | string;
    status: CallListRow['status'];
    price_cents: number;
    pickup_address: string;
    destination_address: string;
    caller: string | null;
    client_reference: string | null;
    invoice_number: string | number | null;
    billed_client_number: number | null;
  }>(db, callSearchQuery(search));
  return {
    hasNextPage: rows.length > CALL_PAGE_SIZE,
    rows: rows.slice(0, CALL_PAGE_SIZE).map((r) => ({
      number: Number(r.number),
      clientNumber: r.client_number,
      clientName: r.client_name,
      groupedClientNumber: r.grouped_client_number,
      serviceAt: new Date(r.service_at),
      status: r.status,
      priceCents: r.price_cents,
      pickupAddress: r.pickup_address,
      destinationAddress: r.destination_address,
      caller: r.caller,
      clientReference: r.client_reference,
      invoiceNumber: r.invoice_number === null ? null : Number(r.invoice_number),
      billedClientNumber: r.billed_client_number,
    })),
  };
}

/**
 * One call with its client, the invoice it is on (if any), its status history, and the head it
 * is or was billed on (`billedHeadNumber`): the head of its grouped invoice once invoiced, else
 * the head of the membership in force on its service date; null when billed on its own. A
 * passenger trip (its tariff's) comes with its municipalities as it counts them (a variant
 * merged since: the municipality it joined) and the billing type it takes unless it says one.
 */
export async function getCallDetails(db: Executor, number: number) {
  const [call] = await db
    .select({
      call: calls,
      clientName: clients.name,
      groupedClientNumber: clients.groupedClientNumber,
      isPassenger: tariffs.isPassenger,
      defaultBillingType: tariffs.defaultBillingType,
      origin: countedMunicipality(calls.originMunicipalityId),
      destination: countedMunicipality(calls.destinationMunicipalityId),
    })
    .from(calls)
    .innerJoin(clients, eq(clients.number, calls.clientNumber))
    .innerJoin(tariffs, eq(tariffs.id, calls.tariffId))
    .where(eq(calls.number, number))
    .limit(1);
  if (!call) return null;
  const [history, billed] = await Promise.all([
    db
      .select({
        fromStatus: callStatusChanges.fromStatus,
        toStatus: callStatusChanges.toStatus,
        changedAt: callStatusChanges.changedAt,
        changedBy: users.name,
        // A change the dispatch system made through the API: the name of its token.
        changedByToken: apiTokens.name,
      })
      .from(callStatusChanges)
      .leftJoin(users, eq(users.id, callStatusChanges.changedBy))
      .leftJoin(apiTokens, eq(apiTokens.id, callStatusChanges.changedByToken))
      .where(eq(callStatusChanges.callNumber, number))
      .orderBy(asc(callStatusChanges.changedAt), asc(callStatusChanges.id)),
    queryRows<{ number: string | number; billed_client_number: number; billed_client_name: string; kind: 'normal' | 'grouped' }>(
      db,
      sql`select i.number, i.billed_client_number, i.bill_to_name as billed_client_name, i.kind ${invoiceOfCall(number)} limit 1`,
    ),
  ]);
  const membershipHead = billed[0] ? null : await headOnServiceDate(db, number);
  const invoice = billed[0]
    ? {
        number: Number(billed[0].number),
        billedClientNumber: billed[0].billed_client_number,
        billedClientName: billed[0].billed_client_name,
      }
    : null;
  const billedHeadNumber = billed[0] ? (billed[0].kind === 'grouped' ? billed[0].billed_client_number : null) : membershipHead;
  return {
    ...call.call,
    clientName: call.clientName,
    groupedClientNumber: call.groupedClientNumber,
    isPassenger: call.isPassenger,
    defaultBillingType: defaultBillingTypeOf(call),
    origin: countedMunicipalityOf(call.origin),
    destination: countedMunicipalityOf(call.destination),
    billedHeadNumber,
    history,
    invoice,
  };
}

/** The head of the membership of call `number`'s client in force on its service date (null: none). */
async function headOnServiceDate(db: Executor, number: number): Promise<number | null> {
  const [row] = await queryRows<{ head_number: number }>(
    db,
    sql`select m.head_number from calls k ${membershipOnServiceDate('join')} where k.number = ${number}`,
  );
  return row?.head_number ?? null;
}

/** The grouped client number shown in the status bar for a client (null when not grouped or unknown). */
export async function groupedNumberOf(db: Executor, clientNumber: number): Promise<number | null> {
  const [client] = await db.select({ grouped: clients.groupedClientNumber }).from(clients).where(eq(clients.number, clientNumber)).limit(1);
  return client?.grouped ?? null;
}
