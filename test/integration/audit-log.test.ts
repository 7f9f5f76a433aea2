import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { auditLog, clients, users } from '@/db/schema';
import { withActor } from '@/lib/audit/with-actor';
import { AUDIT_ENTITIES, auditSearchParams, findAudit, type AuditSearch } from '@/lib/audit/find-audit';
import { en } from '@/lib/i18n/messages/en/index';
import { fr } from '@/lib/i18n/messages/fr/index';
import { createTariff } from '@/lib/tariffs/save-tariff';
import { tariffInput } from '@/lib/tariffs/tariff-input';
import { insertClient, insertTariff, truncateKeepingStaff } from '@/test/support/fixtures';
import { createTestDatabase, type TestDatabase } from '@/test/support/test-database';

let database: TestDatabase;
let adminId: number;

const search = (params: Record<string, string> = {}): AuditSearch => auditSearchParams.parse(params);
const find = async (params: Record<string, string> = {}) => findAudit(database.db, search(params));
const keysOf = async (params: Record<string, string>) => (await find(params)).rows.map((r) => r.entityKey);

/** An audit row at an exact instant, as the triggers would have written it. */
async function logAt(at: string, values: Partial<typeof auditLog.$inferInsert> = {}) {
  await database.db.insert(auditLog).values({ at: new Date(at), entity: 'client', entityKey: 'x', field: 'name', ...values });
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
  await truncateKeepingStaff(database.db, 'audit_log, calls, clients, tariffs, invoice_lines');
});

describe('what the log shows', () => {
  test('a change made in the application: who, what, old → new, newest first', async () => {
    const tariff = await insertTariff(database.db);
    await insertClient(database.db, 12345, tariff.id, { groupedClientNumber: 12345 });
    await insertClient(database.db, 12346, tariff.id);
    await withActor(database.db, adminId, (tx) => tx.update(clients).set({ groupedClientNumber: 12345 }).where(eq(clients.number, 12346)));

    const { rows, total } = await find({ client: '12346' });
    expect(total).toBe(2);
    expect(rows[0]).toMatchObject({
      userName: 'Administratrice Test',
      entity: 'client',
      entityKey: '12346',
      clientNumber: 12346,
      field: 'grouped_client_number',
      oldValue: null,
      newValue: '12345',
    });
    // The insertion by a fixture had no acting user: "Système".
    expect(rows[1]).toMatchObject({ userId: null, userName: null, field: 'created' });
  });

  test('newest first, 50 a page, and the total counts every page', async () => {
    for (let i = 0; i < 120; i++) {
      await logAt(new Date(Date.UTC(2026, 9, 1, 12, i)).toISOString(), { entityKey: String(i) });
    }
    const first = await find();
    expect(first.total).toBe(120);
    expect(first.pages).toBe(3);
    expect(first.rows).toHaveLength(50);
    expect(first.rows[0]!.entityKey).toBe('119');
    const last = await find({ page: '3' });
    expect(last.rows.map((r) => r.entityKey)).toEqual(Array.from({ length: 20 }, (_, i) => String(19 - i)));
    const past = await find({ page: '4' });
    expect(past).toMatchObject({ rows: [], total: 120, pages: 3 });
  });
});

