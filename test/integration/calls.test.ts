import { and, count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  auditLog,
  billingRuns,
  callStatusChanges,
  calls,
  clients,
  creditHoldOverrides,
  invoiceLines,
  invoices,
  municipalities,
  users,
} from '@/db/schema';
import { callInput, type CallInput } from '@/lib/calls/call-input';
import { callSearchParams, findCalls, getCallDetails } from '@/lib/calls/find-calls';
import { changeOfCall } from '@/lib/calls/call-rules';
import { changeCallStatus, createCall, quoteCall, updateCall } from '@/lib/calls/save-call';
import { priceCall } from '@/lib/pricing/price-call';
import { setMembershipDate } from '@/lib/clients/membership';
import { findMunicipalities } from '@/lib/municipalities/find-municipalities';
import { insertClient, insertTariff, refusal } from '@/test/support/fixtures';
import { createTestDatabase, type TestDatabase } from '@/test/support/test-database';

let database: TestDatabase;
let dispatcherId: number;
const STD = { code: 'STD', baseCents: 450, perKm: '1.8750', perMinute: '0.6500', minimumChargeCents: 1200 };
const CORP = { code: 'CORP', baseCents: 325, perKm: '1.6125', perMinute: '0.5000', minimumChargeCents: 1000 };

function rawCall(changes: Record<string, string> = {}): Record<string, string> {
  return {
    clientNumber: '12346',
    serviceDate: '2026-10-04',
    serviceTime: '09:30',
    caller: 'Mme Côté',
    pickupAddress: '3035, boulevard Le Carrefour, Laval',
    destinationAddress: '1500, boulevard René-Lévesque Ouest, Montréal',
    distanceKm: '15,0',
    waitingMinutes: '0',
    serviceType: 'standard',
    clientReference: 'BC-2231',
    notes: '',
    ...changes,
  };
}
const call = (changes: Record<string, string> = {}): CallInput => callInput.parse(rawCall(changes));

async function callCount() {
  const [row] = await database.db.select({ n: count() }).from(calls);
  return row!.n;
}

beforeAll(async () => {
  database = await createTestDatabase();
  const [user] = await database.db
    .insert(users)
    .values({ email: 'rep@test.local', name: 'Répartiteur', role: 'dispatcher', passwordHash: 'x' })
    .returning();
  dispatcherId = user!.id;
  const std = await insertTariff(database.db, { ...STD, name: 'Standard' });
  const corp = await insertTariff(database.db, { ...CORP, name: 'Corporatif' });
  await insertClient(database.db, 12345, corp.id, { name: 'Pharmacie Centrale inc.', groupedClientNumber: 12345 });
  await insertClient(database.db, 12346, std.id, { name: 'Succursale Laval', groupedClientNumber: 12345, discountPercent: '5' });
  await insertClient(database.db, 20001, std.id, { name: 'Boulangerie Côté' });
  await insertClient(database.db, 20009, std.id, { name: 'Client fermé', isActive: false });
});
afterAll(() => database.drop());

