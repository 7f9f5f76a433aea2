import type { companySettings } from '@/db/schema';
import type { Statement } from '@/lib/statements/statement';
import { renderJoinedPdf } from './joined-pdf';
import type { RenderJob } from './render-job';
import { renderPool, type RenderPool } from './render-pool';

type Company = typeof companySettings.$inferSelect;

/**
 * Statements of account as one PDF, each rendered on its own (its own page numbers) by the
 * rendering threads, several at once, and joined in order as it goes (lib/pdf/joined-pdf.ts):
 * the memory held is a few statements, whatever the batch.
 */
export function renderStatementsPdf(
  source: Iterable<Statement> | AsyncIterable<Statement>,
  company: Company,
  title: string,
  pool: RenderPool = renderPool(),
): AsyncGenerator<Uint8Array> {
  async function* jobs(): AsyncGenerator<RenderJob> {
    for await (const statement of source) yield { kind: 'statement', company, statement };
  }
  return renderJoinedPdf(jobs(), pool, { title, author: company.name });
}

/** One statement's PDF as bytes (an e-mail's attachment). */
export async function renderStatementPdf(statement: Statement, company: Company, pool: RenderPool = renderPool()): Promise<Buffer> {
  const bytes = await pool.render({ kind: 'statement', company, statement });
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
