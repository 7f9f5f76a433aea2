import { asc, eq, sql } from 'drizzle-orm';
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { deliveries, invoices } from '@/db/schema';
import { billingInput } from '@/lib/billing/billing-input';
import { generateInvoices } from '@/lib/billing/generate-invoices';
import { getInvoice } from '@/lib/billing/find-invoices';
import { renderPrintBatch } from '@/lib/delivery/kinds/invoice';
import { invoicePages } from '@/lib/pdf/templates/invoice';
import { PAGES_PER_PART } from '@/lib/pdf/render-invoices';
import { renderJob } from '@/lib/pdf/render-job';
import { closeRenderPool, createRenderPool, PdfRenderError, renderPool } from '@/lib/pdf/render-pool';
import { requireCompanySettings } from '@/lib/settings/company-settings';
import { insertClient, insertTariff } from '@/test/support/fixtures';
import { loadGoldenScenario } from '@/test/support/golden-scenario';
import { pdfPages, streamBytes } from '@/test/support/pdf-text';
import { createTestDatabase, type TestDatabase } from '@/test/support/test-database';

/*
 * PDFs are rendered by a pool of threads (lib/pdf/render-pool.ts), here two: a print batch's
 * parts are rendered at once and must still be joined in the order of the invoices; a thread
 * stopped mid-batch must fail the batch and mark nothing.
 */
const FIRST = 60001;
const CLIENTS = 30;
const CALLS_PER_CLIENT = 80;

let database: TestDatabase;
let clerkId: number;
let batch: { id: number; number: number }[];
const savedWorkers = process.env.PDF_WORKERS;

beforeAll(async () => {
  await closeRenderPool();
  process.env.PDF_WORKERS = '2';
  database = await createTestDatabase();
  ({ clerkId } = await loadGoldenScenario(database.db));
  const tariff = await insertTariff(database.db, { code: 'POOL' });
  for (let n = FIRST; n < FIRST + CLIENTS; n++) await insertClient(database.db, n, tariff.id, { name: `Messagerie ${n}` });
  await database.db.execute(sql`
    insert into calls (client_number, service_at, service_date, pickup_address, destination_address, tariff_id, tariff_code,
                       gross_cents, discount_cents, price_cents, status)
    select n, timestamptz '2026-10-07 14:00Z', date '2026-10-07', i || ', rue Ontario, Montréal', n || ', rue Wellington, Verdun',
           ${tariff.id}, 'POOL', 1200 + i, 0, 1200 + i, 'completed'
      from generate_series(${FIRST}::int, ${FIRST + CLIENTS - 1}::int) n, generate_series(1, ${CALLS_PER_CLIENT}::int) i`);
  await generateInvoices(database.db, clerkId, billingInput.parse({ cutoff: '2026-10-31', cycle: 'all' }), '2026-11-01');
  batch = await database.db
    .select({ id: invoices.id, number: invoices.number })
    .from(invoices)
    .where(eq(invoices.status, 'issued'))
    .orderBy(asc(invoices.number));
}, 120_000);

afterAll(async () => {
  await closeRenderPool();
  if (savedWorkers === undefined) delete process.env.PDF_WORKERS;
  else process.env.PDF_WORKERS = savedWorkers;
  await database.drop();
});

/** The pages each invoice of the batch takes, in the order of the batch: its number, "k/n" from "Page k de n" (or "of"). */
async function expectedPages(): Promise<string[]> {
  const expected: string[] = [];
  for (const { number } of batch) {
    const found = await getInvoice(database.db, number);
    const count = invoicePages(found!.invoice, found!.blocks).length;
    for (let page = 1; page <= count; page++) expected.push(`${number} ${page}/${count}`);
  }
  return expected;
}

/** The print batch of `invoices` (every issued invoice unless told), as the clerk downloads it. */
const printBatch = (invoices = batch) =>
  renderPrintBatch(
    database.db,
    clerkId,
    invoices.map((i) => i.id),
  );

const footerOf = (text: string) => {
  const found = /(?:FACTURE|INVOICE) (\d+)\s+Page (\d+) (?:de|of) (\d+)/.exec(text);
  return found ? `${found[1]} ${found[2]}/${found[3]}` : `(no footer) ${text.slice(0, 80)}`;
};

