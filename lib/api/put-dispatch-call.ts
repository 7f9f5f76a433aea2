/**
 * A call of the dispatch system, created or brought up to date by its own id
 * (docs/business-rules.md, Dispatch API). The same request sent twice, even at the same moment,
 * gives one call: the id is unique in the database, and the second request finds the call the
 * first one created and changes nothing. The call follows the screens' rules: priced with its
 * own client's tariff and discount, kept at its price unless its client, distance or waiting
 * time changes, refused for a blocked account, and read-only once invoiced.
 */
import { eq } from 'drizzle-orm';
import type { Db, Tx } from '@/db/index';
import { RC_CALL_INVOICED, pgErrorOf } from '@/db/errors';
import { callStatusChanges, calls } from '@/db/schema';
import { takeBillingLockShared } from '@/lib/billing/billing-lock';
import type { CallInput, CallStatus } from '@/lib/calls/call-input';
import { callDetails, findInvoiceOfCall, pricedValues, quoteCall } from '@/lib/calls/save-call';
import { todayInMontreal } from '@/lib/dates/montreal';
import { AppError } from '@/lib/errors';
import { creditHoldOf } from '@/lib/receivables/credit-hold';
import { ApiError } from './api-error';
import { toCallInput, type DispatchCallInput } from './dispatch-call-input';
import { apiCallOf, type ApiCall } from './resources';

/** The call as it now stands, answered without reading it again. */
export type PutDispatchCallResult = { call: ApiCall; isCreated: boolean; isChanged: boolean };

type StoredCall = typeof calls.$inferSelect;

export async function putDispatchCall(
  db: Db,
  tokenId: number,
  dispatchId: string,
  input: DispatchCallInput,
): Promise<PutDispatchCallResult> {
  const { call, status } = toCallInput(input);
  try {
    return await db.transaction(async (tx) => {
      // As every change of a call: the billing lock shared, so that a run bills it before or after.
      await takeBillingLockShared(tx);
      const existing = await lockByDispatchId(tx, dispatchId);
      if (existing) return updateDispatchCall(tx, tokenId, existing, call, status);
      const created = await insertDispatchCall(tx, tokenId, dispatchId, call, status);
      if (created !== null) return { call: apiCallOf(created, null), isCreated: true, isChanged: true };
      // The same id was created by a request that committed while this one waited on it.
      return updateDispatchCall(tx, tokenId, (await lockByDispatchId(tx, dispatchId))!, call, status);
    });
  } catch (error) {
    throw explainRefusal(error);
  }
}

async function lockByDispatchId(tx: Tx, dispatchId: string): Promise<StoredCall | undefined> {
  const [found] = await tx.select().from(calls).where(eq(calls.dispatchId, dispatchId)).for('no key update');
  return found;
}

/**
 * The price of the call for its client. A new call, or a call moved to another client, is refused
 * when the account it will be billed to (its client's group on its service date) is blocked; a
 * call re-priced for the same client is not held again (docs/business-rules.md, Credit hold).
 */
async function quoteAllowedCall(tx: Tx, call: CallInput, isHoldChecked: boolean) {
  const quote = await quoteCall(tx, call.clientNumber, call, { lock: true });
  if (!isHoldChecked) return quote;
  const hold = await creditHoldOf(tx, call.clientNumber, todayInMontreal(), call.serviceDate);
  // No administrator stands behind the API to let a call through: a blocked account refuses it.
  if (hold?.effect === 'block') throw new ApiError('credit_hold', { clientNumber: [`billed client ${hold.billedClientNumber} on hold`] });
  return quote;
}

/** The new call, or null when a call with this id was created meanwhile. */
async function insertDispatchCall(
  tx: Tx,
  tokenId: number,
  dispatchId: string,
  call: CallInput,
  status: CallStatus,
): Promise<StoredCall | null> {
  const quote = await quoteAllowedCall(tx, call, true);
  const [created] = await tx
    .insert(calls)
    .values({
      ...pricedValues(call, quote),
      status,
      completedAt: status === 'completed' ? new Date() : null,
      dispatchId,
      createdByToken: tokenId,
    })
    .onConflictDoNothing({ target: calls.dispatchId })
    .returning();
  if (!created) return null;
  await tx.insert(callStatusChanges).values({ callNumber: created.number, fromStatus: null, toStatus: status, changedByToken: tokenId });
  return created;
}

/**
 * Brings the stored call to what the dispatch system sent. Nothing differs: nothing is written
 * (a request repeated after the call was invoiced is answered, not refused). The dispatch system
 * owns the call's life, so its status is taken as sent, from any status to any other.
 */
async function updateDispatchCall(
  tx: Tx,
  tokenId: number,
  current: StoredCall,
  call: CallInput,
  status: CallStatus,
): Promise<PutDispatchCallResult> {
  const details = callDetails(call);
  const isRepriced =
    current.clientNumber !== call.clientNumber || current.distanceKm !== call.distanceKm || current.waitingMinutes !== call.waitingMinutes;
  const isChanged =
    isRepriced ||
    current.status !== status ||
    current.serviceAt.getTime() !== details.serviceAt.getTime() ||
    current.serviceDate !== details.serviceDate ||
    current.caller !== details.caller ||
    current.pickupAddress !== details.pickupAddress ||
    current.destinationAddress !== details.destinationAddress ||
    current.serviceType !== details.serviceType ||
    current.clientReference !== details.clientReference ||
    current.notes !== details.notes;
  const invoice = await findInvoiceOfCall(tx, current.number);
  if (!isChanged) return { call: apiCallOf(current, invoice), isCreated: false, isChanged: false };
  if (invoice) throw new ApiError('call_invoiced');
  const values = isRepriced ? pricedValues(call, await quoteAllowedCall(tx, call, current.clientNumber !== call.clientNumber)) : details;
  const isNewStatus = current.status !== status;
  const [updated] = await tx
    .update(calls)
    .set({
      ...values,
      status,
      ...(isNewStatus ? { completedAt: status === 'completed' ? new Date() : null } : {}),
      updatedAt: new Date(),
    })
    .where(eq(calls.number, current.number))
    .returning();
  if (isNewStatus)
    await tx
      .insert(callStatusChanges)
      .values({ callNumber: current.number, fromStatus: current.status, toStatus: status, changedByToken: tokenId });
  return { call: apiCallOf(updated!, null), isCreated: false, isChanged: true };
}

/** A refusal of the call's rules as the API's error, with the field it is about. */
function explainRefusal(error: unknown): unknown {
  if (error instanceof ApiError) return error;
  if (error instanceof AppError && error.code === 'call.unknownClient')
    return new ApiError('unknown_client', { clientNumber: ['unknown client'] });
  if (error instanceof AppError && error.code === 'call.inactiveClient')
    return new ApiError('inactive_client', { clientNumber: ['inactive client'] });
  // The database's own guard: the call was invoiced between our check and our write.
  if (pgErrorOf(error)?.code === RC_CALL_INVOICED) return new ApiError('call_invoiced');
  return error;
}
