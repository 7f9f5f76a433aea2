import { and, asc, eq, sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { queryRows } from '@/db/index';
import { auditLog, clients, users } from '@/db/schema';
import { clientInput, type ClientInput } from '@/lib/clients/client-input';
import { findClients, clientSearchParams } from '@/lib/clients/find-clients';
import { addGroupMembers, listGroupMembers, removeGroupMember } from '@/lib/clients/group-members';
import { createClient, deleteClient, updateClient } from '@/lib/clients/save-client';
import { AppError } from '@/lib/errors';
import { exportClientsCsv } from '@/lib/import/export-files';
import { runImport } from '@/lib/import/run-import';
import { headBillingOf } from '@/components/clients/form-values';
import { insertCall, insertClient, insertTariff, violatedConstraint, truncateKeepingStaff } from '@/test/support/fixtures';
import { createTestDatabase, type TestDatabase } from '@/test/support/test-database';

let database: TestDatabase;
let adminId: number;
let stdId: number;
let corpId: number;

/** The form of client `number` as an administrator would submit it, field by field. */
function rawForm(number: number, changes: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  return {
    number: String(number),
    name: `Client ${number}`,
    addressLine1: '1, rue Principale',
    city: 'Montréal',
    province: 'QC',
    postalCode: 'h2x1y4',
    language: 'fr',
    deliveryMethod: 'print',
    paymentTermsDays: '30',
    billingCycle: 'monthly',
    tariffId: String(stdId),
    discountPercent: '0',
    groupedClientNumber: '',
    isActive: 'on',
    ...changes,
  };
}

function form(number: number, changes: Record<string, string | undefined> = {}): ClientInput {
  return clientInput.parse(rawForm(number, changes));
}

async function expectAppError(promise: Promise<unknown>, code: string, params?: Record<string, unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, `expected AppError ${code}`).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  if (params) expect((error as AppError).params).toMatchObject(params);
}

/** No orphan, no member of a non-head, no chain: every member's head is a head. */
async function groupingInvariantViolations(): Promise<number> {
  const [row] = await queryRows<{ n: string | number }>(
    database.db,
    sql`select count(*) as n from clients c
         where c.grouped_client_number is not null and c.grouped_client_number <> c.number
           and not exists (select 1 from clients h where h.number = c.grouped_client_number and h.grouped_client_number = h.number)`,
  );
  return Number(row!.n);
}

beforeAll(async () => {
  database = await createTestDatabase();
  const [admin] = await database.db
    .insert(users)
    .values({ email: 'admin@test.local', name: 'Admin Test', role: 'admin', passwordHash: 'x' })
    .returning();
  adminId = admin!.id;
  stdId = (await insertTariff(database.db, { code: 'STD' })).id;
  corpId = (await insertTariff(database.db, { code: 'CORP', baseCents: 325 })).id;
});
afterAll(() => database.drop());

describe('client form input', () => {
  test('normalizes what people type: postal code, e-mails, discount with a comma', () => {
    const input = form(1, {
      postalCode: ' g1v4g2 ',
      invoiceEmails: 'A@B.ca; c@d.ca, a@b.ca',
      discountPercent: '7,5',
      deliveryMethod: 'email',
    });
    expect(input).toMatchObject({ postalCode: 'G1V 4G2', invoiceEmails: ['a@b.ca', 'c@d.ca'], discountPercent: '7.50' });
  });

  test.each([
    [{ postalCode: '90210' }, 'postalCode', 'client.postalCode'],
    [{ deliveryMethod: 'email' }, 'invoiceEmails', 'client.emailRequired'],
    [{ invoiceEmails: 'pas-un-courriel' }, 'invoiceEmails', 'client.emails'],
    [{ gstExempt: 'on' }, 'gstExemptionNumber', 'client.exemptionNumber'],
    [{ discountPercent: '100,01' }, 'discountPercent', 'client.discount'],
    [{ discountPercent: '7,555' }, 'discountPercent', 'client.discount'],
    [{ paymentTermsDays: '400' }, 'paymentTermsDays', 'client.terms'],
    [{ number: '0' }, 'number', 'client.numberRange'],
    [{ groupedClientNumber: 'abc' }, 'groupedClientNumber', 'grouped.invalid'],
    [{ name: '   ' }, 'name', 'required'],
  ])('%o is refused on %s (%s)', (changes, field, code) => {
    const result = clientInput.safeParse(rawForm(1, changes));
    expect(result.success).toBe(false);
    const issues = result.error!.issues.filter((i) => i.path[0] === field);
    expect(issues.map((i) => i.message)).toContain(code);
  });
});

