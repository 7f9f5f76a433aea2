/**
 * The required references of a call: its client's own and those of the head of its group on the
 * service date (a head's apply to its members' calls, docs/business-rules.md, Required references).
 */
import { asc, eq, sql } from 'drizzle-orm';
import { queryRows, type Executor } from '@/db/index';
import { clientReferences } from '@/db/schema';
import type { ReferenceRule } from './reference-rules';

type Row = {
  id: number;
  client_number: number;
  label: string;
  format: string | null;
  example: string | null;
  allowed_values: string[];
  required_from: string;
};

/** The rules of a call of `clientNumber` served on `serviceDate`: the head's first, then the client's own, each in their order of creation. */
export async function referenceRulesOfCall(db: Executor, clientNumber: number, serviceDate: string): Promise<ReferenceRule[]> {
  return (await referenceRulesOfCalls(db, [{ clientNumber, serviceDate }]))[0]!;
}

/** A client's own rules, in their order of creation (its page), with its `Sous-totaux par` one marked. */
export async function referenceRulesOfClient(db: Executor, clientNumber: number): Promise<(ReferenceRule & { isSubtotal: boolean })[]> {
  return (
    await db.select().from(clientReferences).where(eq(clientReferences.clientNumber, clientNumber)).orderBy(asc(clientReferences.id))
  ).map((row) => ({
    id: row.id,
    clientNumber: row.clientNumber,
    label: row.label,
    format: row.format,
    example: row.example,
    allowedValues: row.allowedValues,
    requiredFrom: row.requiredFrom,
    isSubtotal: row.isSubtotal,
  }));
}

/** A call as its references' rules depend on it: its client and its service date. */
export type CallOfRules = { clientNumber: number; serviceDate: string };

/**
 * The rules of many calls at once, in one query (the import's batches of thousands of lines):
 * for each call of `calls`, in their order, its client's rules and its head's on its service date,
 * the head's first. Calls of one client on one date are asked for once, as a batch holds many.
 * One call at the form or the API is a batch of one (referenceRulesOfCall).
 */
export async function referenceRulesOfCalls(db: Executor, calls: readonly CallOfRules[]): Promise<ReferenceRule[][]> {
  const keyOf = (call: CallOfRules) => `${call.clientNumber}|${call.serviceDate}`;
  const pairs = [...new Map(calls.map((call) => [keyOf(call), call])).values()];
  const byPair = new Map<string, ReferenceRule[]>(pairs.map((pair) => [keyOf(pair), []]));
  if (pairs.length > 0) {
    const rows = await queryRows<Row & { client: number; service_date: string }>(
      db,
      sql`select b.client, b.service_date, r.id, r.client_number, r.label, r.format, r.example, r.allowed_values,
                 r.required_from::text as required_from
            from unnest(${sql.param(pairs.map((p) => p.clientNumber))}::int[], ${sql.param(pairs.map((p) => p.serviceDate))}::text[])
                   as b(client, service_date)
            left join group_memberships m on m.client_number = b.client and m.valid_from <= b.service_date::date
                                         and (m.valid_to is null or b.service_date::date < m.valid_to)
            join client_references r on r.client_number = b.client or r.client_number = m.head_number
           order by b.client, b.service_date, r.client_number = b.client, r.id`,
    );
    for (const row of rows)
      byPair.get(keyOf({ clientNumber: row.client, serviceDate: row.service_date }))!.push({
        id: row.id,
        clientNumber: row.client_number,
        label: row.label,
        format: row.format,
        example: row.example,
        allowedValues: row.allowed_values,
        requiredFrom: row.required_from,
      });
  }
  return calls.map((call) => byPair.get(keyOf(call))!);
}