describe('call taking', () => {
  test('a call for member 12346 is priced with 12346’s tariff (STD: 4.50 + 15 km × 1.875 = 32.63 $, 5 % off → 31.00 $), not its head’s CORP', async () => {
    const { number, priceCents } = await createCall(database.db, dispatcherId, call());
    const expected = priceCall(STD, { distanceKm: '15.00', waitingMinutes: 0, discountPercent: '5' });
    expect(expected).toEqual({ grossCents: 3263, discountCents: 163, priceCents: 3100 });
    expect(priceCents).toBe(3100);
    const [saved] = await database.db.select().from(calls).where(eq(calls.number, number));
    expect(saved).toMatchObject({
      clientNumber: 12346,
      tariffCode: 'STD',
      grossCents: 3263,
      discountCents: 163,
      priceCents: 3100,
      status: 'open',
      serviceDate: '2026-10-04',
    });
    expect(saved!.serviceAt.toISOString()).toBe('2026-10-04T13:30:00.000Z'); // 09:30 in Montréal (EDT)
  });

  test.each([
    [{ clientNumber: '99999' }, 'clientNumber', 'call.unknownClient'],
    [{ clientNumber: '20009' }, 'clientNumber', 'call.inactiveClient'],
  ])('%o is refused on %s and nothing is saved', async (changes, field, code) => {
    const before = await callCount();
    const error = await refusal(createCall(database.db, dispatcherId, call(changes)));
    expect(error.code).toBe(code);
    expect(error.fieldErrors[field]).toEqual([code]);
    expect(await callCount()).toBe(before);
  });

  test.each([
    [{ distanceKm: '-3' }, 'distanceKm', 'call.negativeDistance'],
    [{ distanceKm: 'loin' }, 'distanceKm', 'call.distance'],
    [{ serviceDate: 'demain' }, 'serviceDate', 'call.date'],
    [{ serviceDate: '2026-02-30' }, 'serviceDate', 'call.date'],
    [{ serviceTime: '25:00' }, 'serviceTime', 'call.time'],
    [{ waitingMinutes: '-5' }, 'waitingMinutes', 'call.waiting'],
    [{ waitingMinutes: '2.5' }, 'waitingMinutes', 'call.waiting'],
    [{ pickupAddress: '  ' }, 'pickupAddress', 'required'],
    [{ clientNumber: 'abc' }, 'clientNumber', 'call.clientNumber'],
  ])('the form %o is refused on %s (%s)', (changes, field, code) => {
    const result = callInput.safeParse(rawCall(changes));
    expect(result.success).toBe(false);
    expect(result.error!.issues.filter((i) => i.path[0] === field).map((i) => i.message)).toContain(code);
  });

  test('status flow open → dispatched → completed, recorded with who; a skipped step is refused', async () => {
    const { number } = await createCall(database.db, dispatcherId, call());
    expect((await refusal(changeCallStatus(database.db, dispatcherId, number, 'completed'))).code).toBe('call.statusNotAllowed');
    await changeCallStatus(database.db, dispatcherId, number, 'dispatched');
    await changeCallStatus(database.db, dispatcherId, number, 'completed');
    const history = await database.db
      .select()
      .from(callStatusChanges)
      .where(eq(callStatusChanges.callNumber, number))
      .orderBy(callStatusChanges.id);
    expect(history.map((h) => [h.fromStatus, h.toStatus, h.changedBy])).toEqual([
      [null, 'open', dispatcherId],
      ['open', 'dispatched', dispatcherId],
      ['dispatched', 'completed', dispatcherId],
    ]);
  });

  test('editing a call prices it again with its client’s tariff', async () => {
    const { number } = await createCall(database.db, dispatcherId, call());
    expect(
      await updateCall(database.db, dispatcherId, number, call({ clientNumber: '20001', distanceKm: '12,4', waitingMinutes: '7' })),
    ).toEqual({ priceCents: 3230 });
  });
});