describe('grouping rules through the application (G1, G2, G5, G6)', () => {
  beforeEach(async () => {
    await truncateKeepingStaff(database.db, 'audit_log, calls, clients, invoice_lines');
    await createClient(database.db, adminId, form(12345, { groupedClientNumber: '12345', tariffId: String(corpId) }));
    await createClient(database.db, adminId, form(12346, { groupedClientNumber: '12345' }));
    await createClient(database.db, adminId, form(12347, { groupedClientNumber: '12345' }));
    await createClient(database.db, adminId, form(20001));
  });

  test('a member keeps its own tariff (STD) although its head has another (CORP)', async () => {
    const members = await listGroupMembers(database.db, 12345);
    expect(members.map((m) => [m.number, m.tariffCode, m.isHead])).toEqual([
      [12345, 'CORP', true],
      [12346, 'STD', false],
      [12347, 'STD', false],
    ]);
  });

  test('G1: attaching to a member is refused with the exact message, and nothing is saved', async () => {
    await expectAppError(createClient(database.db, adminId, form(50003, { groupedClientNumber: '12346' })), 'grouped.chain', {
      target: 12346,
      head: 12345,
    });
    expect(await database.db.select().from(clients).where(eq(clients.number, 50003))).toEqual([]);
  });

  test('G1: attaching to a client that is not a head, or to an unknown client, is refused', async () => {
    await expectAppError(updateClient(database.db, adminId, 20001, form(20001, { groupedClientNumber: '12347' })), 'grouped.chain');
    await createClient(database.db, adminId, form(20002));
    await expectAppError(updateClient(database.db, adminId, 20002, form(20002, { groupedClientNumber: '20001' })), 'grouped.notHead');
    await expectAppError(updateClient(database.db, adminId, 20002, form(20002, { groupedClientNumber: '99999' })), 'grouped.unknown');
    const [unchanged] = await database.db.select().from(clients).where(eq(clients.number, 20002));
    expect(unchanged!.groupedClientNumber).toBeNull();
  });

  test('G2: a head with members cannot be un-headed, and the message lists the members', async () => {
    await expectAppError(updateClient(database.db, adminId, 12345, form(12345, { groupedClientNumber: '' })), 'grouped.headHasMembers', {
      client: 12345,
      members: '12346, 12347',
    });
  });

  test('G2: a head with members cannot be deactivated (refused by the database trigger), and the members are listed', async () => {
    // The "Client actif" box unchecked: the field is absent from the submitted form.
    const input = form(12345, { groupedClientNumber: '12345', tariffId: String(corpId), isActive: undefined });
    expect(input.isActive).toBe(false);
    await expectAppError(updateClient(database.db, adminId, 12345, input), 'grouped.cannotDeactivate', { members: '12346, 12347' });
    const [head] = await database.db.select().from(clients).where(eq(clients.number, 12345));
    expect(head!.isActive).toBe(true);
  });

  test('G2 in the database itself: the trigger refuses deactivating a head with members, bypassing the application', async () => {
    const refused = await database.db
      .update(clients)
      .set({ isActive: false })
      .where(eq(clients.number, 12345))
      .then(
        () => null,
        (e: { cause?: { code?: string; detail?: string } }) => e.cause,
      );
    expect(refused).toMatchObject({ code: 'RG002', detail: '12346, 12347' });
  });

  test('a client cannot join an inactive head, even bypassing the application', async () => {
    await createClient(database.db, adminId, form(40000, { groupedClientNumber: '40000' }));
    await database.db.update(clients).set({ isActive: false }).where(eq(clients.number, 40000));
    await expectAppError(updateClient(database.db, adminId, 20001, form(20001, { groupedClientNumber: '40000' })), 'grouped.inactiveHead');
    const refused = await database.db
      .update(clients)
      .set({ groupedClientNumber: 40000 })
      .where(eq(clients.number, 20001))
      .then(
        () => null,
        (e: { cause?: { code?: string } }) => e.cause,
      );
    expect(refused).toMatchObject({ code: 'RG001' });
  });

  test('G2: a head with members cannot be deleted (members listed); a client with calls neither; a plain client can', async () => {
    await expectAppError(deleteClient(database.db, adminId, 12345), 'grouped.cannotDelete', { client: 12345, members: '12346, 12347' });
    await insertCall(database.db, 20001, stdId);
    await expectAppError(deleteClient(database.db, adminId, 20001), 'client.hasHistory', { number: 20001 });
    await createClient(database.db, adminId, form(20009));
    await deleteClient(database.db, adminId, 20009);
    expect(await database.db.select().from(clients).where(eq(clients.number, 20009))).toEqual([]);
    const [deletion] = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.clientNumber, 20009), eq(auditLog.field, 'deleted')));
    expect(deletion).toMatchObject({ userId: adminId, oldValue: 'Client 20009' });
  });

  test('a client number already used is a field error, not a failure', async () => {
    await expectAppError(createClient(database.db, adminId, form(20001)), 'client.numberTaken', { number: 20001 });
  });

  test('several clients are added to a group at once; a refusal lists every reason and adds none', async () => {
    await createClient(database.db, adminId, form(20002));
    await createClient(database.db, adminId, form(20003));
    await createClient(database.db, adminId, form(30000, { groupedClientNumber: '30000' }));
    await createClient(database.db, adminId, form(30001, { groupedClientNumber: '30000' }));

    const refusal = await addGroupMembers(database.db, adminId, 12345, [20002, 30001, 30000, 99999]).then(
      () => null,
      (e: unknown) => e as AppError,
    );
    expect(refusal?.code).toBe('members.cannotAdd');
    expect(refusal?.details.map((d) => [d.code, d.params.number])).toEqual([
      ['members.alreadyGrouped', 30001],
      ['members.isHeadWithMembers', 30000],
      ['members.unknown', 99999],
    ]);
    const [still] = await database.db.select().from(clients).where(eq(clients.number, 20002));
    expect(still!.groupedClientNumber).toBeNull();

    expect(await addGroupMembers(database.db, adminId, 12345, [20001, 20002, 20003])).toEqual({ added: 3 });
    const members = await listGroupMembers(database.db, 12345);
    expect(members.map((m) => m.number)).toEqual([12345, 12346, 12347, 20001, 20002, 20003]);

    await removeGroupMember(database.db, adminId, 12345, 20003);
    await expectAppError(removeGroupMember(database.db, adminId, 12345, 20003), 'members.notMember');
    await expectAppError(addGroupMembers(database.db, adminId, 20003, [20001]), 'members.notHead');
  });

  test('the members list shows each member’s completed calls not yet invoiced, and their amount', async () => {
    await insertCall(database.db, 12346, stdId, { grossCents: 3100, priceCents: 3100 });
    await insertCall(database.db, 12346, stdId, { grossCents: 1720, priceCents: 1720 });
    await insertCall(database.db, 12346, stdId, { status: 'cancelled' });
    await insertCall(database.db, 12347, stdId, { status: 'open' });
    const members = await listGroupMembers(database.db, 12345);
    expect(members.find((m) => m.number === 12346)).toMatchObject({ unbilledCalls: 2, unbilledCents: 4820 });
    expect(members.find((m) => m.number === 12347)).toMatchObject({ unbilledCalls: 0, unbilledCents: 0 });
  });

  test('G6: every change of the grouped number and billing parameters is in the audit log, with who, old and new', async () => {
    await updateClient(
      database.db,
      adminId,
      20001,
      form(20001, { groupedClientNumber: '12345', paymentTermsDays: '45', tariffId: String(corpId) }),
    );
    await removeGroupMember(database.db, adminId, 12345, 20001);
    const rows = await database.db
      .select({ field: auditLog.field, oldValue: auditLog.oldValue, newValue: auditLog.newValue, userId: auditLog.userId })
      .from(auditLog)
      .where(and(eq(auditLog.clientNumber, 20001), sql`${auditLog.field} <> 'created'`))
      .orderBy(asc(auditLog.id));
    expect(rows).toEqual([
      { field: 'grouped_client_number', oldValue: null, newValue: '12345', userId: adminId },
      { field: 'payment_terms_days', oldValue: '30', newValue: '45', userId: adminId },
      { field: 'tariff_id', oldValue: String(stdId), newValue: String(corpId), userId: adminId },
      { field: 'grouped_client_number', oldValue: '12345', newValue: null, userId: adminId },
    ]);
  });
});

