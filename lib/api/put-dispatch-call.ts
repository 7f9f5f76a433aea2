/**
 * A call of the dispatch system, created or brought up to date by its own id
 * (docs/business-rules.md, Dispatch API). The same request sent twice, even at the same moment,
 * gives one call: the id is unique in the database, and the second request finds the call the
 * first one created and changes nothing. The call follows the rules of every writer of calls
 * (lib/calls/call-rules.ts), as the form does: priced with its own client's tariff and discount,
 * kept at its price unless its client, distance or waiting time changes, refused for a blocked
 * account, a passenger trip with its billing type and its municipalities from the list
 * (tripOfCall), and read-only once invoiced.
 */
import { withPreparedStatements, type Db, type Tx } from '@/db/index';
import { RC_CALL_INVOICED, pgErrorOf } from '@/db/errors';
import type { CallInput, CallStatus } from '@/lib/calls/call-input';
import {
  callDetails,
  changeOfCall,
  completedAtOf,
  decideCreditHold,
  municipalityNamesOf,
  pricedValues,
  refuseLockedCall,
  tripAndReferencesOfCall,
  type Trip,
} from '@/lib/calls/call-rules';
import { insertCall } from '@/lib/calls/insert-call';
import { lockCall, type CallInvoice, type LockedCall } from '@/lib/calls/lock-call';
import { quoteCall, type CallQuote } from '@/lib/calls/quote-call';
import { updateCallRow } from '@/lib/calls/update-call-row';
import { todayInMontreal } from '@/lib/dates/montreal';
import { AppError, type ErrorCode } from '@/lib/errors';
import { findMunicipalities, type Municipality } from '@/lib/municipalities/find-municipalities';
import { creditHoldOf, type CreditHold } from '@/lib/receivables/credit-hold';
import { referenceRulesOfCall } from '@/lib/references/find-references';
import type { ReferenceRule } from '@/lib/references/reference-rules';
import { ApiError } from './api-error';
import { toCallInput, type DispatchCallInput } from './dispatch-call-input';
import { apiCallOf, type ApiCall } from './resources';

/** The call as it now stands, answered without reading it again. */
export type PutDispatchCallResult = { call: ApiCall; isCreated: boolean; isChanged: boolean };

export async function putDispatchCall(
  db: Db,
  tokenId: number,
  dispatchId: string,
  input: DispatchCallInput,
): Promise<PutDispatchCallResult> {
  const { call, status } = toCallInput(input);
  try {
    return await withPreparedStatements(() =>
      db.transaction(async (tx) => {
        // What either path may need, sent at once: queries issued together go out pipelined on the
        // transaction's connection, one round trip instead of five. The price and the credit hold are
        // kept as outcomes: a refusal of this client only matters if the call is to be priced. The
        // municipalities the call names are found by name here, with the rest, not in the insert:
        // an unknown one is refused naming its field before anything is written.
        const [[existing, invoice], quote, hold, found, rules] = await Promise.all([
          lockCall(tx, { dispatchId }),
          outcomeOf(quoteCall(tx, call.clientNumber, call, { lock: true })),
          creditHoldOf(tx, call.clientNumber, todayInMontreal(), call.serviceDate),
          findMunicipalities(tx, municipalityNamesOf(call)),
          referenceRulesOfCall(tx, call.clientNumber, call.serviceDate),
        ]);
        const reads: Reads = { invoice, quote, hold, found, rules };
        if (existing) return updateDispatchCall(tx, tokenId, existing, call, status, reads);
        const priced = allowedQuote(reads, true);
        const { trip, references } = tripAndReferencesOfCall(call, priced.tariff, found, rules, AS_SENT);
        const created = await insertCall(tx, {
          ...pricedValues(call, priced, trip, references),
          status,
          completedAt: completedAtOf(status, new Date()),
          dispatchId,
          createdByToken: tokenId,
        });
        if (created) return { call: apiCallOf(created, null, placesOf(trip, found)), isCreated: true, isChanged: true };
        // The same id was created by a request that committed while this one waited on it.
        const [current, itsInvoice] = await lockCall(tx, { dispatchId });
        return updateDispatchCall(tx, tokenId, current!, call, status, { ...reads, invoice: itsInvoice });
      }),
    );
  } catch (error) {
    throw explainRefusal(error, call);
  }
}

type Outcome<T> = { value: T } | { error: unknown };

function outcomeOf<T>(promise: Promise<T>): Promise<Outcome<T>> {
  return promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
}

/**
 * What was read with the call: its invoice, its price for the client sent, that client's
 * account's credit hold, the municipalities the call names (in the order of municipalityNamesOf).
 */
type Reads = {
  invoice: CallInvoice | null;
  quote: Outcome<CallQuote>;
  hold: CreditHold | null;
  found: (Municipality | null)[];
  /** The required references of the call's client and head on its service date. */
  rules: ReferenceRule[];
};

/** A dispatch system often does not carry a purchase order: a call without a required reference is taken, and waits in the review. */
const AS_SENT = { isMissingRefused: false };

/** The municipalities of a trip as the answer names them: those found for the names sent, none for a courier call. */
function placesOf(trip: Trip, [origin, destination]: (Municipality | null)[]) {
  return {
    origin: trip.originMunicipalityId === null ? null : (origin ?? null),
    destination: trip.destinationMunicipalityId === null ? null : (destination ?? null),
  };
}

