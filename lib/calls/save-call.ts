/**
 * Taking and editing calls. A call is always priced with its own client's tariff and discount
 * (for a member: the member's, never the head's), by the one pricing function, and stores the
 * price with the tariff it came from. A call on a non-void invoice is read-only.
 */
import { eq, sql, type SQL } from 'drizzle-orm';
import { queryRows, withPreparedStatements, type Db, type Executor, type Tx } from '@/db/index';
import { RC_CALL_INVOICED, pgErrorOf } from '@/db/errors';
import { auditLog, callStatusChanges, calls, clients, creditHoldOverrides, tariffs } from '@/db/schema';
import type { Role } from '@/lib/auth/roles';
import { creditHoldOf, holdReasonCodes, type CreditHold } from '@/lib/receivables/credit-hold';
import { invoiceOfCall } from '@/lib/billing/invoiced-calls';
import { montrealDateTime, todayInMontreal } from '@/lib/dates/montreal';
import { takeBillingLockShared } from '@/lib/billing/billing-lock';
import { AppError } from '@/lib/errors';
import { priceCall, type CallPrice } from '@/lib/pricing/price-call';
import type { CallInput, CallStatus } from './call-input';
import { canChangeStatus } from './call-status';

export type CallQuote = {
  client: { number: number; name: string; groupedClientNumber: number | null };
  tariffId: number;
  tariffCode: string;
  discountPercent: string;
  price: CallPrice;
};

/** The price of a call for `clientNumber`, from that client's own tariff and discount. */
export async function quoteCall(
  db: Executor,
  clientNumber: number,
  measures: { distanceKm: string; waitingMinutes: number },
  options: { lock?: boolean } = {},
): Promise<CallQuote> {
  const query = db
    .select({
      number: clients.number,
      name: clients.name,
      isActive: clients.isActive,
      groupedClientNumber: clients.groupedClientNumber,
      discountPercent: clients.discountPercent,
      tariffId: tariffs.id,
      tariffCode: tariffs.code,
      baseCents: tariffs.baseCents,
      perKm: tariffs.perKm,
      perMinute: tariffs.perMinute,
      minimumChargeCents: tariffs.minimumChargeCents,
    })
    .from(clients)
    .innerJoin(tariffs, eq(tariffs.id, clients.tariffId))
    .where(eq(clients.number, clientNumber))
    .limit(1);
  // The client row is share-locked while a call is saved: its tariff cannot change under us.
  const [client] = options.lock ? await query.for('share', { of: clients }) : await query;
  if (!client) throw new AppError('call.unknownClient', { number: clientNumber }, { clientNumber: ['call.unknownClient'] });
  if (!client.isActive) throw new AppError('call.inactiveClient', { number: clientNumber }, { clientNumber: ['call.inactiveClient'] });
  return {
    client: { number: client.number, name: client.name, groupedClientNumber: client.groupedClientNumber },
    tariffId: client.tariffId,
    tariffCode: client.tariffCode,
    discountPercent: client.discountPercent,
    price: priceCall(client, { ...measures, discountPercent: client.discountPercent }),
  };
}

/** What the dispatcher typed, as stored (without the price). */
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

export function pricedValues(input: CallInput, quote: CallQuote) {
  return {
    ...callDetails(input),
    tariffId: quote.tariffId,
    tariffCode: quote.tariffCode,
    discountPercent: quote.discountPercent,
    ...quote.price,
  };
}

type HoldOptions = { role?: Role; holdOverride?: string | null };

/**
 * The price of a call of `input` for its client, with the credit hold of the account it will be
 * billed to (its client's group on the call's service date), read together: the two statements go
 * out pipelined, one round trip. A blocked account refuses the call unless an administrator lets
 * this one through with a reason; the answer says whether an override is to be recorded. The hold
 * is not checked (`isHoldChecked` false) for a call re-priced for the same client.
 */
async function priceWithHold(tx: Tx, input: CallInput, options: HoldOptions, isHoldChecked: boolean) {
  const [quote, hold] = await Promise.all([
    quoteCall(tx, input.clientNumber, input, { lock: true }),
    isHoldChecked ? creditHoldOf(tx, input.clientNumber, todayInMontreal(), input.serviceDate) : null,
  ]);
  return { quote, letThrough: hold ? holdDecision(hold, options) : null };
}

function holdDecision(hold: CreditHold, options: HoldOptions): { hold: CreditHold; override: string } | null {
  if (hold.effect !== 'block') return null;
  const override = options.holdOverride?.trim() || null;
  if (override === null) {
    const suspended = hold.reasons.find((reason) => reason.kind === 'suspended');
    throw new AppError('hold.blocked', { number: suspended?.clientNumber ?? hold.billedClientNumber });
  }
  if (options.role !== 'admin') throw new AppError('hold.overrideForbidden', {}, { holdOverride: ['hold.overrideForbidden'] });
  return { hold, override };
}

