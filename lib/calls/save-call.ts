/**
 * Taking and editing calls at the form, by the rules of every writer of calls (call-rules.ts): a
 * call priced with its own client's tariff and discount (quote-call.ts), held by its account's
 * credit hold with an administrator's override, a passenger trip with its billing type and its
 * municipalities from the list (tripOfCall), the required references of its client and head
 * (tripAndReferencesOfCall: each required at the form), read-only once billed, and its status history.
 */
import { transactionCommittedBehind, withPreparedStatements, type Db, type Tx } from '@/db/index';
import { RC_CALL_INVOICED, pgErrorOf } from '@/db/errors';
import { auditLog, creditHoldOverrides } from '@/db/schema';
import { todayInMontreal } from '@/lib/dates/montreal';
import { AppError } from '@/lib/errors';
import { findMunicipalities } from '@/lib/municipalities/find-municipalities';
import { creditHoldOf, holdReasonCodes } from '@/lib/receivables/credit-hold';
import { referenceRulesOfCall } from '@/lib/references/find-references';
import type { CallInput, CallStatus } from './call-input';
import {
  callDetails,
  changeOfCall,
  completedAtOf,
  decideCreditHold,
  municipalityNamesOf,
  pricedValues,
  refuseLockedCall,
  tripAndReferencesOfCall,
  type HoldAuthority,
  type HoldOverride,
} from './call-rules';
import { canChangeStatus } from './call-status';
import { insertCall } from './insert-call';
import { lockCall, type CallInvoice, type LockedCall } from './lock-call';
import { quoteCall } from './quote-call';
import { updateCallRow } from './update-call-row';

/** The price preview reads the price as the save does. */
export { quoteCall, type CallQuote } from './quote-call';

/**
 * The price of a call of `input` for its client, with the credit hold of the account it will be
 * billed to (its client's group on the call's service date), read together: the two statements go
 * out pipelined, one round trip. The hold is read only when it is to be checked.
 */
function readPriceAndHold(tx: Tx, input: CallInput, isHoldChecked: boolean) {
  return Promise.all([
    quoteCall(tx, input.clientNumber, input, { lock: true }),
    isHoldChecked ? creditHoldOf(tx, input.clientNumber, todayInMontreal(), input.serviceDate) : null,
  ]);
}

/** A call let through a blocked account: kept with the call and in the audit log. */
async function recordHoldOverride(tx: Tx, actorId: number, callNumber: number, { hold, override }: HoldOverride) {
  await tx.insert(creditHoldOverrides).values({
    billedClientNumber: hold.billedClientNumber,
    callNumber,
    reason: override,
    holdReasons: holdReasonCodes(hold),
    createdBy: actorId,
  });
  await tx.insert(auditLog).values({
    userId: actorId,
    entity: 'client',
    entityKey: String(hold.billedClientNumber),
    clientNumber: hold.billedClientNumber,
    field: 'credit_hold_override',
    oldValue: holdReasonCodes(hold),
    newValue: `${callNumber} : ${override}`,
  });
}

/**
 * Takes a call. An account on credit hold under the policy "bloquer" (or suspended) refuses it,
 * unless an administrator lets this one call through with a reason (`holdOverride`), which is
 * recorded with the call and in the audit log (docs/business-rules.md, Credit hold). The
 * municipalities its names stand for are read with its price and its hold, in the same round trip;
 * the call is written and committed in the next one (transactionCommittedBehind), or, let through
 * a blocked account, written, then its override, then committed.
 */
