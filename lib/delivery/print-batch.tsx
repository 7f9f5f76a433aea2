/**
 * A print batch: one merged PDF of the selected invoices, streamed to the browser as it is
 * written, each invoice on its own pages with its own page numbers. Invoices are read and
 * rendered a few at a time, so the memory held does not grow with the batch. The invoices are
 * marked printed (who, when) and a delivery is recorded only once the whole file was written
 * out: a failure on the way, or a download cancelled, marks nothing. An invoice voided while
 * the batch was being written (its run reversed) fails the batch: no paper for a void invoice.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import { idArray, inIds } from '@/db/id-list';
import type { Db } from '@/db/index';
import { invoices } from '@/db/schema';
import { getInvoicesWithBlocks } from '@/lib/billing/find-invoices';
import { AppError } from '@/lib/errors';
import { pdfStream } from '@/lib/pdf/pdf-stream';
import { renderInvoicesPdf } from '@/lib/pdf/render-invoices';
import { renderPool, type RenderPool } from '@/lib/pdf/render-pool';
import { requireCompanySettings } from '@/lib/settings/company-settings';

/** Invoice lines read from the database at a time (whole invoices, one at least). */
const LINES_PER_READ = 5_000;

export async function renderPrintBatch(
  db: Db,
  actorId: number,
  invoiceIds: number[],
  pool: RenderPool = renderPool(),
): Promise<ReadableStream<Uint8Array>> {
  const company = await requireCompanySettings(db);
  const ordered = await db
    .select({ id: invoices.id, number: invoices.number, lineCount: invoices.lineCount })
    .from(invoices)
    .where(and(inIds(invoices.id, invoiceIds), eq(invoices.status, 'issued')))
    .orderBy(invoices.number);
  const ids = ordered.map((i) => i.id);

  async function* read() {
    for (let at = 0; at < ordered.length;) {
      let end = at + 1;
      for (let lines = ordered[at]!.lineCount; end < ordered.length && lines + ordered[end]!.lineCount <= LINES_PER_READ; end++)
        lines += ordered[end]!.lineCount;
      yield await getInvoicesWithBlocks(db, ids.slice(at, end));
      at = end;
    }
  }
  const pdf = renderInvoicesPdf(read(), company, `Factures ${ordered[0]?.number ?? ''}–${ordered.at(-1)?.number ?? ''}`, pool);
  return pdfStream(pdf, () => markPrinted(db, actorId, ids, { isWholeBatch: true }));
}

/**
 * Records the print of `invoiceIds`. With `isWholeBatch`, every one of them was printed on the
 * paper just produced: one voided meanwhile fails the whole batch (nothing marked).
 */
export async function markPrinted(db: Db, actorId: number, invoiceIds: number[], options: { isWholeBatch?: boolean } = {}): Promise<void> {
  if (invoiceIds.length === 0) return;
  await db.transaction(async (tx) => {
    // Every issued invoice of the batch gets a print delivery; printed_at keeps the first print.
    const printed = await tx
      .select({ id: invoices.id })
      .from(invoices)
      .where(and(inIds(invoices.id, invoiceIds), eq(invoices.status, 'issued')))
      // In id order, as the reversal of a run and the e-mail queue lock them.
      .orderBy(invoices.id)
      .for('update');
    if (options.isWholeBatch && printed.length < new Set(invoiceIds).size) throw new AppError('delivery.voidedWhilePrinting');
    if (printed.length === 0) return;
    const ids = printed.map((p) => p.id);
    await tx
      .update(invoices)
      .set({ printedAt: sql`now()`, printedBy: actorId })
      .where(and(inIds(invoices.id, ids), isNull(invoices.printedAt)));
    await tx.execute(sql`
      insert into deliveries (invoice_id, channel, status, requested_by, completed_at)
      select id, 'print', 'sent', ${actorId}, now() from unnest(${idArray(ids)}) as id`);
  });
}
