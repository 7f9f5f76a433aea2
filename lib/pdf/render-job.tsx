import { Document } from '@react-pdf/renderer';
import type { companySettings, invoices } from '@/db/schema';
import type { Statement } from '@/lib/statements/statement';
import { FontPrimerPage } from './font-primer';
import { InvoicePages, type InvoicePage } from './templates/invoice';
import { renderPdfDocument } from './render-document';
import { StatementDocument } from './templates/statement';

type Company = typeof companySettings.$inferSelect;

/** Pages `from` to `from + pages.length` of an invoice of `pageCount` pages. */
export type InvoicePiece = { invoice: typeof invoices.$inferSelect; pages: InvoicePage[]; from: number; pageCount: number };

/**
 * One PDF document to render, as plain data: what a rendering thread receives (lib/pdf/render-pool.ts).
 * A part of invoices (a few pages of one or several), or one statement of account. A part of a
 * merged file is `isPrimed`: it starts with the page that fixes its fonts (lib/pdf/font-primer.tsx).
 */
export type RenderJob = { isPrimed?: boolean } & (
  | { kind: 'invoices'; title: string; company: Company; pieces: InvoicePiece[] }
  | { kind: 'statement'; company: Company; statement: Statement }
);

/** The bytes of the job's document. */
export async function renderJob(job: RenderJob): Promise<Uint8Array> {
  const bytes = await renderPdfDocument(
    job.kind === 'statement' ? (
      <StatementDocument statement={job.statement} company={job.company} isPrimed={job.isPrimed} />
    ) : (
      <Document title={job.title} author={job.company.name} language="fr-CA">
        {job.isPrimed ? <FontPrimerPage /> : null}
        {job.pieces.map((piece) => (
          <InvoicePages
            key={`${piece.invoice.id}-${piece.from}`}
            invoice={piece.invoice}
            company={job.company}
            pages={piece.pages}
            from={piece.from}
            pageCount={piece.pageCount}
          />
        ))}
      </Document>
    ),
  );
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
