import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { invoices } from '@/db/schema';
import { billingInput } from '@/lib/billing/billing-input';
import { generateInvoices } from '@/lib/billing/generate-invoices';
import { reverseRun } from '@/lib/billing/reverse-run';
import { invoicePdfStream } from '@/lib/pdf/invoice-pdf';
import { renderPrintBatch } from '@/lib/delivery/kinds/invoice';
import { PAGES_PER_PART } from '@/lib/pdf/render-invoices';
import { insertClient, insertTariff } from '@/test/support/fixtures';
import { loadGoldenScenario } from '@/test/support/golden-scenario';
import { pdfPages, streamBytes } from '@/test/support/pdf-text';
import { createTestDatabase, type TestDatabase } from '@/test/support/test-database';

/*
 * Invoices longer than one rendering part (lib/pdf/render-invoices.ts) are rendered in parts
 * and joined: the reader must see one document, letter-sized, numbered per invoice.
 */
const HEAD = 70000;
const MEMBERS = 30;
const CALLS_PER_MEMBER = 40;

/** Member names of every length a client may have, up to 200 characters. */
const memberName = (m: number) =>
  m % 7 === 0 ? `Succursale ${m} ${'Centre de distribution régional '.repeat(6)}`.slice(0, 200).trim() : `Succursale ${m}`;

let database: TestDatabase;
let clerkId: number;
let longNumber: number;
let normalRunId: number;

beforeAll(async () => {
  database = await createTestDatabase();
  ({ clerkId } = await loadGoldenScenario(database.db));
  const tariff = await insertTariff(database.db, { code: 'LONG' });
  await insertClient(database.db, HEAD, tariff.id, { name: 'Clinique Longue-Liste inc.', groupedClientNumber: HEAD });
  for (let m = 1; m <= MEMBERS; m++)
    await insertClient(database.db, HEAD + m, tariff.id, { name: memberName(m), groupedClientNumber: HEAD });
  await database.db.execute(sql`
    insert into calls (client_number, service_at, service_date, pickup_address, destination_address, tariff_id, tariff_code,
                       gross_cents, discount_cents, price_cents, status, client_reference)
    select ${HEAD} + m, timestamptz '2026-10-05 14:00Z', date '2026-10-05', i || ', rue Saint-Denis, Montréal', m || ', boul. Taschereau, Longueuil',
           ${tariff.id}, 'LONG', 1000 + i, 0, 1000 + i, 'completed',
           -- Every fifth member's calls carry the longest reference a call may have (100 characters).
           case when m % 5 = 0 then left(repeat('Bon de commande ' || i || ' — ', 10), 100) end
      from generate_series(1, ${MEMBERS}) m, generate_series(1, ${CALLS_PER_MEMBER}) i`);
  normalRunId = (await generateInvoices(database.db, clerkId, billingInput.parse({ cutoff: '2026-10-31', cycle: 'all' }), '2026-11-01'))
    .runId!;
  await generateInvoices(database.db, clerkId, billingInput.parse({ cutoff: '2026-10-31', cycle: 'all', isGrouped: 'on' }), '2026-11-01');
  const [long] = await database.db.select().from(invoices).where(eq(invoices.billedClientNumber, HEAD));
  longNumber = long!.number;
}, 120_000);
afterAll(() => database.drop());

describe('long invoices and print batches, rendered in parts', () => {
  test(`an invoice of ${MEMBERS * CALLS_PER_MEMBER} lines is one letter-sized document, numbered "Page k de n", every line and member in it`, async () => {
    const pages = await pdfPages(await streamBytes(await invoicePdfStream(database.db, longNumber)));
    expect(pages.length).toBeGreaterThan(PAGES_PER_PART);
    expect(pages.every((page) => page.width === 612 && page.height === 792)).toBe(true);
    pages.forEach((page, index) => expect(page.text).toContain(`Page ${index + 1} de ${pages.length}`));
    const text = pages.map((page) => page.text).join(' ');
    for (let m = 1; m <= MEMBERS; m++) expect(text).toContain(`No client ${HEAD + m} — Succursale ${m}`);
    expect(text).toContain('Bon de commande 7 — Bon de commande 7');
    const callNumbers = await database.db.execute(
      sql`select l.call_number from invoice_lines l join invoices i on i.id = l.invoice_id where i.number = ${longNumber}`,
    );
    expect(callNumbers).toHaveLength(MEMBERS * CALLS_PER_MEMBER);
    for (const row of callNumbers as unknown as { call_number: number }[])
      expect(text).toMatch(new RegExp(`(^| )${row.call_number} 2026-10-05`));
    expect(pages.at(-1)!.text).toMatch(/Total [\d  ]+,\d\d \$/);
  });

  test('a run reversed while its invoices are being printed: the download fails and nothing is marked printed', async () => {
    const all = await database.db.select({ id: invoices.id }).from(invoices).orderBy(invoices.number);
    const reader = (
      await renderPrintBatch(
        database.db,
        clerkId,
        all.map((i) => i.id),
      )
    ).getReader();
    expect((await reader.read()).done).toBe(false);
    expect(await reverseRun(database.db, clerkId, normalRunId)).toEqual({ voided: 2 });
    let outcome = 'complete';
    try {
      while (!(await reader.read()).done);
    } catch {
      outcome = 'broken';
    }
    expect(outcome).toBe('broken');
    expect(
      await database.db
        .select()
        .from(invoices)
        .where(sql`printed_at is not null`),
    ).toEqual([]);
  });

  test('a print batch joins every invoice, each numbered on its own, and marks them printed once the file is complete', async () => {
    const all = await database.db
      .select({ id: invoices.id, number: invoices.number })
      .from(invoices)
      .where(eq(invoices.status, 'issued'))
      .orderBy(invoices.number);
    const pages = await pdfPages(
      await streamBytes(
        await renderPrintBatch(
          database.db,
          clerkId,
          all.map((i) => i.id),
        ),
      ),
    );
    const firstPages = pages.filter((page) => /Page 1 de \d+/.test(page.text));
    expect(
      firstPages.map((page) => Number(/FACTURE (?:\/ INVOICE )?(\d+)/.exec(page.text.slice(page.text.lastIndexOf('—')))?.[1])),
    ).toEqual(all.map((i) => i.number));
    const long = pages.filter((page) => page.text.includes(`FACTURE ${longNumber} `) || page.text.endsWith(`FACTURE ${longNumber}`));
    expect(long.length).toBeGreaterThan(PAGES_PER_PART);
    // Marked before the download ends.
    expect(
      await database.db
        .select()
        .from(invoices)
        .where(sql`printed_at is null and status = 'issued'`),
    ).toEqual([]);
  });
});
