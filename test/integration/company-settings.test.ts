import { and, asc, eq, ne } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { auditLog, companySettings, duesRates, users } from '@/db/schema';
import { duesRateOn } from '@/lib/dues/dues';
import { duesRateInput, listDuesRates, setDuesRate } from '@/lib/dues/dues-rates';
import { companySettingsInput } from '@/lib/settings/company-input';
import { getCompanySettings, saveCompanyLogo, saveCompanySettings } from '@/lib/settings/company-settings';
import { logoDataUrl } from '@/lib/settings/logo-image';
import { refusal, violatedConstraint } from '@/test/support/fixtures';
import { createTestDatabase, type TestDatabase } from '@/test/support/test-database';

let database: TestDatabase;
let adminId: number;

/** The settings form as an administrator types it. */
function form(changes: Record<string, string | undefined> = {}) {
  return companySettingsInput.parse({
    name: 'Répartition Express Montréal inc.',
    addressLine1: '1200, rue Saint-Jacques',
    city: 'Montréal',
    province: 'QC',
    postalCode: 'h3c1g1',
    phone: '514 555-0100',
    email: 'facturation@repartition-express.example',
    gstNumber: '123456789rt0001',
    qstNumber: '1234567890 tq0001',
    ...changes,
  });
}

/** A real 1×1 PNG. */
const PNG_1X1 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

async function settingsAudit(field: string) {
  return database.db
    .select({ userId: auditLog.userId, entityKey: auditLog.entityKey, oldValue: auditLog.oldValue, newValue: auditLog.newValue })
    .from(auditLog)
    .where(and(eq(auditLog.entity, 'settings'), eq(auditLog.field, field)))
    .orderBy(asc(auditLog.id));
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
  // A fresh database has no settings row; the deletion's own audit row goes too.
  await database.db.delete(companySettings);
  await database.db.delete(auditLog);
});

describe('saving the company settings', () => {
  test('on an empty database, the first save creates row 1 with the numbers normalized, audited as created by the administrator', async () => {
    expect(await getCompanySettings(database.db)).toBeNull();

    await saveCompanySettings(database.db, adminId, form());

    const rows = await database.db.select().from(companySettings);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      id: 1,
      name: 'Répartition Express Montréal inc.',
      addressLine2: null,
      postalCode: 'H3C 1G1',
      gstNumber: '123456789 RT0001',
      qstNumber: '1234567890 TQ0001',
      logoPng: null,
    });
    expect(await settingsAudit('created')).toEqual([
      { userId: adminId, entityKey: '1', oldValue: null, newValue: 'Répartition Express Montréal inc.' },
    ]);
  });

  test('saving again updates row 1; GST 123456789 RT0001 → 987654321 RT0002 is audited with the administrator, old and new value', async () => {
    await saveCompanySettings(database.db, adminId, form());
    const saved = await saveCompanySettings(database.db, adminId, form({ gstNumber: '987 654 321 rt 0002', addressLine2: 'Bureau 300' }));

    expect(saved).toMatchObject({ id: 1, gstNumber: '987654321 RT0002', addressLine2: 'Bureau 300', qstNumber: '1234567890 TQ0001' });
    expect(await database.db.select({ id: companySettings.id }).from(companySettings)).toEqual([{ id: 1 }]);
    expect(await getCompanySettings(database.db)).toMatchObject({ gstNumber: '987654321 RT0002', addressLine2: 'Bureau 300' });
    expect(await settingsAudit('gst_number')).toEqual([
      { userId: adminId, entityKey: '1', oldValue: '123456789 RT0001', newValue: '987654321 RT0002' },
    ]);
    // An unchanged field leaves no trace.
    expect(await settingsAudit('qst_number')).toEqual([]);
  });

  test('saving the text fields keeps the logo', async () => {
    await saveCompanySettings(database.db, adminId, form());
    const logo = logoDataUrl(PNG_1X1);
    if (!logo.ok) throw new Error('the test PNG should be accepted');
    await saveCompanyLogo(database.db, adminId, logo.dataUrl);

    await saveCompanySettings(database.db, adminId, form({ city: 'Laval' }));

    expect(await getCompanySettings(database.db)).toMatchObject({ city: 'Laval', logoPng: logo.dataUrl });
  });
});

