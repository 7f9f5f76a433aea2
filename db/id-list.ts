/**
 * Lists of ids bound as one array parameter. Drizzle's `inArray` binds one parameter per value,
 * and PostgreSQL refuses a statement of more than 65,535 parameters: a print batch or a credit
 * note of 70,000 ids would fail. `column = any($1::bigint[])` binds one, whatever the count,
 * on postgres.js and on PGlite alike (an integer column compares with bigint and keeps its index).
 */
import { sql, type AnyColumn, type SQL } from 'drizzle-orm';

/** The ids as one `bigint[]` parameter, for hand-written SQL (`= any(…)`, `unnest(…)`). */
export function idArray(ids: readonly number[]): SQL<number[]> {
  return sql<number[]>`${sql.param(ids)}::bigint[]`;
}

/** `column = any(ids)`: `inArray` for lists of any length (an empty list matches nothing). */
export function inIds(column: AnyColumn<{ data: number }>, ids: readonly number[]): SQL {
  return sql`${column} = any(${idArray(ids)})`;
}
