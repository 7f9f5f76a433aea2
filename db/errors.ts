/** The PostgreSQL error behind a failed query, on either driver (postgres.js or PGlite), through Drizzle. */
export type PgError = { code: string; constraint?: string; detail?: string; message: string };

export function pgErrorOf(error: unknown): PgError | null {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const candidate = current as { code?: unknown; constraint_name?: unknown; constraint?: unknown; detail?: unknown; message?: unknown; cause?: unknown };
    if (typeof candidate.code === 'string' && /^[0-9A-Z]{5}$/.test(candidate.code)) {
      const constraint = candidate.constraint_name ?? candidate.constraint;
      return {
        code: candidate.code,
        constraint: typeof constraint === 'string' ? constraint : undefined,
        detail: typeof candidate.detail === 'string' ? candidate.detail : undefined,
        message: String(candidate.message ?? ''),
      };
    }
    current = candidate.cause;
  }
  return null;
}

export const PG_FOREIGN_KEY_VIOLATION = '23503';
export const PG_UNIQUE_VIOLATION = '23505';
/** Raised by clients_guard_grouping (migration 0002) and calls_guard_invoiced (0005). */
export const RG_INACTIVE_HEAD = 'RG001';
export const RG_HEAD_HAS_MEMBERS = 'RG002';
export const RC_CALL_INVOICED = 'RC001';