export async function createCall(
  db: Db,
  actorId: number,
  input: CallInput,
  options: HoldAuthority = {},
): Promise<{ number: number; priceCents: number }> {
  return withPreparedStatements(() =>
    transactionCommittedBehind(db, async (tx) => {
      const [[quote, hold], found, rules] = await Promise.all([
        readPriceAndHold(tx, input, true),
        findMunicipalities(tx, municipalityNamesOf(input)),
        referenceRulesOfCall(tx, input.clientNumber, input.serviceDate),
      ]);
      const { trip, references } = tripAndReferencesOfCall(input, quote.tariff, found, rules, { isMissingRefused: true });
      const letThrough = decideCreditHold(hold, options);
      const inserted = insertCall(tx, { ...pricedValues(input, quote, trip, references), status: 'open', createdBy: actorId });
      const last = inserted.then((created) => ({ number: created!.number, priceCents: created!.priceCents }));
      if (!letThrough) return { last };
      // Let through a blocked account: the override is written with the call's number.
      const created = await last;
      await recordHoldOverride(tx, actorId, created.number, letThrough);
      return { last: Promise.resolve(created) };
    }),
  );
}

/** The call of this number as locked with its invoice (lockCall), refused when unknown or billed (here or in the former system). */
function editableCall(number: number, [call, invoice]: [LockedCall | undefined, CallInvoice | null]): LockedCall {
  if (!call) throw new AppError('call.notFound', { number });
  refuseLockedCall(call, invoice);
  return call;
}

function explainCallRefusal(error: unknown, number: number): never {
  const pg = pgErrorOf(error);
  if (pg?.code === RC_CALL_INVOICED) throw new AppError('call.invoiced', { number, invoice: pg.detail ?? '' });
  throw error;
}

/**
 * Edits a call not yet invoiced. It keeps its price unless its client, distance or waiting time
 * changes; then it is priced again with its client's tariff of today, and a call moved to another
 * client goes through the credit hold as a new call does (changeOfCall). Its trip follows the
 * tariff it is priced with: its own, or its client's of today when priced again. The
 * municipalities its names stand for are read with the call, in the same round trip.
 */
export async function updateCall(
  db: Db,
  actorId: number,
  number: number,
  input: CallInput,
  options: HoldAuthority = {},
): Promise<{ priceCents: number }> {
  const author = { userId: actorId, tokenId: null };
  try {
    return await withPreparedStatements(() =>
      db.transaction(async (tx) => {
        const [locked, found, rules] = await Promise.all([
          lockCall(tx, { number }),
          findMunicipalities(tx, municipalityNamesOf(input)),
          referenceRulesOfCall(tx, input.clientNumber, input.serviceDate),
        ]);
        const current = editableCall(number, locked);
        const { isRepriced, isHoldChecked } = changeOfCall(current, input);
        const asTaken = { isMissingRefused: true, stored: current.referenceValues };
        if (!isRepriced) {
          const { trip, references } = tripAndReferencesOfCall(input, current.tariff, found, rules, asTaken);
          await updateCallRow(tx, current, callDetails(input, trip, references), author);
          return { priceCents: current.priceCents };
        }
        const [quote, hold] = await readPriceAndHold(tx, input, isHoldChecked);
        const { trip, references } = tripAndReferencesOfCall(input, quote.tariff, found, rules, asTaken);
        const letThrough = decideCreditHold(hold, options);
        await updateCallRow(tx, current, pricedValues(input, quote, trip, references), author);
        if (letThrough) await recordHoldOverride(tx, actorId, number, letThrough);
        return { priceCents: quote.price.priceCents };
      }),
    );
  } catch (error) {
    if (error instanceof AppError) throw error;
    return explainCallRefusal(error, number);
  }
}

/** Moves a call along its status flow (call-status.ts), recorded in its status history. */
export async function changeCallStatus(db: Db, actorId: number, number: number, to: CallStatus): Promise<void> {
  try {
    await withPreparedStatements(() =>
      db.transaction(async (tx) => {
        const call = editableCall(number, await lockCall(tx, { number }));
        if (!canChangeStatus(call.status, to)) throw new AppError('call.statusNotAllowed', { number });
        await updateCallRow(tx, call, { status: to, completedAt: completedAtOf(to, new Date()) }, { userId: actorId, tokenId: null });
      }),
    );
  } catch (error) {
    if (error instanceof AppError) throw error;
    explainCallRefusal(error, number);
  }
}
