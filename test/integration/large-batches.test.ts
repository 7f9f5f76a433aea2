/**
 * Selections larger than the 65,535 parameters PostgreSQL accepts in one statement: lists of
 * ids are bound as one array parameter, and many rows are written by INSERT … SELECT.
 */
import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { creditNoteLines, invoiceLines, invoices } from '@/db/schema';
import { billingInput } from '@/lib/billing/billing-input';
import { createCreditNote, creditNoteInput } from '@/lib/billing/credit-notes';
import { getInvoicesWithBlocks } from '@/lib/billing/find-invoices';
import { generateInvoices } from '@/lib/billing/generate-invoices';
import { AppError } from '@/lib/errors';
import { checkInvariants, NO_VIOLATION } from '@/test/support/invariants';
import { loadGoldenScenario } from '@/test/support/golden-scenario';
import { createTestDatabase, type TestDatabase } from '@/test/support/test-database';

const BULK_CALLS = 70_000;

let database: TestDatabase;
let clerkId: number;
let bulkInvoice: typeof invoices.$inferSelect;
let runInvoiceIds: number[];

beforeAll(async () => {
  database = await createTestDatabase();
  ({ clerkId } = await loadGoldenScenario(database.db));
  // 70,000 completed calls of 12.00 $ for client 20001, on top of its golden calls.
  await database.db.execute(sql`
    insert into calls (client_number, service_at, service_date, pickup_address, destination_address, tariff_id, tariff_code,
                       gross_cents, discount_cents, price_cents, status)
    select c.number, '2026-10-20T14:00:00Z', '2026-10-20', 'Départ ' || n, 'Arrivée ' || n, c.tariff_id, t.code, 1200, 0, 1200, 'completed'
      from generate_series(1, ${BULK_CALLS}) n
      cross join clients c
      join tariffs t on t.id = c.tariff_id
     where c.number = 20001`);
  const run = await generateInvoices(database.db, clerkId, billingInput.parse({ cutoff: '2026-10-31', cycle: 'all' }), '2026-11-01');
  const rows = await database.db.select().from(invoices).where(eq(invoices.billingRunId, run.runId!)).orderBy(invoices.number);
  runInvoiceIds = rows.map((i) => i.id);
  bulkInvoice = rows.find((i) => i.billedClientNumber === 20001)!;
  expect(bulkInvoice.lineCount).toBeGreaterThan(BULK_CALLS);
});
afterAll(() => database.drop());

test('a print batch of 70,000 invoice ids loads: the run’s invoices with all their lines, the unknown ids ignored', async () => {
  const unknownIds = Array.from({ length: BULK_CALLS }, (_, i) => 1_000_000 + i);
  const found = await getInvoicesWithBlocks(database.db, [...unknownIds, ...runInvoiceIds]);
  expect(found.map((f) => f.invoice.id)).toEqual(runInvoiceIds);
  const bulk = found.find((f) => f.invoice.id === bulkInvoice.id)!;
  expect(bulk.blocks.map((b) => [b.clientNumber, b.lines.length, b.subtotalCents])).toEqual([
    [20001, bulkInvoice.lineCount, bulkInvoice.subtotalCents],
  ]);
});

test('a credit note over the 70,000+ lines of one invoice gives back the whole invoice, taxes included, once', async () => {
  const lines = await database.db.select({ id: invoiceLines.id }).from(invoiceLines).where(eq(invoiceLines.invoiceId, bulkInvoice.id));
  const input = creditNoteInput.parse({
    invoiceNumber: String(bulkInvoice.number),
    lineIds: lines.map((l) => String(l.id)),
    reason: 'Facturé par erreur',
  });
  expect(input.lineIds.length).toBeGreaterThan(65_535);

  const note = await createCreditNote(database.db, clerkId, input, '2026-11-05');
  expect(note.totalCents).toBe(bulkInvoice.totalCents);
  const [written] = await database.db.select({ n: count() }).from(creditNoteLines);
  expect(written!.n).toBe(bulkInvoice.lineCount);

  const again = await createCreditNote(database.db, clerkId, input, '2026-11-05').catch((error: unknown) => error);
  expect(again).toBeInstanceOf(AppError);
  expect((again as AppError).code).toBe('credit.lineAlreadyCredited');
  expect(await checkInvariants(database.db)).toEqual(NO_VIOLATION);
});
