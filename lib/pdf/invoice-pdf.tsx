import type { Executor } from '@/db/index';
import { documentTranslator } from '@/lib/i18n/document-words';
import { pdfStream } from './pdf-stream';
import { renderInvoicesPdf, type LoadedInvoice } from './render-invoices';
import { getInvoice } from '@/lib/billing/find-invoices';
import { ensureCompanySettings, requireCompanySettings, type CompanySettings } from '@/lib/settings/company-settings';

/** A PDF's title (its properties), in French as the documents are. */
const invoiceTitle = (number: number) => documentTranslator('fr')('titles.invoice', { number: String(number) });

/**
 * The PDF of invoice `number` as issued (null when there is no such invoice), as a stream
 * written part by part: a long invoice starts downloading at once (/invoices/[number]/pdf).
 */
export async function invoicePdfStream(db: Executor, number: number): Promise<ReadableStream<Uint8Array> | null> {
  const found = await getInvoice(db, number);
  if (!found) return null;
  const company = await requireCompanySettings(db);
  return pdfStream(renderInvoicesPdf([[found]], company, invoiceTitle(number)));
}

/** The PDF of an invoice already loaded with its member blocks (the e-mail worker's path). */
export async function renderLoadedInvoice(found: LoadedInvoice, settings: CompanySettings | null): Promise<Buffer> {
  const company = ensureCompanySettings(settings);
  const chunks: Uint8Array[] = [];
  for await (const chunk of renderInvoicesPdf([[found]], company, invoiceTitle(found.invoice.number))) chunks.push(chunk);
  return Buffer.concat(chunks);
}
