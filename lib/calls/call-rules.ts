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
 * - a call billed, here or in the former system, is read-only for all three;
 * - a call taken (form, API) is a passenger trip when its tariff is: it then says how its price
 *   was set (its tariff's default unless said), its hours when billed by the hour, and the
 *   municipalities it is taken from and to, named from the list, each required; a courier call
 *   says none of it (tripOfCall). A historical call keeps what its line says, as its price: the
 *   import neither requires nor defaults any of it, and refuses only what is malformed or a
 *   municipality the list does not have.
 */
import type { calls } from '@/db/schema';
import type { Role } from '@/lib/auth/roles';
import { montrealDateTime } from '@/lib/dates/montreal';
import { AppError, type ErrorCode } from '@/lib/errors';
import type { Municipality } from '@/lib/municipalities/find-municipalities';
import type { CreditHold } from '@/lib/receivables/credit-hold';
import { checkReferences, referenceRefusal, type ReferenceRule, type ReferenceValues } from '@/lib/references/reference-rules';
import type { BillingType, CallInput, CallStatus } from './call-input';
import type { CallQuote } from './quote-call';

export type StoredCall = typeof calls.$inferSelect;

/** What a call's tariff says of its trips: passenger or courier, and how a passenger trip is billed unless said. */
export type TripTariff = { isPassenger: boolean; defaultBillingType: BillingType | null };

/** What a call stores of its trip: all null for a courier call. */
export type Trip = Pick<
  StoredCall,
  'billingType' | 'billingHoursTenths' | 'originMunicipalityId' | 'destinationMunicipalityId' | 'sevNumber'
>;

/** A courier call's trip: nothing of a passenger trip. */
export const COURIER_TRIP: Trip = {
  billingType: null,
  billingHoursTenths: null,
  originMunicipalityId: null,
  destinationMunicipalityId: null,
  sevNumber: null,
};

/** The billing type of a passenger trip that says none: its tariff's default, else `Tarif fixe c.`, a contract's price (an account's trip). */
export function defaultBillingTypeOf(tariff: TripTariff): BillingType {
  return tariff.defaultBillingType ?? 'fixed_contract';
}

/** The municipalities a call names, in the order tripOfCall reads them found (lib/municipalities' findMunicipalities). */
export function municipalityNamesOf(input: CallInput): [string | null, string | null] {
  return [input.originMunicipality, input.destinationMunicipality];
}

const TRIP_FIELDS = ['billingType', 'billingHours', 'originMunicipality', 'destinationMunicipality', 'sevNumber'] as const;

/**
 * The trip of a call taken (form, API) for a call of `tariff`, with the municipalities its names
 * stand for (`found`, in the order of municipalityNamesOf; null: none has that name). A passenger
 * trip takes its billing type as said, else its tariff's default (defaultBillingTypeOf); its hours
 * are required by the hour (`Tarif horaire`) and refused otherwise; both municipalities are
 * required and must be on the list. A courier call refuses each of these fields. Every problem is
 * refused at once, on its field (`validation`).
 */
export function tripOfCall(input: CallInput, tariff: TripTariff, found: readonly (Municipality | null)[]): Trip {
  const problems: Partial<Record<(typeof TRIP_FIELDS)[number], ErrorCode>> = {};
  if (!tariff.isPassenger) {
    for (const field of TRIP_FIELDS) if (input[field] !== null) problems[field] = 'call.notPassenger';
    refuseTripProblems(problems);
    return COURIER_TRIP;
  }
  const billingType = input.billingType ?? defaultBillingTypeOf(tariff);
  if (billingType === 'hourly' && input.billingHours === null) problems.billingHours = 'call.hoursRequired';
  if (billingType !== 'hourly' && input.billingHours !== null) problems.billingHours = 'call.hoursNotHourly';
  const [origin, destination] = found;
  const place = (name: string | null, municipality: Municipality | null | undefined): ErrorCode | null =>
    name === null ? 'call.municipalityRequired' : municipality ? null : 'call.unknownMunicipality';
  const originProblem = place(input.originMunicipality, origin);
  const destinationProblem = place(input.destinationMunicipality, destination);
  if (originProblem) problems.originMunicipality = originProblem;
  if (destinationProblem) problems.destinationMunicipality = destinationProblem;
  refuseTripProblems(problems);
  return {
    billingType,
    billingHoursTenths: input.billingHours,
    originMunicipalityId: origin!.id,
    destinationMunicipalityId: destination!.id,
    sevNumber: input.sevNumber,
  };
}

/**
 * The trip of a call taken (tripOfCall) and the values of its required references, checked
 * against the rules of its client and of its head on its service date (`rules`, lib/references):
 * the form refuses a reference missing (`isMissingRefused`); the dispatch API takes the call,
 * which then waits in the review before billing; a malformed value is refused by both. The
 * problems of both are refused at once, each on its field. A call edited keeps the values it
 * stored for the labels not given again (`stored`).
 */
export function tripAndReferencesOfCall(
  input: CallInput,
  tariff: TripTariff,
  found: readonly (Municipality | null)[],
  rules: readonly ReferenceRule[],
  options: { isMissingRefused: boolean; stored?: ReferenceValues },
): { trip: Trip; references: ReferenceValues } {
  const { values, problems } = checkReferences(input.references, rules, input.serviceDate, options);
  const refusal = problems.length > 0 ? referenceRefusal(problems) : null;
  try {
    const trip = tripOfCall(input, tariff, found);
    if (refusal) throw refusal;
    return { trip, references: values };
  } catch (error) {
    if (!refusal || error === refusal || !(error instanceof AppError)) throw error;
    throw new AppError(refusal.code, refusal.params, { ...error.fieldErrors, ...refusal.fieldErrors }, refusal.details);
  }
}

function refuseTripProblems(problems: Partial<Record<string, ErrorCode>>): void {
  const fields = Object.entries(problems);
  if (fields.length > 0) throw new AppError('validation', {}, Object.fromEntries(fields.map(([field, code]) => [field, [code!]])));
}

/**
 * What the dispatcher typed (or the dispatch system sent), as stored, without the price: with its
 * trip as tripOfCall made it (a courier call's, by default).
 */
export function callDetails(input: CallInput, trip: Trip = COURIER_TRIP, references: ReferenceValues = {}) {
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
    referenceValues: references,
    ...trip,
  };
}