describe('an invoiced call is read-only', () => {
  let invoicedCall: number;

  beforeAll(async () => {
    const { number } = await createCall(database.db, dispatcherId, call());
    await changeCallStatus(database.db, dispatcherId, number, 'dispatched');
    await changeCallStatus(database.db, dispatcherId, number, 'completed');
    invoicedCall = number;
    const [run] = await database.db
      .insert(billingRuns)
      .values({ kind: 'grouped', cutoffDate: '2026-10-31', issueDate: '2026-11-01', createdBy: dispatcherId })
      .returning();
    const [invoice] = await database.db
      .insert(invoices)
      .values({
        number: 1,
        billingRunId: run!.id,
        kind: 'grouped',
        billedClientNumber: 12345,
        issueDate: '2026-11-01',
        dueDate: '2026-12-01',
        billToName: 'Pharmacie Centrale inc.',
        billToAddressLine1: '1, rue A',
        billToCity: 'Montréal',
        billToProvince: 'QC',
        billToPostalCode: 'H2X 1Y4',
        language: 'fr',
        deliveryMethod: 'print',
        paymentTermsDays: 30,
        lineCount: 1,
        subtotalCents: 2945,
        gstCents: 147,
        qstCents: 294,
        totalCents: 3386,
      })
      .returning();
    await database.db.insert(invoiceLines).values({
      invoiceId: invoice!.id,
      callNumber: number,
      clientNumber: 12346,
      clientName: 'Succursale Laval',
      serviceDate: '2026-10-04',
      pickupAddress: 'A',
      destinationAddress: 'B',
      amountCents: 2945,
    });
  });

  test('the server refuses to edit it or change its status, naming the invoice', async () => {
    const edit = await refusal(updateCall(database.db, dispatcherId, invoicedCall, call({ distanceKm: '99' })));
    expect([edit.code, edit.params]).toEqual(['call.invoiced', { number: invoicedCall, invoice: 1 }]);
    expect((await refusal(changeCallStatus(database.db, dispatcherId, invoicedCall, 'dispatched'))).code).toBe('call.invoiced');
    const [unchanged] = await database.db.select().from(calls).where(eq(calls.number, invoicedCall));
    expect([unchanged!.distanceKm, unchanged!.status]).toEqual(['15.00', 'completed']);
  });

  test('the database refuses it too, even when the application is bypassed', async () => {
    const error = await database.db
      .update(calls)
      .set({ priceCents: 1, grossCents: 1, discountCents: 0 })
      .where(eq(calls.number, invoicedCall))
      .then(
        () => null,
        (e: { cause?: { code?: string; detail?: string } }) => e.cause,
      );
    expect(error).toMatchObject({ code: 'RC001', detail: '1' });
  });

  test('its details say where it was billed: the invoice and the head billed for the member', async () => {
    const details = await getCallDetails(database.db, invoicedCall);
    expect(details?.invoice).toEqual({ number: 1, billedClientNumber: 12345, billedClientName: 'Pharmacie Centrale inc.' });
    const found = await findCalls(database.db, callSearchParams.parse({ number: String(invoicedCall) }));
    expect(found.rows[0]).toMatchObject({ invoiceNumber: 1, billedClientNumber: 12345, groupedClientNumber: 12345 });
  });
});

describe('call search', () => {
  const search = (params: Record<string, string>) => findCalls(database.db, callSearchParams.parse(params));

  beforeAll(async () => {
    await createCall(
      database.db,
      dispatcherId,
      call({ clientNumber: '12345', serviceDate: '2026-10-03', caller: 'Réception', clientReference: 'SIÈGE-1' }),
    );
    await createCall(
      database.db,
      dispatcherId,
      call({ clientNumber: '20001', serviceDate: '2026-10-20', caller: 'Jean', pickupAddress: '4210, rue Saint-Denis, Montréal' }),
    );
  });

  test('by a head’s number: its own calls; with the members option, its members’ calls too', async () => {
    const own = await search({ client: '12345' });
    expect(new Set(own.rows.map((r) => r.clientNumber))).toEqual(new Set([12345]));
    const withMembers = await search({ client: '12345', members: '1' });
    expect(new Set(withMembers.rows.map((r) => r.clientNumber))).toEqual(new Set([12345, 12346]));
  });

  test('by a member’s own number, as the call was taken', async () => {
    const rows = (await search({ client: '12346' })).rows;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.clientNumber === 12346 && r.groupedClientNumber === 12345)).toBe(true);
  });

  test('by free text, accents and case ignored: "cote" finds the caller "Mme Côté", "siege" the reference "SIÈGE-1"', async () => {
    expect((await search({ q: 'cote' })).rows.length).toBeGreaterThan(0);
    expect((await search({ q: 'siege' })).rows.map((r) => r.clientReference)).toEqual(['SIÈGE-1']);
    expect((await search({ q: 'saint-denis' })).rows.map((r) => r.clientNumber)).toEqual([20001]);
  });

  test('by service date range (inclusive) and status, newest first', async () => {
    const rows = (await search({ from: '2026-10-03', to: '2026-10-20', status: 'open' })).rows;
    expect(rows.map((r) => r.serviceAt.toISOString().slice(0, 10))).toEqual(
      [...rows.map((r) => r.serviceAt.toISOString().slice(0, 10))].sort().reverse(),
    );
    expect(rows.some((r) => r.clientNumber === 20001)).toBe(true);
    expect((await search({ from: '2026-10-21' })).rows).toEqual([]);
  });

  test('a bad query string falls back to "not filtered" rather than failing', () => {
    expect(callSearchParams.parse({ from: '2026-13-45', status: 'x', sort: 'drop' })).toMatchObject({
      from: undefined,
      status: undefined,
      sort: 'date',
    });
  });
});

