import type { ReactElement } from 'react';
import { Document } from '@react-pdf/renderer';
import type { companySettings, invoices } from '@/db/schema';
import { InvoicePages, invoicePages } from './invoice-document';
import type { InvoiceMemberBlock } from '@/lib/billing/find-invoices';
import { mergePdfParts } from './merge-pdf';
import { renderPdfDocument } from './render-document';

type Company = typeof companySettings.$inferSelect;
export type LoadedInvoice = { invoice: typeof invoices.$inferSelect; blocks: InvoiceMemberBlock[] };

/**
 * Pages per part. react-pdf holds a document's whole layout in memory (about 2.5 MB a page)
 * and its time per page grows with the document, so long invoices and print batches are
 * rendered in parts of this many pages and joined (lib/pdf/merge-pdf.ts).
 */
export const PAGES_PER_PART = 10;

/** Invoices as one PDF, produced part by part: the bytes of the file, in order. */
export async function* renderInvoicesPdf(
  source: Iterable<LoadedInvoice[]> | AsyncIterable<LoadedInvoice[]>,
  company: Company,
  title: string,
): AsyncGenerator<Uint8Array> {
  const parts = renderParts(source, company, title);
  const first = await parts.next();
  if (first.done) return;
  const second = await parts.next();
  // A document of one part is react-pdf's own output, as is.
  if (second.done) {
    yield first.value;
    return;
  }
  async function* all() {
    yield first.value!;
    yield second.value!;
    yield* parts;
  }
  yield* mergePdfParts(all(), { title, author: company.name });
}

async function* renderParts(
  source: Iterable<LoadedInvoice[]> | AsyncIterable<LoadedInvoice[]>,
  company: Company,
  title: string,
): AsyncGenerator<Uint8Array, void> {
  let pending: ReactElement[] = [];
  let pendingPages = 0;
  const render = async () => {
    const part = await renderPdfDocument(
      <Document title={title} author={company.name} language="fr-CA">
        {pending}
      </Document>,
    );
    pending = [];
    pendingPages = 0;
    return new Uint8Array(part.buffer, part.byteOffset, part.byteLength);
  };
  for await (const loaded of source) {
    for (const { invoice, blocks } of loaded) {
      const pages = invoicePages(invoice, blocks);
      for (let from = 0; from < pages.length;) {
        const to = Math.min(pages.length, from + PAGES_PER_PART - pendingPages);
        pending.push(<InvoicePages key={`${invoice.id}-${from}`} invoice={invoice} company={company} pages={pages} from={from} to={to} />);
        pendingPages += to - from;
        from = to;
        if (pendingPages >= PAGES_PER_PART) yield await render();
      }
    }
  }
  if (pending.length > 0) yield await render();
}