describe('PDFs rendered by a pool of threads', () => {
  test('the threads stopped mid-batch: the download fails with a clear error, nothing is marked printed, and the next batch prints whole', async () => {
    const reader = (await printBatch()).getReader();
    // The file's header, then its first part: the next parts are being rendered ahead of the
    // file, and stopping the threads fails them.
    expect((await reader.read()).done).toBe(false);
    expect((await reader.read()).done).toBe(false);
    await Promise.all(renderPool().threads.map((thread) => thread.terminate()));
    let failure: unknown = null;
    try {
      while (!(await reader.read()).done);
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(PdfRenderError);
    expect(String((failure as Error).message)).toContain('Le document PDF n’a pas pu être produit');
    expect(
      await database.db
        .select()
        .from(invoices)
        .where(sql`printed_at is not null`),
    ).toEqual([]);
    expect(await database.db.select().from(deliveries)).toEqual([]);

    // The pool starts new threads: the same batch prints whole, in order, and is marked printed.
    const pages = await pdfPages(await streamBytes(await printBatch()));
    expect(pages.map((page) => footerOf(page.text))).toEqual(await expectedPages());
    expect(
      await database.db
        .select()
        .from(invoices)
        .where(sql`printed_at is null`),
    ).toEqual([]);
  });

  test('a print batch rendered by two threads at once has its pages in the order of the invoices, each numbered within its invoice', async () => {
    const expected = await expectedPages();
    // Enough parts for both threads to work at once, and more.
    expect(expected.length).toBeGreaterThan(6 * PAGES_PER_PART);
    const pages = await pdfPages(await streamBytes(await printBatch()));
    expect(renderPool().size).toBe(2);
    expect(renderPool().threads).toHaveLength(2);
    expect(pages.map((page) => footerOf(page.text))).toEqual(expected);
    expect(
      await database.db
        .select()
        .from(invoices)
        .where(sql`printed_at is null`),
    ).toEqual([]);
  });

  test('a merged print batch carries one copy of each font: the same pages as one document, at most 1.5× its size', async () => {
    // Enough invoices for a few parts.
    const some = batch.slice(0, 12);
    const merged = await streamBytes(await printBatch(some));
    const company = await requireCompanySettings(database.db);
    const pieces = [];
    for (const { number } of some) {
      const found = (await getInvoice(database.db, number))!;
      const pages = invoicePages(found.invoice, found.blocks);
      pieces.push({ invoice: found.invoice, pages, from: 0, pageCount: pages.length });
    }
    const whole = await renderJob({ kind: 'invoices', title: 'Lot', company, pieces });

    // The font primer page of each part is left out: the pages read the same as the single document's.
    expect((await pdfPages(merged)).map((page) => page.text)).toEqual((await pdfPages(whole)).map((page) => page.text));
    const fonts = (await PDFDocument.load(merged)).context
      .enumerateIndirectObjects()
      .filter(([, object]) => object instanceof PDFDict && object.get(PDFName.of('Type')) === PDFName.of('FontDescriptor'));
    // DejaVu Sans, normal and bold, once each for the whole batch.
    expect(fonts).toHaveLength(2);
    expect((await pdfPages(merged)).length).toBeGreaterThan(3 * PAGES_PER_PART);
    expect(merged.length).toBeLessThanOrEqual(1.5 * whole.length);
  });

  test('a document too large for its thread’s heap fails with a clear error; the thread is replaced and the next document renders', async () => {
    const small = createRenderPool({ size: 1, heapMb: 64 });
    try {
      const company = await requireCompanySettings(database.db);
      const found = (await getInvoice(database.db, batch[0]!.number))!;
      const pages = invoicePages(found.invoice, found.blocks);
      // Hundreds of pages laid out at once need far more than 64 MB.
      const huge = Array.from({ length: 400 }, () => pages[0]!);
      const job = (piece: typeof huge) => ({
        kind: 'invoices' as const,
        title: 'Essai',
        company,
        pieces: [{ invoice: found.invoice, pages: piece, from: 0, pageCount: piece.length }],
      });
      await expect(small.render(job(huge))).rejects.toBeInstanceOf(PdfRenderError);
      const text = (await pdfPages(await small.render(job(pages)))).map((page) => page.text).join(' ');
      expect(text).toContain(`FACTURE ${found.invoice.number} Page 1 de ${pages.length}`);
    } finally {
      await small.close();
    }
  });
});