test('editing only the reference of a call keeps its price, even after its tariff changed', async () => {
  const { number, priceCents } = await createCall(
    database.db,
    dispatcherId,
    call({ clientNumber: '20001', distanceKm: '12,4', waitingMinutes: '7' }),
  );
  expect(priceCents).toBe(3230);
  await database.db.execute(sql`update tariffs set base_cents = 9900 where code = 'STD'`);
  try {
    expect(
      await updateCall(
        database.db,
        dispatcherId,
        number,
        call({ clientNumber: '20001', distanceKm: '12,4', waitingMinutes: '7', clientReference: 'BC-9' }),
      ),
    ).toEqual({ priceCents: 3230 });
    const [saved] = await database.db.select().from(calls).where(eq(calls.number, number));
    expect([saved!.clientReference, saved!.priceCents]).toEqual(['BC-9', 3230]);
  } finally {
    await database.db.execute(sql`update tariffs set base_cents = 450 where code = 'STD'`);
  }
});

describe('credit hold at call taking', () => {
  test('a member of a suspended head is refused; an administrator lets one call through with a reason, kept with the call and in the audit log', async () => {
    const db = database.db;
    await db.update(clients).set({ suspensionReason: 'Faillite' }).where(eq(clients.number, 12345));
    const [admin] = await db.insert(users).values({ email: 'adm@test.local', name: 'Admin', role: 'admin', passwordHash: 'x' }).returning();
    try {
      const before = await callCount();
      expect((await refusal(createCall(db, dispatcherId, call()))).code).toBe('hold.blocked');
      expect((await refusal(createCall(db, dispatcherId, call(), { role: 'dispatcher', holdOverride: 'Urgence' }))).code).toBe(
        'hold.overrideForbidden',
      );
      expect((await refusal(createCall(db, admin!.id, call(), { role: 'admin', holdOverride: '  ' }))).code).toBe('hold.blocked');
      expect(await callCount()).toBe(before);

      const { number } = await createCall(db, admin!.id, call(), { role: 'admin', holdOverride: 'Transport médical urgent' });
      const [override] = await db.select().from(creditHoldOverrides).where(eq(creditHoldOverrides.callNumber, number));
      expect(override).toMatchObject({
        billedClientNumber: 12345,
        reason: 'Transport médical urgent',
        holdReasons: 'suspended',
        createdBy: admin!.id,
      });
      const [logged] = await db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.clientNumber, 12345), eq(auditLog.field, 'credit_hold_override')));
      expect(logged).toMatchObject({ userId: admin!.id, newValue: `${number} : Transport médical urgent` });
      // A client billed on its own is not concerned by the group's hold.
      await createCall(db, dispatcherId, call({ clientNumber: '20001' }));
    } finally {
      await db.update(clients).set({ suspensionReason: null }).where(eq(clients.number, 12345));
    }
  });
});

