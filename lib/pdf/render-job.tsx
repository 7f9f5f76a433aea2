import { Document } from '@react-pdf/renderer';
import type { companySettings, invoices } from '@/db/schema';
import { FontPrimerPage } from './font-primer';
import { renderPdfDocument } from './render-document';
import { InvoicePages, type InvoicePage } from './templates/invoice';
import { StatementPages, type StatementHead, type StatementPage } from './templates/statement';

type Company = typeof companySettings.$inferSelect;

/** Pages `from` to `from + pages.length` of an invoice of `pageCount` pages. */
export type InvoicePiece = { invoice: typeof invoices.$inferSelect; pages: InvoicePage[]; from: number; pageCount: number };

/** Pages `from` to `from + pages.length` of a statement of account of `pageCount` pages. */
export type StatementPiece = { statement: StatementHead; pages: StatementPage[]; from: number; pageCount: number };

/**
 * One PDF document to render, as plain data: what a rendering thread receives (lib/pdf/render-pool.ts).
 * A part of invoices or of statements of account (a few pages of one or several). A part of a
 * merged file is `isPrimed`: it starts with the page that fixes its fonts (lib/pdf/font-primer.tsx).
 */
export type RenderJob = { isPrimed?: boolean; title: string; company: Company } & (
  { kind: 'invoices'; pieces: InvoicePiece[] } | { kind: 'statements'; pieces: StatementPiece[] }
);

/** The bytes of the job's document. */
export async function renderJob(job: RenderJob): Promise<Uint8Array> {
  const bytes = await renderPdfDocument(
    <Document title={job.title} author={job.company.name} language="fr-CA">
      {job.isPrimed ? <FontPrimerPage /> : null}
      {job.kind === 'invoices'
        ? job.pieces.map((piece) => (
            <InvoicePages
              key={`${piece.invoice.id}-${piece.from}`}
              invoice={piece.invoice}
              company={job.company}
              pages={piece.pages}
              from={piece.from}
              pageCount={piece.pageCount}
            />
          ))
        : job.pieces.map((piece) => (
            <StatementPages
              key={`${piece.statement.client.number}-${piece.from}`}
              statement={piece.statement}
              company={job.company}
              pages={piece.pages}
              from={piece.from}
              pageCount={piece.pageCount}
            />
          ))}
    </Document>,
  );
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
