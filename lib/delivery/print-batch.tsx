/**
 * A print batch: one merged PDF of the selected invoices, streamed to the browser as it is
 * written, each invoice on its own pages with its own page numbers. The invoices are marked
 * printed (who, when) and a delivery is recorded only once the whole file was produced: a
 * failure on the way marks nothing.
 */
import { Readable } from 'node:stream';
import { Document, renderToStream } from '@react-pdf/renderer';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '@/db/index';
import { companySettings, deliveries, invoices } from '@/db/schema';
import { InvoicePages } from '@/components/pdf/invoice-document';
import { getInvoicesWithBlocks } from '@/lib/billing/find-runs';
import { AppError } from '@/lib/errors';
import { registerPdfFonts } from '@/lib/pdf/fonts';

export async function renderPrintBatch(db: Db, actorId: number, invoiceIds: number[]): Promise<ReadableStream<Uint8Array>> {
  const [company] = await db.select().from(companySettings).limit(1);
  if (!company) throw new AppError('invoice.noCompanySettings');
  const found = await getInvoicesWithBlocks(db, invoiceIds);
  registerPdfFonts();
  const pdf = await renderToStream(
    <Document title={`Factures ${found[0]?.invoice.number ?? ''}–${found.at(-1)?.invoice.number ?? ''}`} author={company.name} language="fr-CA">
      {found.map(({ invoice, blocks }) => (
        <InvoicePages key={invoice.id} invoice={invoice} blocks={blocks} company={company} />
      ))}
    </Document>,
  );
  const ids = found.map((f) => f.invoice.id);
  const node = pdf as unknown as Readable;
  node.once('end', () => {
    void markPrinted(db, actorId, ids).catch((error: unknown) => console.error('[print] marking printed failed', error));
  });
  return Readable.toWeb(node) as unknown as ReadableStream<Uint8Array>;
}

export async function markPrinted(db: Db, actorId: number, invoiceIds: number[]): Promise<void> {
  if (invoiceIds.length === 0) return;
  await db.transaction(async (tx) => {
    // Every issued invoice of the batch gets a print delivery; printed_at keeps the first print.
    const printed = await tx
      .select({ id: invoices.id })
      .from(invoices)
      .where(and(inArray(invoices.id, invoiceIds), eq(invoices.status, 'issued')))
      .for('update');
    if (printed.length === 0) return;
    const ids = printed.map((p) => p.id);
    await tx.update(invoices).set({ printedAt: sql`now()`, printedBy: actorId }).where(and(inArray(invoices.id, ids), isNull(invoices.printedAt)));
    await tx.insert(deliveries).values(ids.map((invoiceId) => ({ invoiceId, channel: 'print' as const, status: 'sent' as const, requestedBy: actorId, completedAt: new Date() })));
  });
}
