/**
 * A print batch: one merged PDF of the selected invoices, streamed to the browser as it is
 * written, each invoice on its own pages with its own page numbers. Invoices are read and
 * rendered a few at a time, so the memory held does not grow with the batch. The invoices are
 * marked printed (who, when) and a delivery is recorded only once the whole file was produced:
 * a failure on the way, or a download cancelled, marks nothing.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import { idArray, inIds } from '@/db/id-list';
import type { Db } from '@/db/index';
import { companySettings, invoices } from '@/db/schema';
import { getInvoicesWithBlocks } from '@/lib/billing/find-runs';
import { AppError } from '@/lib/errors';
import { renderInvoicesPdf } from '@/lib/pdf/render-invoices';

/** Invoices read from the database at a time. */
const INVOICES_PER_READ = 100;

export async function renderPrintBatch(db: Db, actorId: number, invoiceIds: number[]): Promise<ReadableStream<Uint8Array>> {
  const [company] = await db.select().from(companySettings).limit(1);
  if (!company) throw new AppError('invoice.noCompanySettings');
  const ordered = await db
    .select({ id: invoices.id, number: invoices.number })
    .from(invoices)
    .where(inIds(invoices.id, invoiceIds))
    .orderBy(invoices.number);
  const ids = ordered.map((i) => i.id);

  async function* read() {
    for (let at = 0; at < ids.length; at += INVOICES_PER_READ) yield await getInvoicesWithBlocks(db, ids.slice(at, at + INVOICES_PER_READ));
  }
  const pdf = renderInvoicesPdf(read(), company, `Factures ${ordered[0]?.number ?? ''}–${ordered.at(-1)?.number ?? ''}`);
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await pdf.next();
        if (!next.done) return controller.enqueue(next.value);
        await markPrinted(db, actorId, ids);
        controller.close();
      } catch (error) {
        console.error('[print] batch failed', error);
        controller.error(error);
      }
    },
    async cancel() {
      await pdf.return(undefined);
    },
  });
}

export async function markPrinted(db: Db, actorId: number, invoiceIds: number[]): Promise<void> {
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
