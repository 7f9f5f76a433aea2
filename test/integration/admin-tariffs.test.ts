import { and, asc, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { auditLog, calls, clients, tariffs, users } from '@/db/schema';
import { listTariffsWithUsage, tariffChoices } from '@/lib/tariffs/list-tariffs';
import { createTariff, updateTariff } from '@/lib/tariffs/save-tariff';
import { tariffFormInput, tariffInput } from '@/lib/tariffs/tariff-input';
import { insertCall, insertClient, refusal, violatedConstraint } from '@/test/support/fixtures';
import { createTestDatabase, type TestDatabase } from '@/test/support/test-database';

let database: TestDatabase;
let adminId: number;

/** The tariff form as an administrator types it. */
function form(changes: Record<string, string | undefined> = {}) {
  return tariffInput.parse({
    code: 'std',
    name: 'Standard',
    baseCents: '12,50',
    perKm: '1,875',
    perMinute: '0,65',
    minimumChargeCents: '12,00',
    isActive: 'on',
    ...changes,
  });
}

async function tariffByCode(code: string) {
  const [row] = await database.db.select().from(tariffs).where(eq(tariffs.code, code));
  return row;
}

beforeAll(async () => {
  database = await createTestDatabase();
  const [admin] = await database.db
    .insert(users)
    .values({ email: 'admin@test.local', name: 'Administratrice Test', passwordHash: 'x', role: 'admin' })
    .returning();
  adminId = admin!.id;
});
afterAll(() => database.drop());

beforeEach(async () => {
  await database.db.delete(calls);
  await database.db.delete(clients);
  await database.db.delete(tariffs);
  await database.db.delete(auditLog);
});

describe('creating a tariff', () => {
  test('"12,50" base → 1250 ¢, "1,875" $/km → 1.8750, "0,65" $/min → 0.6500, code "std" → STD', async () => {
    const { code } = await createTariff(database.db, adminId, form());
    expect(code).toBe('STD');
    expect(await tariffByCode('STD')).toMatchObject({
      name: 'Standard',
      baseCents: 1250,
      perKm: '1.8750',
      perMinute: '0.6500',
      minimumChargeCents: 1200,
      isActive: true,
    });
  });

  test('"12.50" typed with a dot is the same 1250 ¢', async () => {
    await createTariff(database.db, adminId, form({ code: 'DOT', baseCents: '12.50' }));
    expect((await tariffByCode('DOT'))?.baseCents).toBe(1250);
  });

  test('a code already used (in any case) is a field error, and nothing is saved', async () => {
    await createTariff(database.db, adminId, form());
    const error = await refusal(createTariff(database.db, adminId, form({ code: ' Std ', name: 'Autre' })));
    expect(error.code).toBe('tariff.codeTaken');
    expect(error.fieldErrors).toEqual({ code: ['tariff.codeTaken'] });
    const rows = await database.db.select().from(tariffs);
    expect(rows.map((r) => r.name)).toEqual(['Standard']);
    const [created] = await database.db.select({ n: count() }).from(auditLog).where(eq(auditLog.field, 'created'));
    expect(created!.n).toBe(1);
  });

  test('the database refuses a code the form would never send', async () => {
    expect(
      await violatedConstraint(database.db.insert(tariffs).values({ code: 'std', name: 'x', baseCents: 0, perKm: '0', perMinute: '0' })),
    ).toBe('tariffs_code_format');
  });

  test('the creation is in the audit log under the administrator', async () => {
    await createTariff(database.db, adminId, form());
    const rows = await database.db.select().from(auditLog);
    expect(rows).toEqual([
      expect.objectContaining({ entity: 'tariff', entityKey: 'STD', field: 'created', newValue: 'Standard', userId: adminId }),
    ]);
  });
});

describe('editing a tariff', () => {
  test('base 12,50 $ → 13,75 $ and 1,875 → 2,10 $/km: audit rows with the administrator and old → new values', async () => {
    const { id } = await createTariff(database.db, adminId, form());
    await database.db.delete(auditLog);
    await updateTariff(database.db, adminId, id, form({ baseCents: '13,75', perKm: '2,10' }));

    expect(await tariffByCode('STD')).toMatchObject({ baseCents: 1375, perKm: '2.1000' });
    const rows = await database.db
      .select({
        userId: auditLog.userId,
        entityKey: auditLog.entityKey,
        field: auditLog.field,
        oldValue: auditLog.oldValue,
        newValue: auditLog.newValue,
      })
      .from(auditLog)
      .orderBy(asc(auditLog.field));
    expect(rows).toEqual([
      { userId: adminId, entityKey: 'STD', field: 'base_cents', oldValue: '1250', newValue: '1375' },
      { userId: adminId, entityKey: 'STD', field: 'per_km', oldValue: '1.8750', newValue: '2.1000' },
    ]);
  });

  test('saving without a change writes no audit row', async () => {
    const { id } = await createTariff(database.db, adminId, form());
    await database.db.delete(auditLog);
    await updateTariff(database.db, adminId, id, form());
    expect(await database.db.select().from(auditLog)).toEqual([]);
  });

  test('never re-prices a call already taken: the call keeps 12,00 $ after the base goes up', async () => {
    const { id } = await createTariff(database.db, adminId, form());
    await insertClient(database.db, 20001, id);
    const call = await insertCall(database.db, 20001, id, { grossCents: 1200, priceCents: 1200 });
    await updateTariff(database.db, adminId, id, form({ baseCents: '99,00' }));
    const [after] = await database.db.select().from(calls).where(eq(calls.number, call.number));
    expect(after).toMatchObject({ grossCents: 1200, priceCents: 1200, tariffCode: 'STD' });
  });

  test('renaming its code to one already used is a field error, and the tariff is unchanged', async () => {
    await createTariff(database.db, adminId, form());
    const { id } = await createTariff(database.db, adminId, form({ code: 'EXP', name: 'Express' }));
    const error = await refusal(updateTariff(database.db, adminId, id, form({ code: 'std', name: 'Express modifié' })));
    expect(error.code).toBe('tariff.codeTaken');
    expect(error.fieldErrors.code).toEqual(['tariff.codeTaken']);
    expect((await tariffByCode('EXP'))?.name).toBe('Express');
  });

  test('an unknown tariff is refused', async () => {
    const error = await refusal(updateTariff(database.db, adminId, 999_999, form()));
    expect(error.code).toBe('tariff.notFound');
    expect(await database.db.select().from(tariffs)).toEqual([]);
  });

  test('deactivating: the clients keep it, a new client is not offered it, its own client still is', async () => {
    const { id } = await createTariff(database.db, adminId, form());
    const { id: otherId } = await createTariff(database.db, adminId, form({ code: 'EXP', name: 'Express' }));
    await insertClient(database.db, 20001, id);
    await insertClient(database.db, 20002, id);
    await updateTariff(database.db, adminId, id, form({ isActive: undefined }));

    const kept = await database.db
      .select({ tariffId: clients.tariffId })
      .from(clients)
      .where(and(eq(clients.tariffId, id)));
    expect(kept).toHaveLength(2);
    expect((await tariffChoices(database.db)).map((c) => c.id)).toEqual([otherId]);
    expect((await tariffChoices(database.db, id)).map((c) => c.id).sort()).toEqual([id, otherId].sort());
    const listed = await listTariffsWithUsage(database.db);
    expect(listed.map((t) => [t.code, t.isActive, t.clientCount])).toEqual([
      ['EXP', true, 0],
      ['STD', false, 2],
    ]);
    const [audit] = await database.db.select().from(auditLog).where(eq(auditLog.field, 'is_active'));
    expect(audit).toMatchObject({ oldValue: 'true', newValue: 'false', userId: adminId });
  });
});

describe('passenger trips: the passenger flag, the dues exemption and the default billing type', () => {
  /** The tariff form as the screen sends it, with its passenger fields. */
  const screen = (changes: Record<string, string | undefined> = {}) =>
    tariffFormInput.parse({
      code: 'TAXI',
      name: 'Taxi',
      baseCents: '4,10',
      perKm: '2,05',
      perMinute: '0,77',
      isActive: 'on',
      isPassenger: 'on',
      defaultBillingType: 'taxi',
      ...changes,
    });
  const passengerAudit = () =>
    database.db
      .select({
        userId: auditLog.userId,
        entityKey: auditLog.entityKey,
        field: auditLog.field,
        oldValue: auditLog.oldValue,
        newValue: auditLog.newValue,
      })
      .from(auditLog)
      .orderBy(asc(auditLog.field));

  test('a passenger tariff with its billing type is saved and read back, and listed as passenger', async () => {
    await createTariff(database.db, adminId, screen());
    await createTariff(
      database.db,
      adminId,
      screen({ code: 'COURSE', name: 'Messagerie', isPassenger: undefined, defaultBillingType: '' }),
    );
    expect(await tariffByCode('TAXI')).toMatchObject({ isPassenger: true, isDuesExempt: false, defaultBillingType: 'taxi' });
    expect(await tariffByCode('COURSE')).toMatchObject({ isPassenger: false, isDuesExempt: false, defaultBillingType: null });
    const listed = await listTariffsWithUsage(database.db);
    expect(listed.map((t) => [t.code, t.isPassenger, t.isDuesExempt])).toEqual([
      ['COURSE', false, false],
      ['TAXI', true, false],
    ]);
  });

  test('exempting a courier tariff is refused by the form on its field', () => {
    const typed = tariffFormInput.safeParse({ code: 'X', name: 'X', baseCents: '1', perKm: '1', perMinute: '1', isDuesExempt: 'on' });
    expect(typed.error!.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['isDuesExempt', 'tariff.duesExemptNotPassenger'],
    ]);
  });

  test('the database refuses an exempt courier tariff, explained on the field, and nothing changes', async () => {
    const { id } = await createTariff(database.db, adminId, screen({ isPassenger: undefined }));
    const error = await refusal(updateTariff(database.db, adminId, id, { ...screen({ isPassenger: undefined }), isDuesExempt: true }));
    expect(error.code).toBe('tariff.duesExemptNotPassenger');
    expect(error.fieldErrors).toEqual({ isDuesExempt: ['tariff.duesExemptNotPassenger'] });
    expect(await tariffByCode('TAXI')).toMatchObject({ isPassenger: false, isDuesExempt: false });
    expect(
      await violatedConstraint(
        database.db.insert(tariffs).values({ code: 'ADAPT', name: 'x', baseCents: 0, perKm: '0', perMinute: '0', isDuesExempt: true }),
      ),
    ).toBe('tariffs_dues_exempt_passenger');
  });

  test('changes are in the audit log under the administrator, old → new, as the other fields are', async () => {
    const { id } = await createTariff(database.db, adminId, screen({ isPassenger: undefined, defaultBillingType: '' }));
    await database.db.delete(auditLog);
    await updateTariff(database.db, adminId, id, screen({ isDuesExempt: 'on', defaultBillingType: 'adapted', baseCents: '4,50' }));
    expect(await tariffByCode('TAXI')).toMatchObject({ isPassenger: true, isDuesExempt: true, defaultBillingType: 'adapted' });
    expect(await passengerAudit()).toEqual([
      { userId: adminId, entityKey: 'TAXI', field: 'base_cents', oldValue: '410', newValue: '450' },
      { userId: adminId, entityKey: 'TAXI', field: 'default_billing_type', oldValue: null, newValue: 'adapted' },
      { userId: adminId, entityKey: 'TAXI', field: 'is_dues_exempt', oldValue: 'false', newValue: 'true' },
      { userId: adminId, entityKey: 'TAXI', field: 'is_passenger', oldValue: 'false', newValue: 'true' },
    ]);

    await database.db.delete(auditLog);
    await updateTariff(database.db, adminId, id, screen({ isDuesExempt: 'on', defaultBillingType: 'adapted', baseCents: '4,50' }));
    expect(await passengerAudit()).toEqual([]);
  });

  test('a form without the passenger fields (a tariff file’s line) leaves them as they are', async () => {
    const { id } = await createTariff(database.db, adminId, screen({ isDuesExempt: 'on' }));
    await database.db.delete(auditLog);
    await updateTariff(database.db, adminId, id, form({ code: 'TAXI', name: 'Taxi' }));
    expect(await tariffByCode('TAXI')).toMatchObject({ isPassenger: true, isDuesExempt: true, defaultBillingType: 'taxi' });
    expect((await passengerAudit()).map((row) => row.field)).not.toContain('is_passenger');
  });
});
