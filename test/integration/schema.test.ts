import { eq, sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openPostgres, queryRows } from '@/db/index';
import { billingRuns, clients, companySettings, documentCounters, invoiceLines, invoices, users } from '@/db/schema';
import { createEmptyDatabase, createTestDatabase, type TestDatabase } from '@/test/support/test-database';
import { insertCall, insertClient, insertTariff, refusalCode, violatedConstraint } from '@/test/support/fixtures';
import { until } from '@/test/support/until';

describe('migrations on an empty PostgreSQL', () => {
  test('create every table, start both gapless counters at 0, and can run again or twice at once', async () => {
    const empty = await createEmptyDatabase();
    const first = openPostgres(empty.url, { max: 2 });
    const second = openPostgres(empty.url, { max: 2 });
    try {
      // Two instances starting together: the advisory lock makes one wait for the other.
      await Promise.all([first.migrate(), second.migrate()]);
      await first.migrate();
      const tables = await queryRows<{ table_name: string }>(
        first.db,
        sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
      );
      expect(tables.map((r) => r.table_name)).toEqual([
        'accounting_exported_documents',
        'accounting_exports',
        'accounting_settings',
        'api_request_counts',
        'api_tokens',
        'audit_log',
        'billing_runs',
        'call_contests',
        'call_flags',
        'call_holds',
        'call_status_changes',
        'calls',
        'client_references',
        'clients',
        'company_settings',
        'credit_hold_overrides',
        'credit_note_lines',
        'credit_notes',
        'deliveries',
        'deposit_batches',
        'document_counters',
        'dues_rates',
        'group_memberships',
        'invoice_lines',
        'invoices',
        'municipalities',
        'outbox_messages',
        'payment_allocations',
        'payments',
        'portal_invitations',
        'sign_in_attempts',
        'statements',
        'tariffs',
        'users',
      ]);
      const counters = await first.db.select().from(documentCounters).orderBy(documentCounters.kind);
      expect(counters).toEqual([
        { kind: 'invoice', lastNumber: 0 },
        { kind: 'credit_note', lastNumber: 0 },
      ]);
    } finally {
      await first.close();
      await second.close();
      await empty.drop();
    }
  });
});

