import type { companySettings, invoices } from '@/db/schema';
import type { InvoiceMemberBlock } from '@/lib/billing/find-invoices';
import { invoicePages, type InvoicePage } from './templates/invoice';
import { renderJoinedPdf } from './joined-pdf';
import type { InvoicePiece, RenderJob } from './render-job';
import { renderPool, type RenderPool } from './render-pool';

type Company = typeof companySettings.$inferSelect;
export type LoadedInvoice = { invoice: typeof invoices.$inferSelect; blocks: InvoiceMemberBlock[] };

/**
 * Pages per part. react-pdf holds a document's whole layout in memory (about 2.5 MB a page)
 * and its time per page grows with the document, so long invoices and print batches are
 * rendered in parts of this many pages and joined (lib/pdf/merge-pdf.ts).
 */
export const PAGES_PER_PART = 10;

/**
 * Invoices as one PDF, produced part by part by the threads of `pool` and joined in the order
 * of the invoices (lib/pdf/joined-pdf.ts): the bytes of the file, in order.
 */
export function renderInvoicesPdf(
  source: Iterable<LoadedInvoice[]> | AsyncIterable<LoadedInvoice[]>,
  company: Company,
  title: string,
  pool: RenderPool = renderPool(),
): AsyncGenerator<Uint8Array> {
  return renderJoinedPdf(partJobs(source, company, title), pool, { title, author: company.name });
}

/** The invoices cut into parts of PAGES_PER_PART pages, each a job for a rendering thread. */
async function* partJobs(
  source: Iterable<LoadedInvoice[]> | AsyncIterable<LoadedInvoice[]>,
  company: Company,
  title: string,
): AsyncGenerator<RenderJob, void> {
  let pieces: InvoicePiece[] = [];
  let pendingPages = 0;
  for await (const loaded of source) {
    for (const { invoice, blocks } of loaded) {
      const pages = withoutBlockLines(invoicePages(invoice, blocks));
      for (let from = 0; from < pages.length;) {
        const to = Math.min(pages.length, from + PAGES_PER_PART - pendingPages);
        pieces.push({ invoice, pages: pages.slice(from, to), from, pageCount: pages.length });
        pendingPages += to - from;
        from = to;
        if (pendingPages >= PAGES_PER_PART) {
          yield { kind: 'invoices', title, company, pieces };
          pieces = [];
          pendingPages = 0;
        }
      }
    }
  }
  if (pieces.length > 0) yield { kind: 'invoices', title, company, pieces };
}

/**
 * A member's title and subtotal rows print its number, name and subtotal: its lines, already
 * rows of their own, are not copied to the thread with every part the member appears on.
 */
function withoutBlockLines(pages: InvoicePage[]): InvoicePage[] {
  const slim = new Map<InvoiceMemberBlock, InvoiceMemberBlock>();
  const slimOf = (block: InvoiceMemberBlock) => {
    let found = slim.get(block);
    if (!found) slim.set(block, (found = { ...block, lines: [], referenceGroups: null }));
    return found;
  };
  return pages.map((rows) =>
    rows.map((row) => (row.kind === 'block' || row.kind === 'subtotal' ? { ...row, block: slimOf(row.block) } : row)),
  );
}
