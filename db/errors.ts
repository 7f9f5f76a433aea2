/** The PostgreSQL error behind a failed query, on either driver (postgres.js or PGlite), through Drizzle. */
export type PgError = { code: string; constraint?: string; detail?: string; message: string };

export function pgErrorOf(error: unknown): PgError | null {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const candidate = current as {
      code?: unknown;
      constraint_name?: unknown;
      constraint?: unknown;
      detail?: unknown;
      message?: unknown;
      cause?: unknown;
    };
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
/** A call held back from billing: holding one already invoiced, or invoicing one held (migration 0032). */
export const RV_HELD_CALL_INVOICED = 'RV001';
export const RV_INVOICING_HELD_CALL = 'RV002';
/** Approving a call of the review already invoiced (migration 0033). */
export const RV_APPROVING_INVOICED = 'RV003';
/** Approving a call whose contest from the client portal waits for an answer (migration 0036). */
export const RV_APPROVING_CONTESTED = 'RV004';
/** A contest accepted with a credit note that credits neither its call nor an amount of its invoice (migration 0037). */
export const RV_CONTEST_CREDIT_NOTE = 'RV005';
/** Answering a contest already answered (migration 0037). */
export const RV_CONTEST_ANSWERED = 'RV006';
/** Contesting a cancelled call (migration 0037). */
export const RV_CONTEST_CANCELLED_CALL = 'RV007';
/** Accepting the contest of an invoiced call without its credit note (migration 0037). */
export const RV_CONTEST_NEEDS_CREDIT_NOTE = 'RV008';

/** postgres.js's codes for a connection that could not open or broke, and the socket errors under them. */
const CONNECTION_LOST_CODES = new Set([
  'CONNECTION_CLOSED',
  'CONNECT_TIMEOUT',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);
/** SQLSTATE: the server shut down or crashed under the session, or is still starting up. */
const SERVER_GONE_STATES = new Set(['57P01', '57P02', '57P03']);

/**
 * The database server could not be reached or dropped the connection (stopped, crashed,
 * restarting, network): the same statement may succeed once it is back. A pool closed by the
 * application itself (CONNECTION_ENDED) is not such a loss.
 */
export function isConnectionLost(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && (CONNECTION_LOST_CODES.has(code) || SERVER_GONE_STATES.has(code) || /^08[0-9A-Z]{3}$/.test(code)))
      return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