describe('races on a real PostgreSQL (G7)', () => {
  beforeEach(async () => {
    await truncateKeepingStaff(database.db, 'audit_log, calls, clients, invoice_lines');
    await insertClient(database.db, 12345, stdId, { groupedClientNumber: 12345 });
    await insertClient(database.db, 12346, stdId);
  });

  /** Two sessions: `first` runs its statement and holds its transaction open while `second` tries. */
  async function interleave(firstStatement: string, secondStatement: string) {
    const a = postgres(database.url, { max: 1, onnotice: () => {} });
    const b = postgres(database.url, { max: 1, onnotice: () => {} });
    try {
      let releaseFirst!: () => void;
      const firstMayCommit = new Promise<void>((resolve) => (releaseFirst = resolve));
      let firstWrote!: () => void;
      const firstHasWritten = new Promise<void>((resolve) => (firstWrote = resolve));
      const first = a.begin(async (tx) => {
        await tx.unsafe(firstStatement);
        firstWrote();
        await firstMayCommit;
      });
      await firstHasWritten;
      const second = b.begin((tx) => tx.unsafe(secondStatement));
      // The second waits on the first's row lock; let the first commit now.
      setTimeout(releaseFirst, 200);
      return await Promise.allSettled([first, second]);
    } finally {
      await a.end();
      await b.end();
    }
  }

  test('joining 12345 while 12345 stops being a head: the join commits first, the un-heading fails', async () => {
    const [join, unhead] = await interleave(
      'update clients set grouped_client_number = 12345 where number = 12346',
      'update clients set grouped_client_number = null where number = 12345',
    );
    expect(join.status).toBe('fulfilled');
    expect(unhead.status).toBe('rejected');
    expect(await groupingInvariantViolations()).toBe(0);
  });

  test('12345 stops being a head while 12346 joins it: the un-heading commits first, the join fails', async () => {
    const [unhead, join] = await interleave(
      'update clients set grouped_client_number = null where number = 12345',
      'update clients set grouped_client_number = 12345 where number = 12346',
    );
    expect(unhead.status).toBe('fulfilled');
    expect(join.status).toBe('rejected');
    expect(await groupingInvariantViolations()).toBe(0);
  });

  test('deactivating a head while a client joins it: exactly one succeeds', async () => {
    const [join, deactivate] = await interleave(
      'update clients set grouped_client_number = 12345 where number = 12346',
      'update clients set is_active = false where number = 12345',
    );
    expect([join.status, deactivate.status]).toEqual(['fulfilled', 'rejected']);
    const [deactivateFirst, joinAfter] = await (async () => {
      await database.db.execute(sql`update clients set grouped_client_number = null where number = 12346`);
      return interleave(
        'update clients set is_active = false where number = 12345',
        'update clients set grouped_client_number = 12345 where number = 12346',
      );
    })();
    expect([deactivateFirst.status, joinAfter.status]).toEqual(['fulfilled', 'rejected']);
  });

  test('forty concurrent group changes by two administrators leave no chain and no orphan', async () => {
    for (let n = 0; n < 10; n++) await insertClient(database.db, 60000 + n, stdId, { groupedClientNumber: n < 3 ? 60000 + n : null });
    const operations = Array.from({ length: 40 }, (_, i) => {
      const client = 60000 + ((i * 7) % 10);
      const target = [60000, 60001, 60002, 60003, null][i % 5];
      return form(client, { groupedClientNumber: target === null || target === undefined ? '' : String(target) });
    });
    const results = await Promise.allSettled(operations.map((input) => updateClient(database.db, adminId, input.number, input)));
    expect(results.filter((r) => r.status === 'rejected').every((r) => (r as PromiseRejectedResult).reason instanceof AppError)).toBe(true);
    expect(await groupingInvariantViolations()).toBe(0);
  });
});