describe('constraints refuse bad rows in the database itself', () => {
  let database: TestDatabase;
  let tariffId: number;

  beforeAll(async () => {
    database = await createTestDatabase();
    tariffId = (await insertTariff(database.db)).id;
    await insertClient(database.db, 12345, tariffId, { groupedClientNumber: 12345 });
    await insertClient(database.db, 12346, tariffId, { groupedClientNumber: 12345 });
    await insertClient(database.db, 20001, tariffId);
  });
  afterAll(() => database.drop());

  test('a tariff with a negative base amount', async () => {
    expect(await violatedConstraint(insertTariff(database.db, { code: 'NEG', baseCents: -1 }))).toBe('tariffs_base_non_negative');
  });

  test('a call for an unknown client', async () => {
    expect(await violatedConstraint(insertCall(database.db, 99999, tariffId))).toBe('calls_client_number_clients_number_fk');
  });

  test('a call whose price is not gross less discount, or with a negative amount', async () => {
    expect(await violatedConstraint(insertCall(database.db, 20001, tariffId, { priceCents: 1100 }))).toBe(
      'calls_price_is_gross_less_discount',
    );
    expect(await violatedConstraint(insertCall(database.db, 20001, tariffId, { grossCents: -100, priceCents: -100 }))).toMatch(
      /^calls_(gross_non_negative|discount_range)$/,
    );
    expect(await violatedConstraint(insertCall(database.db, 20001, tariffId, { distanceKm: '-1' }))).toBe('calls_distance_non_negative');
  });

  test('a client with a postal code that is not Canadian', async () => {
    expect(await violatedConstraint(insertClient(database.db, 20002, tariffId, { postalCode: '90210' }))).toBe('clients_postal_code');
    expect(await violatedConstraint(insertClient(database.db, 20002, tariffId, { postalCode: 'D2X 1Y4' }))).toBe('clients_postal_code');
  });

  test('a tax exemption without its number, and e-mail delivery without an address', async () => {
    expect(await violatedConstraint(insertClient(database.db, 20003, tariffId, { qstExempt: true }))).toBe('clients_qst_exemption_number');
    expect(await violatedConstraint(insertClient(database.db, 20003, tariffId, { deliveryMethod: 'email' }))).toBe(
      'clients_email_delivery_needs_address',
    );
  });

  describe('grouping rules G1 and G2', () => {
    test('G1: a member of an unknown client is refused', async () => {
      expect(await violatedConstraint(insertClient(database.db, 30001, tariffId, { groupedClientNumber: 99999 }))).toBe(
        'clients_grouped_client_is_head',
      );
    });

    test('G1: a member of a client that is not a grouped account is refused', async () => {
      expect(await violatedConstraint(insertClient(database.db, 30001, tariffId, { groupedClientNumber: 20001 }))).toBe(
        'clients_grouped_client_is_head',
      );
    });

    test('G1: a member of a member (a chain) is refused', async () => {
      expect(await violatedConstraint(insertClient(database.db, 30001, tariffId, { groupedClientNumber: 12346 }))).toBe(
        'clients_grouped_client_is_head',
      );
    });

    test('G2: a head with members cannot clear or change its own number, nor be deleted', async () => {
      expect(
        await violatedConstraint(database.db.update(clients).set({ groupedClientNumber: null }).where(eq(clients.number, 12345))),
      ).toBe('clients_grouped_client_is_head');
      expect(
        await violatedConstraint(database.db.update(clients).set({ groupedClientNumber: 20001 }).where(eq(clients.number, 12345))),
      ).toBe('clients_grouped_client_is_head');
      expect(await violatedConstraint(database.db.delete(clients).where(eq(clients.number, 12345)))).toBe('clients_grouped_client_is_head');
      const [head] = await database.db.select().from(clients).where(eq(clients.number, 12345));
      expect(head?.groupedClientNumber).toBe(12345);
    });

    test('a head without members can stop being one, and a member can leave its group', async () => {
      await insertClient(database.db, 40000, tariffId, { groupedClientNumber: 40000 });
      await database.db.update(clients).set({ groupedClientNumber: null }).where(eq(clients.number, 40000));
      await insertClient(database.db, 40001, tariffId, { groupedClientNumber: 12345 });
      await database.db.update(clients).set({ groupedClientNumber: null }).where(eq(clients.number, 40001));
      const rows = await database.db
        .select({ number: clients.number, grouped: clients.groupedClientNumber })
        .from(clients)
        .where(sql`${clients.number} in (40000, 40001)`);
      expect(rows.every((r) => r.grouped === null)).toBe(true);
    });
  });

  describe('invoices', () => {
    let userId: number;
    let runId: number;

    beforeAll(async () => {
      const [user] = await database.db
        .insert(users)
        .values({ email: 'commis@test.local', name: 'Commis', passwordHash: 'x', role: 'billing' })
        .returning();
      userId = user!.id;
      const [run] = await database.db
        .insert(billingRuns)
        .values({ kind: 'normal', cutoffDate: '2026-10-31', issueDate: '2026-11-01', createdBy: userId })
        .returning();
      runId = run!.id;
    });

    const invoiceValues = (number: number) => ({
      number,
      billingRunId: runId,
      kind: 'normal' as const,
      billedClientNumber: 20001,
      issueDate: '2026-11-01',
      dueDate: '2026-12-01',
      billToName: 'Client 20001',
      billToAddressLine1: '1, rue Principale',
      billToCity: 'Montréal',
      billToProvince: 'QC',
      billToPostalCode: 'H2X 1Y4',
      language: 'fr' as const,
      deliveryMethod: 'print' as const,
      paymentTermsDays: 30,
      lineCount: 1,
      subtotalCents: 10000,
      gstCents: 500,
      qstCents: 998,
      totalCents: 11498,
    });

    test('an invoice whose total is not subtotal + GST + QST', async () => {
      expect(await violatedConstraint(database.db.insert(invoices).values({ ...invoiceValues(1), totalCents: 11500 }))).toBe(
        'invoices_amounts',
      );
    });

    test('an invoice number used twice', async () => {
      await database.db.insert(invoices).values(invoiceValues(2));
      expect(await violatedConstraint(database.db.insert(invoices).values(invoiceValues(2)))).toBe('invoices_number_unique');
    });

    const lineOf = (invoiceId: number, callNumber: number) => ({
      invoiceId,
      callNumber,
      clientNumber: 20001,
      clientName: 'Client 20001',
      serviceDate: '2026-10-03',
      pickupAddress: 'A',
      destinationAddress: 'B',
      amountCents: 1200,
    });

    test('no double billing: a call on two non-void invoices is refused; once the first is void, it may be billed again', async () => {
      const call = await insertCall(database.db, 20001, tariffId);
      const [first] = await database.db.insert(invoices).values(invoiceValues(3)).returning();
      const [second] = await database.db.insert(invoices).values(invoiceValues(4)).returning();
      const line = (invoiceId: number) => lineOf(invoiceId, call.number);
      await database.db.insert(invoiceLines).values(line(first!.id));
      expect(await violatedConstraint(database.db.insert(invoiceLines).values(line(second!.id)))).toBe('invoice_lines_call_once');
      await database.db.update(invoiceLines).set({ isVoid: true }).where(eq(invoiceLines.invoiceId, first!.id));
      await database.db.insert(invoiceLines).values(line(second!.id));
    });

    test('a line without its invoice, and the deletion of an invoice that has lines', async () => {
      const call = await insertCall(database.db, 20001, tariffId);
      expect(await violatedConstraint(database.db.insert(invoiceLines).values(lineOf(987_654_321, call.number)))).toBe(
        'invoice_lines_invoice_id',
      );
      // One missing invoice among existing ones refuses the whole statement.
      const [invoice] = await database.db.insert(invoices).values(invoiceValues(6)).returning();
      const other = await insertCall(database.db, 20001, tariffId);
      expect(
        await violatedConstraint(
          database.db.insert(invoiceLines).values([lineOf(invoice!.id, call.number), lineOf(987_654_321, other.number)]),
        ),
      ).toBe('invoice_lines_invoice_id');
      expect(await database.db.select().from(invoiceLines).where(eq(invoiceLines.invoiceId, invoice!.id))).toEqual([]);
      await database.db.insert(invoiceLines).values(lineOf(invoice!.id, call.number));
      expect(await violatedConstraint(database.db.delete(invoices).where(eq(invoices.id, invoice!.id)))).toBe('invoice_lines_invoice_id');
      // Emptying the invoices leaves no line behind: refused unless the lines go in the same statement.
      expect(await refusalCode(database.db.execute(sql`truncate invoices cascade`))).toBe('0A000');
    });

    test('a line written while its invoice is being deleted waits for that deletion, then is refused', async () => {
      const [invoice] = await database.db.insert(invoices).values(invoiceValues(7)).returning();
      const call = await insertCall(database.db, 20001, tariffId);
      const deleting = postgres(database.url, { max: 1, onnotice: () => {} });
      const writing = postgres(database.url, { max: 1, onnotice: () => {} });
      try {
        let release!: () => void;
        const released = new Promise<void>((resolve) => (release = resolve));
        let deleted!: () => void;
        const isDeleted = new Promise<void>((resolve) => (deleted = resolve));
        const deletion = deleting.begin(async (tx) => {
          await tx`delete from invoices where id = ${invoice!.id}`;
          deleted();
          await released;
        });
        await isDeleted;
        const insertion = writing`insert into invoice_lines (invoice_id, call_number, client_number, client_name, service_date,
                                                             pickup_address, destination_address, amount_cents)
                                  values (${invoice!.id}, ${call.number}, 20001, 'Client 20001', '2026-10-03', 'A', 'B', 1200)`;
        let hasEnded = false;
        void insertion.then(
          () => (hasEnded = true),
          () => (hasEnded = true),
        );
        // The line's check waits for the deleting transaction (it locks the invoice as a foreign
        // key does); without that lock the line would be written beside a vanishing invoice.
        await until(
          async () =>
            hasEnded ||
            (
              await queryRows<{ n: number }>(
                database.db,
                sql`select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock' and query like '%insert into invoice_lines%'`,
              )
            )[0]!.n > 0,
          'the line to wait for the deletion',
        );
        release();
        await deletion;
        await expect(insertion).rejects.toMatchObject({ code: '23503', constraint_name: 'invoice_lines_invoice_id' });
      } finally {
        await deleting.end();
        await writing.end();
      }
    });

    test('a void invoice must say when it was voided', async () => {
      expect(await violatedConstraint(database.db.insert(invoices).values({ ...invoiceValues(5), status: 'void' }))).toBe('invoices_void');
    });
  });

  test('a second company settings row, and an e-mail in capitals', async () => {
    const settings = { name: 'X', addressLine1: '1, rue A', city: 'Montréal', postalCode: 'H2X 1Y4', gstNumber: '1', qstNumber: '2' };
    await database.db.insert(companySettings).values(settings);
    expect(await violatedConstraint(database.db.insert(companySettings).values({ ...settings, id: 2 }))).toBe(
      'company_settings_single_row',
    );
    expect(
      await violatedConstraint(
        database.db.insert(users).values({ email: 'Admin@Test.local', name: 'A', passwordHash: 'x', role: 'admin' }),
      ),
    ).toBe('users_email_lowercase');
  });
});