describe('credit hold when a call moves to another client', () => {
  test('moved onto a suspended head’s member: refused, then let through by an administrator with a reason; the call is unchanged until then', async () => {
    const db = database.db;
    const [admin] = await db
      .insert(users)
      .values({ email: 'adm2@test.local', name: 'Admin', role: 'admin', passwordHash: 'x' })
      .returning();
    const { number } = await createCall(db, dispatcherId, call({ clientNumber: '20001' }));
    await db.update(clients).set({ suspensionReason: 'Chèque sans provision' }).where(eq(clients.number, 12345));
    try {
      const moved = call({ clientNumber: '12346' });
      expect(await refusal(updateCall(db, dispatcherId, number, moved))).toMatchObject({
        code: 'hold.blocked',
        params: { number: 12345 },
      });
      expect((await refusal(updateCall(db, dispatcherId, number, moved, { role: 'dispatcher', holdOverride: 'Urgence' }))).code).toBe(
        'hold.overrideForbidden',
      );
      const [unchanged] = await db.select().from(calls).where(eq(calls.number, number));
      expect(unchanged!.clientNumber).toBe(20001);

      await updateCall(db, admin!.id, number, moved, { role: 'admin', holdOverride: 'Client attendu à l’hôpital' });
      const [saved] = await db.select().from(calls).where(eq(calls.number, number));
      expect(saved!.clientNumber).toBe(12346);
      const [override] = await db.select().from(creditHoldOverrides).where(eq(creditHoldOverrides.callNumber, number));
      expect(override).toMatchObject({ billedClientNumber: 12345, reason: 'Client attendu à l’hôpital', holdReasons: 'suspended' });
      const logged = await db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.field, 'credit_hold_override'), eq(auditLog.newValue, `${number} : Client attendu à l’hôpital`)));
      expect(logged).toHaveLength(1);

      // Re-priced for the same client (a longer trip): not held again.
      const longer = await updateCall(db, dispatcherId, number, call({ clientNumber: '12346', distanceKm: '30,0' }));
      expect(longer.priceCents).toBeGreaterThan(saved!.priceCents);
    } finally {
      await db.update(clients).set({ suspensionReason: null }).where(eq(clients.number, 12345));
    }
  });

  test('the account held is the one billed on the call’s service date: a client joining a suspended head on 2026-11-01 is held for a call of 2026-11-05, not of 2026-10-15', async () => {
    const db = database.db;
    const std = (await db.select({ id: clients.tariffId }).from(clients).where(eq(clients.number, 20001)))[0]!.id;
    await insertClient(db, 30001, std, { name: 'Clinique Saint-Laurent' });
    await db.transaction(async (tx) => {
      await setMembershipDate(tx, '2026-11-01');
      await tx.update(clients).set({ groupedClientNumber: 12345 }).where(eq(clients.number, 30001));
    });
    const { number } = await createCall(db, dispatcherId, call({ clientNumber: '20001', serviceDate: '2026-10-15' }));
    await db.update(clients).set({ suspensionReason: 'Faillite' }).where(eq(clients.number, 12345));
    try {
      await updateCall(db, dispatcherId, number, call({ clientNumber: '30001', serviceDate: '2026-10-15' }));
      await createCall(db, dispatcherId, call({ clientNumber: '30001', serviceDate: '2026-10-20' }));
      expect((await refusal(createCall(db, dispatcherId, call({ clientNumber: '30001', serviceDate: '2026-11-05' })))).code).toBe(
        'hold.blocked',
      );
      const other = await createCall(db, dispatcherId, call({ clientNumber: '20001', serviceDate: '2026-11-05' }));
      expect(
        (await refusal(updateCall(db, dispatcherId, other.number, call({ clientNumber: '30001', serviceDate: '2026-11-05' })))).code,
      ).toBe('hold.blocked');
    } finally {
      await db.update(clients).set({ suspensionReason: null }).where(eq(clients.number, 12345));
    }
  });
});