describe('client search', () => {
  beforeAll(async () => {
    await truncateKeepingStaff(database.db, 'audit_log, calls, clients, invoice_lines');
    await insertClient(database.db, 20001, stdId, { name: 'Boulangerie Côté' });
    await insertClient(database.db, 20002, stdId, { name: 'Northern Supplies Ltd', city: 'Dorval' });
    await insertClient(database.db, 12345, stdId, { name: 'Pharmacie Centrale inc.', groupedClientNumber: 12345 });
    await insertClient(database.db, 12346, stdId, { name: 'Pharmacie Centrale — Laval', groupedClientNumber: 12345 });
    await insertClient(database.db, 30000, stdId, { name: 'ÉCOLE DES ÉRABLES', groupedClientNumber: 30000 });
    for (let n = 0; n < 60; n++) await insertClient(database.db, 70000 + n, stdId, { name: `Client série ${n}` });
  });

  const search = (params: Record<string, string>) => findClients(database.db, clientSearchParams.parse(params));

  test('"cote" finds "Côté", "erables" finds "ÉCOLE DES ÉRABLES" (accents and case ignored)', async () => {
    expect((await search({ q: 'cote' })).rows.map((r) => r.number)).toEqual([20001]);
    expect((await search({ q: 'erables' })).rows.map((r) => r.number)).toEqual([30000]);
  });

  test('a number finds the clients whose number starts with it', async () => {
    expect((await search({ q: '1234' })).rows.map((r) => r.number)).toEqual([12345, 12346]);
  });

  test('filters: grouped accounts only, members of a head, not grouped', async () => {
    expect((await search({ filter: 'heads' })).rows.map((r) => r.number)).toEqual([12345, 30000]);
    expect((await search({ filter: 'members', head: '12345' })).rows.map((r) => r.number)).toEqual([12346]);
    expect((await search({ filter: 'ungrouped', q: 'supplies' })).rows.map((r) => r.number)).toEqual([20002]);
  });

  test('sorted and paged by 50, with the total', async () => {
    const first = await search({ sort: 'name', dir: 'desc' });
    expect(first.total).toBe(65);
    expect(first.pages).toBe(2);
    expect(first.rows).toHaveLength(50);
    const second = await search({ sort: 'name', dir: 'desc', page: '2' });
    expect(second.rows).toHaveLength(15);
    expect(second.rows.at(-1)!.number).toBe(20001); // "boulangerie cote" sorts last in descending order
    // Past the last page, the whole list and a search still say how many there are.
    expect(await search({ sort: 'name', page: '9' })).toEqual({ rows: [], total: 65, pages: 2 });
    expect(await search({ q: 'série', page: '9' })).toEqual({ rows: [], total: 60, pages: 2 });
    // A search is sorted and paged the same way, with its own total.
    const found = await search({ q: 'série', sort: 'name', dir: 'desc', page: '2' });
    expect(found).toMatchObject({ total: 60, pages: 2 });
    const byNameDescending = Array.from({ length: 60 }, (_, n) => `Client série ${n}`).sort((a, b) => (a < b ? 1 : -1));
    expect(found.rows.map((r) => r.name)).toEqual(byNameDescending.slice(50));
  });

  test('LIKE wildcards typed in the search are searched for literally', async () => {
    expect((await search({ q: '%' })).total).toBe(0);
  });

  test('a bad query string falls back to the defaults instead of failing', async () => {
    expect(clientSearchParams.parse({ sort: 'drop table', page: '-3', filter: 'x' })).toMatchObject({
      sort: 'number',
      page: 1,
      filter: 'all',
    });
  });
});