/** A call let through a blocked account: kept with the call and in the audit log. */
async function recordHoldOverride(tx: Tx, actorId: number, callNumber: number, { hold, override }: { hold: CreditHold; override: string }) {
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
 * recorded with the call and in the audit log (docs/business-rules.md, Credit hold).
 */
export async function createCall(
  db: Db,
  actorId: number,
  input: CallInput,
  options: HoldOptions = {},
): Promise<{ number: number; priceCents: number }> {
  return withPreparedStatements(() =>
    db.transaction(async (tx) => {
      const { quote, letThrough } = await priceWithHold(tx, input, options, true);
      const created = (await insertCall(tx, { ...pricedValues(input, quote), status: 'open', createdBy: actorId }))!;
      if (letThrough) await recordHoldOverride(tx, actorId, created.number, letThrough);
      return { number: created.number, priceCents: created.priceCents };
    }),
  );
}

/**
 * Inserts a call with its first status change, by the call's own author, in one statement (one
 * round trip): the change is written from the row the insert returns. With a dispatch id already
 * taken by another call, nothing is written and the answer is undefined.
 */
export async function insertCall(tx: Tx, values: typeof calls.$inferInsert): Promise<typeof calls.$inferSelect | undefined> {
  const insert = tx.insert(calls).values(values);
  const created = tx
    .$with('created')
    .as((values.dispatchId ? insert.onConflictDoNothing({ target: calls.dispatchId }) : insert).returning());
  const firstStatus = tx.$with('first_status', { callNumber: sql<number>`call_number` }).as(
    sql`insert into call_status_changes (call_number, from_status, to_status, changed_by, changed_by_token)
        select number, null, status, created_by, created_by_token from created returning call_number`,
  );
  const [row] = await tx.with(created, firstStatus).select().from(created);
  return row;
}

/** The invoice a call is on (not void), if any; the call by its number, or by a subquery that gives it. */
export async function findInvoiceOfCall(
  db: Executor,
  callNumber: number | SQL,
): Promise<{ number: number; billedClientNumber: number } | null> {
  const [invoice] = await queryRows<{ number: string | number; billed_client_number: number }>(
    db,
    sql`select i.number, i.billed_client_number ${invoiceOfCall(callNumber)} limit 1`,
  );
  return invoice ? { number: Number(invoice.number), billedClientNumber: invoice.billed_client_number } : null;
}

async function lockEditableCall(tx: Tx, number: number) {
  // The billing lock first (shared), then the row: a running billing run finishes before us.
  await takeBillingLockShared(tx);
  const [call] = await tx.select().from(calls).where(eq(calls.number, number)).for('no key update');
  if (!call) throw new AppError('call.notFound', { number });
  // Imported with the invoice it was billed on in the former system: as read-only as one billed here.
  if (call.legacyInvoiceNumber !== null) throw new AppError('import.callLegacyInvoiced', { number, invoice: call.legacyInvoiceNumber });
  const invoice = await findInvoiceOfCall(tx, number);
  if (invoice) throw new AppError('call.invoiced', { number, invoice: invoice.number });
  return call;
}

function explainCallRefusal(error: unknown, number: number): never {
  const pg = pgErrorOf(error);
  if (pg?.code === RC_CALL_INVOICED) throw new AppError('call.invoiced', { number, invoice: pg.detail ?? '' });
  throw error;
}

/**
 * Edits a call not yet invoiced; it is priced again with its client's tariff of today. A call
 * moved to another client goes through the credit hold as a new call does, on the account that
 * client is billed to on the call's service date; a call re-priced for the same client does not.
 */
export async function updateCall(
  db: Db,
  actorId: number,
  number: number,
  input: CallInput,
  options: HoldOptions = {},
): Promise<{ priceCents: number }> {
  try {
    return await withPreparedStatements(() =>
      db.transaction(async (tx) => {
        const current = await lockEditableCall(tx, number);
        // A call keeps the price it was given (docs/business-rules.md, Call pricing): it is priced
        // again only when what the price depends on changes — its client, its distance or its
        // waiting time.
        const isRepriced =
          current.clientNumber !== input.clientNumber ||
          current.distanceKm !== input.distanceKm ||
          current.waitingMinutes !== input.waitingMinutes;
        if (!isRepriced) {
          await tx
            .update(calls)
            .set({ ...callDetails(input), updatedAt: new Date() })
            .where(eq(calls.number, number));
          return { priceCents: current.priceCents };
        }
        const { quote, letThrough } = await priceWithHold(tx, input, options, current.clientNumber !== input.clientNumber);
        await tx
          .update(calls)
          .set({ ...pricedValues(input, quote), updatedAt: new Date() })
          .where(eq(calls.number, number));
        if (letThrough) await recordHoldOverride(tx, actorId, number, letThrough);
        return { priceCents: quote.price.priceCents };
      }),
    );
  } catch (error) {
    if (error instanceof AppError) throw error;
    return explainCallRefusal(error, number);
  }
}

export async function changeCallStatus(db: Db, actorId: number, number: number, to: CallStatus): Promise<void> {
  try {
    await withPreparedStatements(() =>
      db.transaction(async (tx) => {
        const call = await lockEditableCall(tx, number);
        if (!canChangeStatus(call.status, to)) throw new AppError('call.statusNotAllowed', { number });
        await tx
          .update(calls)
          .set({ status: to, completedAt: to === 'completed' ? new Date() : null, updatedAt: new Date() })
          .where(eq(calls.number, number));
        await tx.insert(callStatusChanges).values({ callNumber: number, fromStatus: call.status, toStatus: to, changedBy: actorId });
      }),
    );
  } catch (error) {
    if (error instanceof AppError) throw error;
    explainCallRefusal(error, number);
  }
}
