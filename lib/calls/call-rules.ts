/**
 * The rules of a call, written once for the three ways a call is written: the call-taking form
 * (save-call.ts), the dispatch API (lib/api/put-dispatch-call.ts) and the historical-call import
 * (lib/import/import-calls.ts, set-based). They are decisions on what was already read, never a
 * read of their own: each writer reads what a rule needs in its own round trips (pipelined, or a
 * batch's one statement), then asks here. A rule to come that depends on the call's client is
 * written in callClientRefusal (and its column read by quoteCall and by the import's look-up);
 * one that changes what a call stores, in callDetails, which changeOfCall compares field by field.
 *
 * Where the writers differ, the difference is a rule of its own, said here once:
 * - a call taken (form, API) is priced with its client's tariff and discount of today; a
 *   historical call keeps the price it was billed at (the import never prices one);
 * - a call taken, or moved to another client, goes through its account's credit hold; a
 *   historical call does not (it was already served); only an administrator at the form may let
 *   one through a blocked account;
 * - a call billed, here or in the former system, is read-only for all three.
 */
import type { calls } from '@/db/schema';
import type { Role } from '@/lib/auth/roles';
import { montrealDateTime } from '@/lib/dates/montreal';
import { AppError } from '@/lib/errors';
import type { CreditHold } from '@/lib/receivables/credit-hold';
import type { CallInput, CallStatus } from './call-input';
import type { CallQuote } from './quote-call';

export type StoredCall = typeof calls.$inferSelect;

/** What the dispatcher typed (or the dispatch system sent), as stored, without the price. */
export function callDetails(input: CallInput) {
  return {
    clientNumber: input.clientNumber,
    serviceAt: montrealDateTime(input.serviceDate, input.serviceTime),
    serviceDate: input.serviceDate,
    caller: input.caller,
    pickupAddress: input.pickupAddress,
    destinationAddress: input.destinationAddress,
    distanceKm: input.distanceKm,
    waitingMinutes: input.waitingMinutes,
    serviceType: input.serviceType,
    clientReference: input.clientReference,
    notes: input.notes,
  };
}

/** The call as stored with its price, the tariff it came from and the discount applied (Call pricing). */
export function pricedValues(input: CallInput, quote: CallQuote) {
  return {
    ...callDetails(input),
    tariffId: quote.tariffId,
    tariffCode: quote.tariffCode,
    discountPercent: quote.discountPercent,
    ...quote.price,
  };
}

export type CallClientRefusal = 'call.unknownClient' | 'call.inactiveClient';

/**
 * Why a call cannot be for this client (undefined or null: no client has its number), or null.
 * An inactive client takes no call; a historical call may be of a client closed since, as it was
 * served while the client was active.
 */
export function callClientRefusal(
  client: { isActive: boolean } | null | undefined,
  { isHistorical }: { isHistorical: boolean },
): CallClientRefusal | null {
  if (!client) return 'call.unknownClient';
  if (!client.isActive && !isHistorical) return 'call.inactiveClient';
  return null;
}

/** What a change of a stored call must do and check again. */
export type CallChange = {
  /** Something the call stores differs from what was sent (its status included). */
  isChanged: boolean;
  /**
   * Its client, its distance or its waiting time changed: it is priced again, with its client's
   * tariff and discount of today. Otherwise it keeps its price (Call pricing).
   */
  isRepriced: boolean;
  /**
   * It moves to another client: its new account's credit hold is checked as for a new call. A
   * call edited or priced again for the same client was accepted when taken (Credit hold).
   */
  isHoldChecked: boolean;
  isNewStatus: boolean;
};

const isSameValue = (a: unknown, b: unknown) => (a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b);

/** What a call stores of what was typed or sent, and its status: what a change is read against. */
export type CallFields = Pick<StoredCall, keyof ReturnType<typeof callDetails> | 'status'>;

/** The change of `current` into `input` (with `status`, by default its own). A new call is priced and held. */
export function changeOfCall(current: CallFields, input: CallInput, status: CallStatus = current.status): CallChange {
  const details = callDetails(input);
  const fields = Object.keys(details) as (keyof typeof details)[];
  const isNewStatus = current.status !== status;
  return {
    isChanged: isNewStatus || fields.some((field) => !isSameValue(current[field], details[field])),
    isRepriced:
      current.clientNumber !== input.clientNumber ||
      current.distanceKm !== input.distanceKm ||
      current.waitingMinutes !== input.waitingMinutes,
    isHoldChecked: current.clientNumber !== input.clientNumber,
    isNewStatus,
  };
}

/** Who stands behind a call facing a blocked account: at the form, a user with a role, perhaps with a reason to let it through. */
export type HoldAuthority = { role?: Role; holdOverride?: string | null };

/** A call let through a blocked account: recorded with the call and in the audit log. */
export type HoldOverride = { hold: CreditHold; override: string };

/**
 * The credit hold's decision on a call for the account it will be billed to (`hold`, null for an
 * unknown client): nothing under "aucune" or "avertir"; under "bloquer" or a suspension, the call
 * is refused (hold.blocked) unless an administrator lets this one through with a reason, which
 * the answer carries to be recorded. The dispatch API gives no authority: a blocked account
 * refuses its call. The refusal names the account suspended (a member's own) and the billed one.
 */
export function decideCreditHold(hold: CreditHold | null, authority: HoldAuthority): HoldOverride | null {
  if (hold?.effect !== 'block') return null;
  const override = authority.holdOverride?.trim() || null;
  if (override === null) {
    const suspended = hold.reasons.find((reason) => reason.kind === 'suspended');
    throw new AppError('hold.blocked', {
      number: suspended?.clientNumber ?? hold.billedClientNumber,
      billedClientNumber: hold.billedClientNumber,
    });
  }
  if (authority.role !== 'admin') throw new AppError('hold.overrideForbidden', {}, { holdOverride: ['hold.overrideForbidden'] });
  return { hold, override };
}

/**
 * The invoice that makes a call read-only, or null while it may change: the former system's it
 * was imported with (`calls.legacy_invoice_number`), else the invoice of this application it is
 * on (not void; `invoiceHere`, as its reader gives it).
 */
export function lockingInvoiceOf<T extends string | number>(
  call: { legacyInvoiceNumber: string | null },
  invoiceHere: T | null,
): { isLegacy: true; number: string } | { isLegacy: false; number: T } | null {
  if (call.legacyInvoiceNumber !== null) return { isLegacy: true, number: call.legacyInvoiceNumber };
  return invoiceHere === null ? null : { isLegacy: false, number: invoiceHere };
}

/** Refuses a change of a call billed here (call.invoiced) or in the former system (import.callLegacyInvoiced). */
export function refuseLockedCall(call: { number: number; legacyInvoiceNumber: string | null }, invoice: { number: number } | null): void {
  const locking = lockingInvoiceOf(call, invoice?.number ?? null);
  if (locking?.isLegacy) throw new AppError('import.callLegacyInvoiced', { number: call.number, invoice: locking.number });
  if (locking) throw new AppError('call.invoiced', { number: call.number, invoice: locking.number });
}

/**
 * When a call taken here was completed, given its status set at `at`: then, if completed; never
 * otherwise (put back from completed, it is no longer). A historical call was completed at its
 * service time (the import writes that in its SQL).
 */
export function completedAtOf(status: CallStatus, at: Date): Date | null {
  return status === 'completed' ? at : null;
}