/** The price of the call for its client, refused by its account's credit hold when it is to be checked (changeOfCall). */
function allowedQuote({ quote, hold }: Reads, isHoldChecked: boolean): CallQuote {
  if ('error' in quote) throw quote.error;
  // No administrator stands behind the API to let a call through: a blocked account refuses it.
  if (isHoldChecked) decideCreditHold(hold, {});
  return quote.value;
}

/**
 * Brings the stored call to what the dispatch system sent. Nothing differs: nothing is written
 * (a request repeated after the call was invoiced is answered, not refused). The dispatch system
 * owns the call's life, so its status is taken as sent, from any status to any other. The trip
 * follows the tariff the call is priced with: its client's of today when priced again, else its own.
 */
async function updateDispatchCall(
  tx: Tx,
  tokenId: number,
  current: LockedCall,
  call: CallInput,
  status: CallStatus,
  reads: Reads,
): Promise<PutDispatchCallResult> {
  // Whether it is priced again and held does not depend on its trip; a call priced again changes.
  const { isRepriced, isHoldChecked } = changeOfCall(current, call, status);
  if (isRepriced) refuseLockedCall(current, reads.invoice);
  const quote = isRepriced ? allowedQuote(reads, isHoldChecked) : null;
  const { trip, references } = tripAndReferencesOfCall(call, quote?.tariff ?? current.tariff, reads.found, reads.rules, {
    ...AS_SENT,
    stored: current.referenceValues,
  });
  const change = changeOfCall(current, call, status, trip, references);
  if (!change.isChanged) return { call: apiCallOf(current, reads.invoice, current), isCreated: false, isChanged: false };
  refuseLockedCall(current, reads.invoice);
  const values = quote ? pricedValues(call, quote, trip, references) : callDetails(call, trip, references);
  const updated = await updateCallRow(
    tx,
    current,
    { ...values, status, ...(change.isNewStatus ? { completedAt: completedAtOf(status, new Date()) } : {}) },
    { userId: null, tokenId },
  );
  return { call: apiCallOf(updated, null, placesOf(trip, reads.found)), isCreated: false, isChanged: true };
}

/** A refusal of a passenger trip's field, for the person reading the dispatch system's log (in English, as zod's). */
function tripProblem(code: ErrorCode, sent: string | null): string {
  switch (code) {
    case 'call.unknownMunicipality':
      return `unknown municipality “${sent}”: not on the company’s list (an administrator adds it)`;
    case 'call.municipalityRequired':
      return 'required for a passenger trip';
    case 'call.notPassenger':
      return 'only for a passenger trip: the client’s tariff is not passenger transport';
    case 'call.hoursRequired':
      return 'required with billingType hourly';
    case 'call.hoursNotHourly':
      return 'only with billingType hourly';
    case 'reference.field.tooLong':
      return '100 characters at most';
    default:
      return 'invalid';
  }
}

/** A reference's refusal, with what to send: its format and example, or its allowed values (as the refusal's details say them). */
function referenceProblem(code: ErrorCode, rule: Record<string, string | number> | undefined): string {
  if (code === 'reference.field.format' && rule) return `does not follow the format ${rule.format} (e.g. ${rule.example})`;
  if (code === 'reference.field.notAllowed' && rule) return `not one of the allowed values: ${rule.values}`;
  return tripProblem(code, null);
}

/**
 * The refusals of the trip (tripOfCall) and of the references (tripAndReferencesOfCall) by field,
 * a reference's as `references.<label>`: an unknown municipality is its own code, anything else a
 * validation error.
 */
function tripRefusal(error: AppError, call: CallInput): ApiError {
  const rules = error.details.map((detail) => detail.params);
  const fields = Object.fromEntries(
    Object.entries(error.fieldErrors).map(([field, codes]) => {
      const reference = /^references\[(.+)\]$/.exec(field)?.[1];
      if (reference !== undefined)
        return [
          `references.${reference}`,
          codes.map((code) =>
            referenceProblem(
              code,
              rules.find((rule) => rule.label === reference),
            ),
          ),
        ];
      return [
        field,
        codes.map((code) => tripProblem(code, field === 'originMunicipality' || field === 'destinationMunicipality' ? call[field] : null)),
      ];
    }),
  );
  const isUnknownPlace = Object.values(error.fieldErrors).some((codes) => codes.includes('call.unknownMunicipality'));
  return new ApiError(isUnknownPlace ? 'unknown_municipality' : 'validation', fields);
}

/** A refusal of the call's rules as the API's error, with the field it is about. */
function explainRefusal(error: unknown, call: CallInput): unknown {
  if (error instanceof ApiError) return error;
  if (error instanceof AppError && (error.code === 'validation' || error.code === 'reference.invalid')) return tripRefusal(error, call);
  if (error instanceof AppError && error.code === 'call.unknownClient')
    return new ApiError('unknown_client', { clientNumber: ['unknown client'] });
  if (error instanceof AppError && error.code === 'call.inactiveClient')
    return new ApiError('inactive_client', { clientNumber: ['inactive client'] });
  if (error instanceof AppError && error.code === 'hold.blocked')
    return new ApiError('credit_hold', { clientNumber: [`billed client ${error.params.billedClientNumber} on hold`] });
  if (error instanceof AppError && (error.code === 'call.invoiced' || error.code === 'import.callLegacyInvoiced'))
    return new ApiError('call_invoiced');
  // The database's own guard: the call was invoiced between our check and our write.
  if (pgErrorOf(error)?.code === RC_CALL_INVOICED) return new ApiError('call_invoiced');
  return error;
}