test('a completed call is dated when completed and no longer once put back, each change in its history', async () => {
  const { number } = await createCall(database.db, dispatcherId, call({ clientNumber: '20001' }));
  const stored = async () => (await database.db.select().from(calls).where(eq(calls.number, number)))[0]!;
  await changeCallStatus(database.db, dispatcherId, number, 'dispatched');
  await changeCallStatus(database.db, dispatcherId, number, 'completed');
  expect((await stored()).completedAt).toBeInstanceOf(Date);
  await changeCallStatus(database.db, dispatcherId, number, 'dispatched');
  expect((await stored()).completedAt).toBeNull();
  // An edit keeps the status and writes no history line.
  await updateCall(database.db, dispatcherId, number, call({ clientNumber: '20001', notes: 'Sonner deux fois' }));
  const history = await database.db
    .select()
    .from(callStatusChanges)
    .where(eq(callStatusChanges.callNumber, number))
    .orderBy(callStatusChanges.id);
  expect(history.map((h) => [h.fromStatus, h.toStatus, h.changedBy, h.changedByToken])).toEqual([
    [null, 'open', dispatcherId, null],
    ['open', 'dispatched', dispatcherId, null],
    ['dispatched', 'completed', dispatcherId, null],
    ['completed', 'dispatched', dispatcherId, null],
  ]);
  expect((await stored()).status).toBe('dispatched');
});

