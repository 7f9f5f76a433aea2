/**
 * What a screen keeps in its address: the query string read into typed values, and the same
 * values written back into links (sorting, paging, selecting a row). Each screen declares its
 * state once, with the schema that reads it, so that reading and writing cannot drift apart.
 */
import { z } from 'zod';

/** A page's query string, as Next.js hands it to a page. */
export type PageSearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The query string as plain values: the first value of a repeated parameter. */
export async function firstValues(searchParams: PageSearchParams): Promise<Record<string, string | undefined>> {
  return Object.fromEntries(Object.entries(await searchParams).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
}

/**
 * A screen's URL state. The schema must accept an empty query (every field with a default or a
 * `.catch`): what it gives for `{}` are the defaults, which links leave out. `true` is written as
 * `1`; `false`, empty and undefined values are left out.
 */
export function defineUrlState<S extends z.ZodObject>(path: string, schema: S) {
  type State = z.output<S>;
  const defaults: Record<string, unknown> = schema.parse({});
  return {
    path,
    /** The state of a query string; a hand-edited or stale value falls back to its default. */
    parse(raw: Record<string, string | undefined>): State {
      return schema.parse(raw);
    },
    /** A link to the screen in `state`, changed by `changes`. */
    href(state: State, changes: Partial<State> = {}): string {
      const params = new URLSearchParams();
      for (const [key, value] of Object.entries({ ...state, ...changes })) {
        if (value === undefined || value === null || value === '' || value === false || value === defaults[key]) continue;
        params.set(key, value === true ? '1' : String(value));
      }
      const query = params.toString();
      return query ? `${path}?${query}` : path;
    },
  };
}

/** The largest value of a PostgreSQL `integer`; bigint keys stay within JavaScript's safe integers. */
const MAX_INTEGER = 2_147_483_647;

/**
 * A number in a route (`/clients/[number]`, `/billing/runs/[id]`): plain digits within the
 * column's range, else null (the page answers "not found" rather than a database error).
 */
export function parseRouteNumber(raw: string, column: 'integer' | 'bigint' = 'bigint'): number | null {
  if (!/^\d{1,15}$/.test(raw)) return null;
  const value = Number(raw);
  if (value < 1 || (column === 'integer' && value > MAX_INTEGER)) return null;
  return value;
}

/**
 * An optional number filter of a query string (a call, client or run number), read as a route
 * number is: anything else, a value beyond the column's range included, means "not filtered"
 * rather than a query the database refuses.
 */
export function optionalQueryNumber(column: 'integer' | 'bigint') {
  return z
    .preprocess((v) => (typeof v === 'string' ? (parseRouteNumber(v.trim(), column) ?? undefined) : undefined), z.number().optional())
    .catch(undefined);
}
