import type { Executor } from '@/db/index';
import { companySettings } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { invoiceLabel } from '@/lib/pdf/invoice-labels';
import { pdfStream } from '@/lib/pdf/pdf-stream';
import { renderInvoicesPdf, type LoadedInvoice } from '@/lib/pdf/render-invoices';
import { getInvoice } from './find-runs';

/**
 * The PDF of invoice `number` as issued (null when there is no such invoice), as a stream
 * written part by part: a long invoice starts downloading at once (/invoices/[number]/pdf).
 */
export async function invoicePdfStream(db: Executor, number: number): Promise<ReadableStream<Uint8Array> | null> {
  const found = await getInvoice(db, number);
  if (!found) return null;
  const [company] = await db.select().from(companySettings).limit(1);
  if (!company) throw new AppError('billing.noCompanySettings');
  return pdfStream(renderInvoicesPdf([[found]], company, `${invoiceLabel('invoice', 'fr')} ${number}`));
}

/** The PDF of an invoice already loaded with its member blocks (the e-mail worker's path). */
export async function renderLoadedInvoice(found: LoadedInvoice, company: typeof companySettings.$inferSelect | undefined): Promise<Buffer> {
  if (!company) throw new AppError('billing.noCompanySettings');
  const chunks: Uint8Array[] = [];
  for await (const chunk of renderInvoicesPdf([[found]], company, `${invoiceLabel('invoice', 'fr')} ${found.invoice.number}`))
    chunks.push(chunk);
  return Buffer.concat(chunks);
}
