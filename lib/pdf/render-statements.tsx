import type { companySettings } from '@/db/schema';
import type { Statement } from '@/lib/statements/statement';
import { mergePdfParts } from './merge-pdf';
import { renderPdfDocument } from './render-document';
import { StatementDocument } from './statement-document';

type Company = typeof companySettings.$inferSelect;

/**
 * Statements of account as one PDF, each rendered on its own (its own page numbers) and joined
 * as it goes (lib/pdf/merge-pdf.ts): the memory held is one statement, whatever the batch.
 */
export async function* renderStatementsPdf(
  source: Iterable<Statement> | AsyncIterable<Statement>,
  company: Company,
  title: string,
): AsyncGenerator<Uint8Array> {
  const parts = renderParts(source, company);
  const first = await parts.next();
  if (first.done) return;
  const second = await parts.next();
  // One statement: react-pdf's own output, as is.
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

async function* renderParts(source: Iterable<Statement> | AsyncIterable<Statement>, company: Company): AsyncGenerator<Uint8Array, void> {
  for await (const statement of source) {
    const part = await renderPdfDocument(<StatementDocument statement={statement} company={company} />);
    yield new Uint8Array(part.buffer, part.byteOffset, part.byteLength);
  }
}

/** One statement's PDF as bytes (an e-mail's attachment). */
export async function renderStatementPdf(statement: Statement, company: Company): Promise<Buffer> {
  const part = await renderPdfDocument(<StatementDocument statement={statement} company={company} />);
  return part;
}
