/**
 * A client's place in grouped billing (docs/business-rules.md, G1–G3), read from its "No. client
 * regroupé": a head (the number is its own: it receives the group's invoices), a member (the
 * number is its head's), or alone (no number: billed on its own). Said once here, in TypeScript
 * for a client read and in SQL for a query over `clients`.
 */
import { sql, type SQL } from 'drizzle-orm';

export type GroupRole = 'head' | 'member' | 'alone';
type Grouped = { number: number; groupedClientNumber: number | null };

export function groupRoleOf(client: Grouped): GroupRole {
  if (client.groupedClientNumber === null) return 'alone';
  return client.groupedClientNumber === client.number ? 'head' : 'member';
}

/** The head a member's calls are billed to; null for a head or a client alone. */
export function headOf(client: Grouped): number | null {
  return groupRoleOf(client) === 'member' ? client.groupedClientNumber : null;
}

/** In SQL, the client of alias `c` is a head (false for a member or a client alone). */
export const isHeadSql = (c: SQL = sql.raw('c')): SQL => sql`(${c}.grouped_client_number is not distinct from ${c}.number)`;