describe('filters', () => {
  test('by client number: only the changes of client 12346', async () => {
    await logAt('2026-10-15T12:00:00Z', { entityKey: '12346', clientNumber: 12346 });
    await logAt('2026-10-15T13:00:00Z', { entityKey: '12345', clientNumber: 12345 });
    await logAt('2026-10-15T14:00:00Z', { entity: 'tariff', entityKey: 'STD' });
    expect(await keysOf({ client: '12346' })).toEqual(['12346']);
    expect(await keysOf({ client: '99999' })).toEqual([]);
  });

  test('by kind of record', async () => {
    await logAt('2026-10-15T12:00:00Z', { entityKey: '12346', clientNumber: 12346 });
    await logAt('2026-10-15T13:00:00Z', { entity: 'tariff', entityKey: 'STD' });
    await logAt('2026-10-15T14:00:00Z', { entity: 'user', entityKey: 'x@test.local' });
    expect(await keysOf({ entity: 'tariff' })).toEqual(['STD']);
    expect(await keysOf({ entity: 'user' })).toEqual(['x@test.local']);
  });

  describe('by Montréal dates (EDT, UTC−4 in October; EST, UTC−5 in December)', () => {
    beforeEach(async () => {
      await logAt('2026-10-15T00:30:00Z', { entityKey: 'oct14-20h30' }); // UTC date is the 15th
      await logAt('2026-10-15T03:59:00Z', { entityKey: 'oct14-23h59' });
      await logAt('2026-10-15T04:00:00Z', { entityKey: 'oct15-00h00' });
      await logAt('2026-10-16T03:30:00Z', { entityKey: 'oct15-23h30' }); // UTC date is the 16th
      await logAt('2026-10-16T04:30:00Z', { entityKey: 'oct16-00h30' });
      await logAt('2026-12-01T04:59:00Z', { entityKey: 'nov30-23h59' });
      await logAt('2026-12-01T05:00:00Z', { entityKey: 'dec01-00h00' });
    });

    test('October 15 in Montréal runs from 04:00 UTC on the 15th to 04:00 UTC on the 16th', async () => {
      expect(await keysOf({ from: '2026-10-15', to: '2026-10-15' })).toEqual(['oct15-23h30', 'oct15-00h00']);
    });

    test('October 14 in Montréal includes 00:30 UTC on the 15th', async () => {
      expect(await keysOf({ from: '2026-10-14', to: '2026-10-14' })).toEqual(['oct14-23h59', 'oct14-20h30']);
    });

    test('"from" alone and "to" alone are inclusive', async () => {
      expect(await keysOf({ from: '2026-10-16', to: '2026-10-16' })).toEqual(['oct16-00h30']);
      expect(await keysOf({ to: '2026-10-14' })).toEqual(['oct14-23h59', 'oct14-20h30']);
      expect(await keysOf({ from: '2026-12-01' })).toEqual(['dec01-00h00']);
    });

    test('in winter the day starts at 05:00 UTC', async () => {
      expect(await keysOf({ from: '2026-11-30', to: '2026-11-30' })).toEqual(['nov30-23h59']);
    });

    test('client and dates together', async () => {
      await logAt('2026-10-15T12:00:00Z', { entityKey: '12346', clientNumber: 12346 });
      await logAt('2026-10-17T12:00:00Z', { entityKey: '12346-later', clientNumber: 12346 });
      expect(await keysOf({ client: '12346', from: '2026-10-15', to: '2026-10-15' })).toEqual(['12346']);
    });
  });
});

test('a tariff created in the application appears under "tariff" with the administrator', async () => {
  await createTariff(
    database.db,
    adminId,
    tariffInput.parse({
      code: 'exp',
      name: 'Express',
      baseCents: '9',
      perKm: '2,1',
      perMinute: '0,75',
      minimumChargeCents: '20',
      isActive: 'on',
    }),
  );
  const { rows } = await find({ entity: 'tariff' });
  expect(rows).toEqual([
    expect.objectContaining({ entityKey: 'EXP', field: 'created', newValue: 'Express', userName: 'Administratrice Test' }),
  ]);
});

test('every kind of record the log holds, and what a portal user’s access records, is named in both languages', () => {
  const portalFields = [
    'portal_invited',
    'portal_invitation_sent',
    'portal_revoked',
    'portal_password_chosen',
    'portal_sign_in',
    'portal_download',
  ];
  for (const audit of [fr.audit, en.audit] as { entityKinds: object; what: object; fields: object }[]) {
    expect(AUDIT_ENTITIES.filter((entity) => !(entity in audit.entityKinds) || !(entity in audit.what))).toEqual([]);
    expect(portalFields.filter((field) => !(field in audit.fields))).toEqual([]);
  }
});
