/**
 * Columns of many rows bound as one array parameter each, for set-based writes
 * (`insert … select … from unnest(…)`): one statement for thousands of rows, and far below
 * PostgreSQL's 65,535 parameters. postgres.js serializes arrays of text and of integers only
 * (numeric, date, enum and boolean arrays fail in the driver), so everything else travels as
 * text and is cast element by element in the SQL.
 */
import { sql, type SQL } from 'drizzle-orm';

export function textArray(values: readonly (string | null)[]): SQL {
  return sql`${sql.param(values)}::text[]`;
}

export function intArray(values: readonly (number | null)[]): SQL {
  return sql`${sql.param(values)}::int[]`;
}

/** Booleans as 't' / 'f', read back with `::boolean`. */
export function booleanTexts(values: readonly boolean[]): SQL {
  return textArray(values.map((value) => (value ? 't' : 'f')));
}