/** The call as stored with its price, the tariff it came from and the discount applied (Call pricing). */
export function pricedValues(input: CallInput, quote: CallQuote, trip: Trip = COURIER_TRIP, references: ReferenceValues = {}) {
  return {
    ...callDetails(input, trip, references),
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

/** Two stored values alike: dates by their time, references by their labels and values, the rest as they are. */
function isSameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') {
    const entries = (value: object) => JSON.stringify(Object.entries(value).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)));
    return entries(a) === entries(b);
  }
  return a === b;
}

/** What a call stores of what was typed or sent, and its status: what a change is read against. */
export type CallFields = Pick<StoredCall, keyof ReturnType<typeof callDetails> | 'status'>;

/**
 * Whether a change of `current` into `input` prices it again (CallChange.isRepriced): then its
 * trip follows its client's tariff of today, else the tariff it was priced with.
 */
export function isRepricedBy(current: Pick<StoredCall, 'clientNumber' | 'distanceKm' | 'waitingMinutes'>, input: CallInput): boolean {
  return (
    current.clientNumber !== input.clientNumber ||
    current.distanceKm !== input.distanceKm ||
    current.waitingMinutes !== input.waitingMinutes
  );
}

/**
 * The change of `current` into `input` (with `status`, by default its own, and its `trip`, a
 * courier call's by default). A new call is priced and held. `current`'s municipalities are
 * those it counts as (lockCall): a call of a variant merged since is the same call.
 */
export function changeOfCall(
  current: CallFields,
  input: CallInput,
  status: CallStatus = current.status,
  trip: Trip = COURIER_TRIP,
  references: ReferenceValues = {},
): CallChange {
  const details = callDetails(input, trip, references);
  const fields = Object.keys(details) as (keyof typeof details)[];
  const isNewStatus = current.status !== status;
  return {
    isChanged: isNewStatus || fields.some((field) => !isSameValue(current[field], details[field])),
    isRepriced: isRepricedBy(current, input),
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