test('the schema refuses a member of a member even when written by hand', async () => {
  await truncateKeepingStaff(database.db, 'audit_log, calls, clients, invoice_lines');
  await insertClient(database.db, 12345, stdId, { groupedClientNumber: 12345 });
  await insertClient(database.db, 12346, stdId, { groupedClientNumber: 12345 });
  expect(await violatedConstraint(insertClient(database.db, 12348, stdId, { groupedClientNumber: 12346 }))).toBe(
    'clients_grouped_client_is_head',
  );
});

describe('the dues exemption of a billed client', () => {
  const EXEMPT = { duesExemption: 'municipal_contract', duesExemptFrom: '2026-01-01' };
  const issues = (changes: Record<string, string | undefined>) =>
    clientInput.safeParse(rawForm(1, changes)).error!.issues.map((issue) => [issue.path.join('.'), issue.message]);
  const duesAudit = () =>
    database.db
      .select({ field: auditLog.field, oldValue: auditLog.oldValue, newValue: auditLog.newValue, userId: auditLog.userId })
      .from(auditLog)
      .where(and(eq(auditLog.clientNumber, 20001), sql`${auditLog.field} like 'dues%'`))
      .orderBy(asc(auditLog.id));
  const duesOf = async (number: number) => {
    const [row] = await database.db
      .select({
        duesExemption: clients.duesExemption,
        duesExemptionDetail: clients.duesExemptionDetail,
        duesExemptFrom: clients.duesExemptFrom,
        duesExemptTo: clients.duesExemptTo,
      })
      .from(clients)
      .where(eq(clients.number, number));
    return row;
  };

  beforeEach(async () => {
    await truncateKeepingStaff(database.db, 'audit_log, calls, clients, invoice_lines');
  });

  test('each refusal names its field: no first day, the Act’s exemption unnamed, a last day before the first, an unknown reason', () => {
    expect(issues({ duesExemption: 'transit_contract' })).toEqual([['duesExemptFrom', 'client.duesExemptFrom']]);
    expect(issues({ duesExemption: 'act', duesExemptFrom: '2026-01-01', duesExemptionDetail: '  ' })).toEqual([
      ['duesExemptionDetail', 'client.duesExemptionDetail'],
    ]);
    expect(issues({ ...EXEMPT, duesExemptTo: '2025-12-31' })).toEqual([['duesExemptTo', 'client.duesExemptPeriod']]);
    expect(issues({ duesExemption: 'ville', duesExemptFrom: '2026-01-01' })).toEqual([['duesExemption', 'invalid']]);
    expect(issues({ ...EXEMPT, duesExemptFrom: '2026-02-30' })).toEqual([['duesExemptFrom', 'call.date']]);
  });

  test('saved and read back; the days and the Act’s name are kept only with the exemption they belong to', async () => {
    await createClient(database.db, adminId, form(20001, { ...EXEMPT, duesExemptTo: '2026-12-31', duesExemptionDetail: 'ignoré' }));
    expect(await duesOf(20001)).toEqual({
      duesExemption: 'municipal_contract',
      duesExemptionDetail: null,
      duesExemptFrom: '2026-01-01',
      duesExemptTo: '2026-12-31',
    });
    await createClient(database.db, adminId, form(20002, { duesExemptFrom: '2026-01-01', duesExemptionDetail: 'x' }));
    expect(await duesOf(20002)).toEqual({ duesExemption: null, duesExemptionDetail: null, duesExemptFrom: null, duesExemptTo: null });
    await createClient(
      database.db,
      adminId,
      form(20003, { duesExemption: 'act', duesExemptionDetail: 'Transport bénévole', duesExemptFrom: '2026-03-01' }),
    );
    expect(await duesOf(20003)).toMatchObject({ duesExemption: 'act', duesExemptionDetail: 'Transport bénévole', duesExemptTo: null });
  });

  test('its changes are in the audit log under the administrator, old → new', async () => {
    await createClient(database.db, adminId, form(20001));
    await updateClient(database.db, adminId, 20001, form(20001, { ...EXEMPT, duesExemption: 'transit_contract' }));
    await updateClient(database.db, adminId, 20001, form(20001, { ...EXEMPT, duesExemption: 'transit_contract' }));
    await updateClient(
      database.db,
      adminId,
      20001,
      form(20001, { ...EXEMPT, duesExemption: 'transit_contract', duesExemptTo: '2026-06-30' }),
    );
    await updateClient(database.db, adminId, 20001, form(20001));
    expect(await duesAudit()).toEqual([
      { field: 'dues_exemption', oldValue: null, newValue: 'transit_contract', userId: adminId },
      { field: 'dues_exempt_from', oldValue: null, newValue: '2026-01-01', userId: adminId },
      { field: 'dues_exempt_to', oldValue: null, newValue: '2026-06-30', userId: adminId },
      { field: 'dues_exemption', oldValue: 'transit_contract', newValue: null, userId: adminId },
      { field: 'dues_exempt_from', oldValue: '2026-01-01', newValue: null, userId: adminId },
      { field: 'dues_exempt_to', oldValue: '2026-06-30', newValue: null, userId: adminId },
    ]);
  });

  test('the database backs each rule, and its refusal is explained on the field', async () => {
    await createClient(database.db, adminId, form(20001));
    const unnamed = { ...form(20001), duesExemption: 'act' as const, duesExemptFrom: '2026-01-01' };
    const error = await updateClient(database.db, adminId, 20001, unnamed).then(
      () => null,
      (e: unknown) => e as AppError,
    );
    expect(error).toBeInstanceOf(AppError);
    expect([error!.code, error!.fieldErrors]).toEqual([
      'client.duesExemptionDetail',
      { duesExemptionDetail: ['client.duesExemptionDetail'] },
    ]);
    expect(await duesOf(20001)).toMatchObject({ duesExemption: null });
    expect(await violatedConstraint(insertClient(database.db, 20002, stdId, { duesExemption: 'municipal_contract' }))).toBe(
      'clients_dues_exemption_dates',
    );
    expect(
      await violatedConstraint(
        insertClient(database.db, 20002, stdId, {
          duesExemption: 'transit_contract',
          duesExemptFrom: '2026-02-01',
          duesExemptTo: '2026-01-31',
        }),
      ),
    ).toBe('clients_dues_exemption_period');
    expect(await violatedConstraint(insertClient(database.db, 20002, stdId, { duesExemption: 'act', duesExemptFrom: '2026-02-01' }))).toBe(
      'clients_dues_exemption_named',
    );
  });

  test('a member’s form shows the head’s exemption, which its grouped invoices take (G3)', async () => {
    await createClient(database.db, adminId, form(12345, { ...EXEMPT, groupedClientNumber: '12345', duesExemptTo: '2026-12-31' }));
    const [head] = await database.db.select().from(clients).where(eq(clients.number, 12345));
    expect(headBillingOf(head!).duesExemption).toEqual({
      reason: 'municipal_contract',
      detail: null,
      from: '2026-01-01',
      to: '2026-12-31',
    });
  });

  test('the client file carries it: exported, read back unchanged, changed by a file with the changes audited as the importer’s', async () => {
    await createClient(
      database.db,
      adminId,
      form(20001, { duesExemption: 'act', duesExemptionDetail: 'Transport bénévole', duesExemptFrom: '2026-01-01' }),
    );
    await createClient(database.db, adminId, form(20002));
    const exported = await exportClientsCsv(database.db, 'semicolon');
    const [header, first] = exported.split('\r\n');
    expect(header).toContain('No. d’exemption TVQ;Exempté de la redevance;Exemption prévue par la Loi;Du;Au;Tarif');
    expect(first).toContain(';Autre exemption prévue par la Loi;Transport bénévole;2026-01-01;;STD;');

    const importFile = (file: string) =>
      runImport(database.db, {
        kind: 'clients',
        mode: 'import',
        actorId: adminId,
        body: (async function* () {
          yield new TextEncoder().encode(file);
        })(),
        maxBytes: 1024 * 1024,
        today: '2026-12-04',
      });
    await database.db.delete(auditLog);
    expect(await importFile(exported)).toMatchObject({ isApplied: true, counts: { updated: 0, unchanged: 2 }, problems: [] });
    expect(await database.db.select().from(auditLog)).toEqual([]);

    // A file ends 20001's exemption on 2026-06-30 and exempts 20002 from 2026-02-01.
    const file = `No. client;Exempté de la redevance;Exemption prévue par la Loi;Du;Au\r\n20001;Autre exemption prévue par la Loi;Transport bénévole;2026-01-01;2026-06-30\r\n20002;Contrat avec une municipalité;;2026-02-01;\r\n`;
    expect(await importFile(file)).toMatchObject({ isApplied: true, counts: { updated: 2 }, problems: [] });
    expect(await duesOf(20001)).toMatchObject({ duesExemption: 'act', duesExemptTo: '2026-06-30' });
    expect(await duesOf(20002)).toMatchObject({ duesExemption: 'municipal_contract', duesExemptFrom: '2026-02-01', duesExemptTo: null });
    const audited = await database.db
      .select({
        number: auditLog.clientNumber,
        field: auditLog.field,
        oldValue: auditLog.oldValue,
        newValue: auditLog.newValue,
        userId: auditLog.userId,
      })
      .from(auditLog)
      .where(sql`${auditLog.field} like 'dues%'`)
      .orderBy(asc(auditLog.clientNumber), asc(auditLog.field));
    expect(audited).toEqual([
      { number: 20001, field: 'dues_exempt_to', oldValue: null, newValue: '2026-06-30', userId: adminId },
      { number: 20002, field: 'dues_exempt_from', oldValue: null, newValue: '2026-02-01', userId: adminId },
      { number: 20002, field: 'dues_exemption', oldValue: null, newValue: 'municipal_contract', userId: adminId },
    ]);
  });
});
