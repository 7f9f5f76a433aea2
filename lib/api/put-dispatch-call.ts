/**
 * A call of the dispatch system, created or brought up to date by its own id
 * (docs/business-rules.md, Dispatch API). The same request sent twice, even at the same moment,
 * gives one call: the id is unique in the database, and the second request finds the call the
 * first one created and changes nothing. The call follows the screens' rules: priced with its
 * own client's tariff and discount, kept at its price unless its client, distance or waiting
 * time changes, refused for a blocked account, and read-only once invoiced.
 */
import { and, eq, sql } from 'drizzle-orm';
import { withPreparedStatements, type Db, type Tx } from '@/db/index';
import { RC_CALL_INVOICED, pgErrorOf } from '@/db/errors';
import { callStatusChanges, calls } from '@/db/schema';
import { billingLockSharedCondition } from '@/lib/billing/billing-lock';
import type { CallInput, CallStatus } from '@/lib/calls/call-input';
import { callDetails, findInvoiceOfCall, insertCall, pricedValues, quoteCall, type CallQuote } from '@/lib/calls/save-call';
import { todayInMontreal } from '@/lib/dates/montreal';
import { AppError } from '@/lib/errors';
import { creditHoldOf, type CreditHold } from '@/lib/receivables/credit-hold';
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
    return await withPreparedStatements(() =>
      db.transaction(async (tx) => {
        // What either path may need, sent at once: queries issued together go out pipelined on the
        // transaction's connection, one round trip instead of four. The price and the credit hold are
        // kept as outcomes: a refusal of this client only matters if the call is to be priced.
        const [existing, invoice, quote, hold] = await Promise.all([
          lockByDispatchId(tx, dispatchId),
          invoiceOfDispatchCall(tx, dispatchId),
          outcomeOf(quoteCall(tx, call.clientNumber, call, { lock: true })),
          creditHoldOf(tx, call.clientNumber, todayInMontreal(), call.serviceDate),
        ]);
        const reads: Reads = { invoice, quote, hold };
        if (existing) return updateDispatchCall(tx, tokenId, existing, call, status, reads);
        const created = await insertCall(tx, {
          ...pricedValues(call, allowedQuote(reads, true)),
          status,
          completedAt: status === 'completed' ? new Date() : null,
          dispatchId,
          createdByToken: tokenId,
        });
        if (created) return { call: apiCallOf(created, null), isCreated: true, isChanged: true };
        // The same id was created by a request that committed while this one waited on it.
        const [current, itsInvoice] = await Promise.all([lockByDispatchId(tx, dispatchId), invoiceOfDispatchCall(tx, dispatchId)]);
        return updateDispatchCall(tx, tokenId, current!, call, status, { ...reads, invoice: itsInvoice });
      }),
    );
  } catch (error) {
    throw explainRefusal(error);
  }
}

type Outcome<T> = { value: T } | { error: unknown };

function outcomeOf<T>(promise: Promise<T>): Promise<Outcome<T>> {
  return promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
}

/** What was read with the call: its invoice, its price for the client sent, that client's account's credit hold. */
type Reads = {
  invoice: { number: number; billedClientNumber: number } | null;
  quote: Outcome<CallQuote>;
  hold: CreditHold | null;
};

/**
 * The call of this id, locked. As every change of a call, the billing lock is taken shared first,
 * so that a run bills it before or after: the lock is the statement's one-time condition,
 * evaluated before any row is read.
 */
async function lockByDispatchId(tx: Tx, dispatchId: string): Promise<StoredCall | undefined> {
  const [found] = await tx
    .select()
    .from(calls)
    .where(and(sql`${billingLockSharedCondition} is not null`, eq(calls.dispatchId, dispatchId)))
    .for('no key update');
  return found;
}

async function invoiceOfDispatchCall(tx: Tx, dispatchId: string) {
  return findInvoiceOfCall(tx, sql`(select number from calls where dispatch_id = ${dispatchId})`);
}

/**
 * The price of the call for its client. A new call, or a call moved to another client, is refused
 * when the account it will be billed to (its client's group on its service date) is blocked; a
 * call re-priced for the same client is not held again (docs/business-rules.md, Credit hold).
 */
function allowedQuote({ quote, hold }: Reads, isHoldChecked: boolean): CallQuote {
  if ('error' in quote) throw quote.error;
  // No administrator stands behind the API to let a call through: a blocked account refuses it.
  if (isHoldChecked && hold?.effect === 'block')
    throw new ApiError('credit_hold', { clientNumber: [`billed client ${hold.billedClientNumber} on hold`] });
  return quote.value;
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
  reads: Reads,
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
  const { invoice } = reads;
  if (!isChanged) return { call: apiCallOf(current, invoice), isCreated: false, isChanged: false };
  if (invoice) throw new ApiError('call_invoiced');
  const values = isRepriced ? pricedValues(call, allowedQuote(reads, current.clientNumber !== call.clientNumber)) : details;
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
