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
  const rows = await queryRows<Row>(
    db,
    sql`select r.id, r.client_number, r.label, r.format, r.example, r.allowed_values, r.required_from::text
          from client_references r
         where r.client_number = ${clientNumber}
            or r.client_number = (select m.head_number from group_memberships m
                                   where m.client_number = ${clientNumber} and m.valid_from <= ${serviceDate}::date
                                     and (m.valid_to is null or ${serviceDate}::date < m.valid_to))
         order by r.client_number = ${clientNumber}, r.id`,
  );
  return rows.map((row) => ({
    id: row.id,
    clientNumber: row.client_number,
    label: row.label,
    format: row.format,
    example: row.example,
    allowedValues: row.allowed_values,
    requiredFrom: row.required_from,
  }));
}

/** A client's own rules, in their order of creation (its page). */
export async function referenceRulesOfClient(db: Executor, clientNumber: number): Promise<ReferenceRule[]> {
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
  }));
}