describe('passenger trips', () => {
  let taxiId: number;
  beforeAll(async () => {
    const pax = await insertTariff(database.db, { ...STD, code: 'PAX', name: 'Transport de personnes', isPassenger: true });
    taxiId = (await insertTariff(database.db, { ...STD, code: 'TAXI', name: 'Taxi', isPassenger: true, defaultBillingType: 'taxi' })).id;
    await insertClient(database.db, 50001, pax.id, { name: 'CIUSSS (transport de patients)' });
    await insertClient(database.db, 50002, taxiId, { name: 'Hôtel Le Carrefour' });
  });
  const trip = (changes: Record<string, string> = {}) =>
    call({ clientNumber: '50001', originMunicipality: 'laval', destinationMunicipality: 'MONTREAL', ...changes });
  const stored = async (number: number) => (await database.db.select().from(calls).where(eq(calls.number, number)))[0]!;
  const idOf = async (name: string) => (await findMunicipalities(database.db, [name]))[0]!.id;

  test('a trip takes its municipalities from the list whatever their spelling, and its tariff’s billing type, else « Tarif fixe c. »', async () => {
    const contract = await createCall(database.db, dispatcherId, trip({ sevNumber: 'SEV-2026/0042' }));
    expect(await stored(contract.number)).toMatchObject({
      billingType: 'fixed_contract',
      billingHoursTenths: null,
      originMunicipalityId: await idOf('Laval'),
      destinationMunicipalityId: await idOf('Montréal'),
      sevNumber: 'SEV-2026/0042',
      priceCents: contract.priceCents,
    });
    const taxi = await createCall(database.db, dispatcherId, trip({ clientNumber: '50002' }));
    expect((await stored(taxi.number)).billingType).toBe('taxi');
    const details = (await getCallDetails(database.db, contract.number))!;
    expect(details).toMatchObject({ isPassenger: true, origin: { name: 'Laval' }, destination: { name: 'Montréal' } });
  });

  test('by the hour, with its hours to the tenth; the billing type chosen is kept', async () => {
    const { number } = await createCall(database.db, dispatcherId, trip({ billingType: 'hourly', billingHours: '2,5' }));
    expect(await stored(number)).toMatchObject({ billingType: 'hourly', billingHoursTenths: 25 });
    const adapted = await createCall(database.db, dispatcherId, trip({ clientNumber: '50002', billingType: 'adapted' }));
    expect((await stored(adapted.number)).billingType).toBe('adapted');
  });

  test.each([
    [{ originMunicipality: '' }, { originMunicipality: ['call.municipalityRequired'] }],
    [
      { originMunicipality: 'Saint-Laurent', destinationMunicipality: 'Atlantide' },
      { originMunicipality: ['call.unknownMunicipality'], destinationMunicipality: ['call.unknownMunicipality'] },
    ],
    [{ billingType: 'hourly' }, { billingHours: ['call.hoursRequired'] }],
    [{ billingHours: '1,0' }, { billingHours: ['call.hoursNotHourly'] }],
  ])('%o is refused on its fields, and nothing is saved', async (changes, fieldErrors) => {
    const before = await callCount();
    const error = await refusal(createCall(database.db, dispatcherId, trip(changes)));
    expect(error.code).toBe('validation');
    expect(error.fieldErrors).toEqual(fieldErrors);
    expect(await callCount()).toBe(before);
  });

  test('a courier call takes none of a trip’s fields', async () => {
    const error = await refusal(
      createCall(database.db, dispatcherId, call({ clientNumber: '20001', originMunicipality: 'Laval', billingType: 'taxi' })),
    );
    expect(error.fieldErrors).toEqual({ billingType: ['call.notPassenger'], originMunicipality: ['call.notPassenger'] });
    const { number } = await createCall(database.db, dispatcherId, call({ clientNumber: '20001' }));
    expect(await stored(number)).toMatchObject({ billingType: null, originMunicipalityId: null, destinationMunicipalityId: null });
  });

  test.each([
    [{ billingType: 'limousine' }, 'billingType', 'call.billingType'],
    [{ billingHours: '2,55' }, 'billingHours', 'call.hours'],
    [{ billingHours: '0' }, 'billingHours', 'call.hours'],
    [{ billingHours: '1000' }, 'billingHours', 'call.hours'],
    [{ sevNumber: 'No SEV' }, 'sevNumber', 'call.sevNumber'],
    [{ originMunicipality: 'Laval\nMontréal' }, 'originMunicipality', 'text.singleLine'],
  ])('the form %o is refused on %s (%s)', (changes, field, code) => {
    const result = callInput.safeParse(rawCall(changes));
    expect(result.error!.issues.filter((i) => i.path[0] === field).map((i) => i.message)).toContain(code);
  });

  test('an edit changes the trip’s fields without pricing it again; a variant merged since is still the same municipality', async () => {
    const { number, priceCents } = await createCall(database.db, dispatcherId, trip());
    const updated = await updateCall(
      database.db,
      dispatcherId,
      number,
      trip({ destinationMunicipality: 'Brossard', billingType: 'hourly', billingHours: '3', sevNumber: 'A1' }),
    );
    expect(updated.priceCents).toBe(priceCents);
    expect(await stored(number)).toMatchObject({
      destinationMunicipalityId: await idOf('Brossard'),
      billingType: 'hourly',
      billingHoursTenths: 30,
      sevNumber: 'A1',
      priceCents,
    });

    // « Laval-Ouest », merged into Laval after the call named it: the call shows Laval and keeps its row.
    const [variant] = await database.db
      .insert(municipalities)
      .values({ name: 'Laval-Ouest', nameFolded: 'lavalouest' })
      .returning({ id: municipalities.id });
    await database.db.update(calls).set({ originMunicipalityId: variant!.id }).where(eq(calls.number, number));
    await database.db
      .update(municipalities)
      .set({ mergedIntoId: await idOf('Laval') })
      .where(eq(municipalities.id, variant!.id));
    expect((await getCallDetails(database.db, number))!.origin).toEqual({ id: await idOf('Laval'), name: 'Laval' });
    expect(
      changeOfCall(
        { ...(await stored(number)), originMunicipalityId: await idOf('Laval') },
        trip({ destinationMunicipality: 'Brossard', billingType: 'hourly', billingHours: '3', sevNumber: 'A1' }),
        'open',
        {
          billingType: 'hourly',
          billingHoursTenths: 30,
          originMunicipalityId: await idOf('Laval'),
          destinationMunicipalityId: await idOf('Brossard'),
          sevNumber: 'A1',
        },
      ).isChanged,
    ).toBe(false);
  });

  test('the price preview says whether the client’s calls are passenger trips, and the billing type they take', async () => {
    expect((await quoteCall(database.db, 50002, { distanceKm: '1.00', waitingMinutes: 0 })).tariff).toEqual({
      isPassenger: true,
      defaultBillingType: 'taxi',
    });
    expect((await quoteCall(database.db, 20001, { distanceKm: '1.00', waitingMinutes: 0 })).tariff).toEqual({
      isPassenger: false,
      defaultBillingType: null,
    });
  });
});
