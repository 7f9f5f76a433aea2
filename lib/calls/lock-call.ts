import { and, eq, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor, type Tx } from '@/db/index';
import { calls, tariffs } from '@/db/schema';
import { billingLockSharedCondition } from '@/lib/billing/billing-lock';
import { invoiceOfCall } from '@/lib/billing/invoiced-calls';
import { countedMunicipality, countedMunicipalityOf, type Municipality } from '@/lib/municipalities/find-municipalities';
import type { StoredCall, TripTariff } from './call-rules';

/**
 * A call as a change reads it: its municipalities as it counts them (a variant merged since
 * counts as the municipality it joined: its id in originMunicipalityId and destinationMunicipalityId
 * too, so that the same call sent again is no change), and what its tariff says of its trip.
 */
export type LockedCall = StoredCall & { tariff: TripTariff; origin: Municipality | null; destination: Municipality | null };

/** The invoice a call is on: its number and the client it bills (the head for a member). */
export type CallInvoice = { number: number; billedClientNumber: number };

/** A call by its number (the form), or by the id its dispatch system gave it (the dispatch API). */
export type CallKey = { number: number } | { dispatchId: string };

/**
 * The call of `key`, locked for a change, with the invoice it is on (refuseLockedCall decides),
 * in one round trip. As every change of a call, the billing lock is taken shared first, so that a
 * run bills the call before or after: the lock is the first statement's one-time condition,
 * evaluated before any row is read, and the invoice's statement goes out pipelined behind it, so
 * it runs once the lock is held and sees an invoice a run committed before.
 */
export function lockCall(tx: Tx, key: CallKey): Promise<[LockedCall | undefined, CallInvoice | null]> {
  // Called in this order, they are sent in this order (and so are reads the caller pipelines after them).
  return Promise.all([lockRow(tx, key), findInvoiceOfCall(tx, 'number' in key ? key.number : numberOfDispatchId(key.dispatchId))]);
}

async function lockRow(tx: Tx, key: CallKey): Promise<LockedCall | undefined> {
  const byKey = 'number' in key ? eq(calls.number, key.number) : eq(calls.dispatchId, key.dispatchId);
  const [found] = await tx
    .select({
      call: calls,
      isPassenger: tariffs.isPassenger,
      defaultBillingType: tariffs.defaultBillingType,
      origin: countedMunicipality(calls.originMunicipalityId),
      destination: countedMunicipality(calls.destinationMunicipalityId),
    })
    .from(calls)
    .innerJoin(tariffs, eq(tariffs.id, calls.tariffId))
    .where(and(sql`${billingLockSharedCondition} is not null`, byKey))
    .for('no key update', { of: calls });
  if (!found) return undefined;
  const { call, isPassenger, defaultBillingType } = found;
  const origin = countedMunicipalityOf(found.origin);
  const destination = countedMunicipalityOf(found.destination);
  return {
    ...call,
    originMunicipalityId: origin?.id ?? null,
    destinationMunicipalityId: destination?.id ?? null,
    tariff: { isPassenger, defaultBillingType },
    origin,
    destination,
  };
}

function numberOfDispatchId(dispatchId: string): SQL {
  return sql`(select number from calls where dispatch_id = ${dispatchId})`;
}

/** The invoice a call is on (not void), if any; the call by its number, or by a subquery that gives it. */
export async function findInvoiceOfCall(db: Executor, callNumber: number | SQL): Promise<CallInvoice | null> {
  const [invoice] = await queryRows<{ number: string | number; billed_client_number: number }>(
    db,
    sql`select i.number, i.billed_client_number ${invoiceOfCall(callNumber)} limit 1`,
  );
  return invoice ? { number: Number(invoice.number), billedClientNumber: invoice.billed_client_number } : null;
}
