/**
 * An export of a period's documents to the books (docs/business-rules.md, Accounting export):
 * recorded with the documents it holds and the account mapping of the day, so that its files
 * can be downloaded again, in any layout, and read the same. A document goes into one export
 * unless a re-export takes it again on purpose; two exports at once wait for each other (an
 * advisory lock), so that neither takes a document the other took.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '@/db/index';
import { accountingExports } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { getAccountMapping } from './account-mapping';
import { accountingDocumentsQuery, findAccountingDocuments } from './accounting-documents';
import type { ExportPeriodInput } from './export-input';
import { journalEntriesOf, journalTotals } from './journal-entries';

const ACCOUNTING_EXPORT_LOCK = 72_420_010;

export type CreatedExport = { id: number; documentCount: number; debitCents: number; creditCents: number };

export async function createAccountingExport(db: Db, actorId: number, input: ExportPeriodInput): Promise<CreatedExport> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${ACCOUNTING_EXPORT_LOCK})`);
    const selection = { period: { from: input.from, to: input.to }, isReexport: input.isReexport };
    const documents = await findAccountingDocuments(tx, selection);
    if (documents.length === 0)
      throw new AppError(input.isReexport ? 'accounting.nothingInPeriod' : 'accounting.nothingToExport', {
        from: input.from,
        to: input.to,
      });
    const accounts = await getAccountMapping(tx);
    const totals = journalTotals(journalEntriesOf(documents, accounts));
    const [created] = await tx
      .insert(accountingExports)
      .values({
        periodFrom: input.from,
        periodTo: input.to,
        isReexport: input.isReexport,
        documentCount: documents.length,
        accounts,
        debitCents: totals.debitCents,
        creditCents: totals.creditCents,
        createdBy: actorId,
      })
      .returning({ id: accountingExports.id });
    // The same selection, written by the database itself (set-based, whatever the period's size).
    await tx.execute(sql`
      insert into accounting_exported_documents (export_id, kind, document_id)
      select ${created!.id}, d.kind, d.document_id from (${accountingDocumentsQuery(selection)}) d`);
    return { id: created!.id, documentCount: documents.length, ...totals };
  });
}
