import type { companySettings } from '@/db/schema';
import type { Statement } from '@/lib/statements/statement';
import { renderJoinedPdf } from './joined-pdf';
import { PAGES_PER_PART } from './render-invoices';
import type { RenderJob, StatementPiece } from './render-job';
import { renderPool, type RenderPool } from './render-pool';
import { statementHead, statementPages, statementTitle } from './templates/statement';
import { loadTextMeasure } from './templates/text-measure';

type Company = typeof companySettings.$inferSelect;

/**
 * Statements of account as one PDF, each numbered on its own pages, produced part by part by
 * the rendering threads (PAGES_PER_PART pages a part, as invoices) and joined in order as it goes
 * (lib/pdf/joined-pdf.ts): the memory held is a few parts, whatever the batch. The statements
 * are taken as they come: read them a batch at a time (lib/statements/statement.ts, readStatements).
 */
export function renderStatementsPdf(
  source: Iterable<Statement> | AsyncIterable<Statement>,
  company: Company,
  title: string,
  pool: RenderPool = renderPool(),
): AsyncGenerator<Uint8Array> {
  return renderJoinedPdf(partJobs(source, company, title), pool, { title, author: company.name });
}

/** One statement's PDF as bytes (an e-mail's attachment). */
export async function renderStatementPdf(statement: Statement, company: Company, pool: RenderPool = renderPool()): Promise<Buffer> {
  const pages = statementPages(statement, company, await loadTextMeasure());
  const bytes = await pool.render({
    kind: 'statements',
    title: statementTitle(statement),
    company,
    pieces: [{ statement: statementHead(statement), pages, from: 0, pageCount: pages.length }],
  });
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** The statements cut into parts of PAGES_PER_PART pages, each a job for a rendering thread. */
async function* partJobs(
  source: Iterable<Statement> | AsyncIterable<Statement>,
  company: Company,
  title: string,
): AsyncGenerator<RenderJob, void> {
  const measure = await loadTextMeasure();
  let pieces: StatementPiece[] = [];
  let pendingPages = 0;
  for await (const statement of source) {
    const pages = statementPages(statement, company, measure);
    const head = statementHead(statement);
    for (let from = 0; from < pages.length;) {
      const to = Math.min(pages.length, from + PAGES_PER_PART - pendingPages);
      pieces.push({ statement: head, pages: pages.slice(from, to), from, pageCount: pages.length });
      pendingPages += to - from;
      from = to;
      if (pendingPages >= PAGES_PER_PART) {
        yield { kind: 'statements', title, company, pieces };
        pieces = [];
        pendingPages = 0;
      }
    }
  }
  if (pieces.length > 0) yield { kind: 'statements', title, company, pieces };
}