describe('the logo', () => {
  test('a PNG round-trips as a data URL with the same bytes, and "remove the logo" empties it; both are audited', async () => {
    await saveCompanySettings(database.db, adminId, form());
    const logo = logoDataUrl(PNG_1X1);
    if (!logo.ok) throw new Error('the test PNG should be accepted');

    await saveCompanyLogo(database.db, adminId, logo.dataUrl);
    const stored = (await getCompanySettings(database.db))!.logoPng!;
    expect(stored.startsWith('data:image/png;base64,')).toBe(true);
    expect(Buffer.from(stored.slice('data:image/png;base64,'.length), 'base64').equals(PNG_1X1)).toBe(true);

    await saveCompanyLogo(database.db, adminId, null);
    expect((await getCompanySettings(database.db))!.logoPng).toBeNull();

    const changes = await settingsAudit('logo_png_base64');
    expect(changes.map((c) => [c.userId, c.oldValue === null, c.newValue === null])).toEqual([
      [adminId, true, false],
      [adminId, false, true],
    ]);
  });

  test('a text file presented as a PNG is refused by its bytes, and the stored logo stays', async () => {
    await saveCompanySettings(database.db, adminId, form());
    const logo = logoDataUrl(PNG_1X1);
    if (!logo.ok) throw new Error('the test PNG should be accepted');
    await saveCompanyLogo(database.db, adminId, logo.dataUrl);

    const notAnImage = `data:image/png;base64,${Buffer.from('ceci n’est pas une image').toString('base64')}`;
    const error = await refusal(saveCompanyLogo(database.db, adminId, notAnImage));
    expect(error.code).toBe('settings.logoType');
    expect(error.fieldErrors).toEqual({ logo: ['settings.logoType'] });
    expect((await getCompanySettings(database.db))!.logoPng).toBe(logo.dataUrl);
  });

  test('a logo cannot be saved before the company settings exist', async () => {
    const logo = logoDataUrl(PNG_1X1);
    if (!logo.ok) throw new Error('the test PNG should be accepted');
    const error = await refusal(saveCompanyLogo(database.db, adminId, logo.dataUrl));
    expect(error.code).toBe('settings.missing');
    expect(await getCompanySettings(database.db)).toBeNull();
  });
});

describe('the dues rates (Redevance par course)', () => {
  const rate = (effectiveFrom: string, amount: string) => duesRateInput.parse({ effectiveFrom, rateCents: amount });
  const listed = async () => (await listDuesRates(database.db)).map((r) => [r.effectiveFrom, r.rateCents]);
  const refusals = (effectiveFrom: string, amount: string) =>
    duesRateInput.safeParse({ effectiveFrom, rateCents: amount }).error!.issues.map((issue) => [issue.path.join('.'), issue.message]);

  beforeEach(async () => {
    // Back to the rate the migration puts in: 0,90 $ from 2021-01-01.
    await database.db.delete(duesRates).where(ne(duesRates.effectiveFrom, '2021-01-01'));
    await database.db.update(duesRates).set({ rateCents: 90 }).where(eq(duesRates.effectiveFrom, '2021-01-01'));
  });

  test('a rate of "1,00" from 2027-01-01 is added, listed newest first, and in force from its date', async () => {
    expect(await listed()).toEqual([['2021-01-01', 90]]);
    expect(await setDuesRate(database.db, adminId, rate('2027-01-01', '1,00'))).toEqual({ previousCents: null });
    expect(await listed()).toEqual([
      ['2027-01-01', 100],
      ['2021-01-01', 90],
    ]);
    const rates = await listDuesRates(database.db);
    expect([duesRateOn(rates, '2026-12-31'), duesRateOn(rates, '2027-01-01')]).toEqual([90, 100]);
    const [row] = await database.db.select().from(duesRates).where(eq(duesRates.effectiveFrom, '2027-01-01'));
    expect(row!.createdBy).toBe(adminId);
  });

  test('"0" ends the dues from its date; "100,00" is the most a rate may be', async () => {
    await setDuesRate(database.db, adminId, rate('2028-01-01', '0'));
    await setDuesRate(database.db, adminId, rate('2027-06-01', '100,00'));
    expect(await listed()).toEqual([
      ['2028-01-01', 0],
      ['2027-06-01', 10_000],
      ['2021-01-01', 90],
    ]);
  });

  test('a date that has a rate takes the new amount (replaced, not refused); the same amount again changes nothing', async () => {
    await setDuesRate(database.db, adminId, rate('2027-01-01', '1,00'));
    expect(await setDuesRate(database.db, adminId, rate('2027-01-01', '1,10'))).toEqual({ previousCents: 100 });
    expect(await setDuesRate(database.db, adminId, rate('2027-01-01', '1.10'))).toEqual({ previousCents: 110 });
    expect(await listed()).toEqual([
      ['2027-01-01', 110],
      ['2021-01-01', 90],
    ]);
    expect(await settingsAudit('dues_rate')).toEqual([
      { userId: adminId, entityKey: '2027-01-01', oldValue: null, newValue: '2027-01-01:100' },
      { userId: adminId, entityKey: '2027-01-01', oldValue: '2027-01-01:100', newValue: '2027-01-01:110' },
    ]);
  });

  test('refused with a message on the field: a date before 2021-01-01, above 100,00 $, negative, no date, not a date', () => {
    expect(refusals('2020-12-31', '0,90')).toEqual([['effectiveFrom', 'dues.beforeFirstDate']]);
    expect(refusals('2027-01-01', '100,01')).toEqual([['rateCents', 'dues.rateTooLarge']]);
    expect(refusals('2027-01-01', '-0,10')).toEqual([['rateCents', 'money.negative']]);
    expect(refusals('2027-01-01', '')).toEqual([['rateCents', 'money.invalid']]);
    expect(refusals('', '0,90')).toEqual([['effectiveFrom', 'required']]);
    expect(refusals('2027-02-30', '0,90')).toEqual([['effectiveFrom', 'call.date']]);
  });

  test('the database refuses a rate above 100,00 $ the form would never send', async () => {
    expect(await violatedConstraint(database.db.insert(duesRates).values({ effectiveFrom: '2027-01-01', rateCents: 10_001 }))).toBe(
      'dues_rates_rate',
    );
    expect(await listed()).toEqual([['2021-01-01', 90]]);
  });
});
