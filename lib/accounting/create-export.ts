/**
 * An export of a period's documents to the books (docs/business-rules.md, Accounting export):
 * recorded with the documents it holds and the account mapping of the day, so that its files
 * can be downloaded again, in any layout, and read the same. A document goes into one export
 * unless a re-export takes it again on purpose; two exports at once wait for each other (an
 * advisory lock), so that neither takes a document the other took.
 */
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/db/index';
import { AppError } from '@/lib/errors';
import { getAccountMapping } from './account-mapping';
import { accountingDocumentsQuery } from './accounting-documents';
import type { ExportPeriodInput } from './export-input';

const ACCOUNTING_EXPORT_LOCK = 72_420_010;

export type CreatedExport = { id: number; documentCount: number; debitCents: number; creditCents: number };

export async function createAccountingExport(db: Db, actorId: number, input: ExportPeriodInput): Promise<CreatedExport> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${ACCOUNTING_EXPORT_LOCK})`);
    const selection = { period: { from: input.from, to: input.to }, isReexport: input.isReexport };
    const accounts = await getAccountMapping(tx);
    // The documents are read, counted, totalled and marked in one statement, so by one snapshot:
    // under READ COMMITTED two statements would each see what was committed before them, and a
    // document committed in between would be in the file but not in the count and totals. Every
    // journal entry debits and credits its document's total (journal-entries.ts), hence the sums.
    const [created] = await queryRows<{ id: string; document_count: number; debit_cents: string; credit_cents: string }>(
      tx,
      sql`
      with documents as materialized (${accountingDocumentsQuery(selection)}),
      created as (
        insert into accounting_exports (period_from, period_to, is_reexport, document_count, accounts, debit_cents, credit_cents, created_by)
        select ${input.from}::date, ${input.to}::date, ${input.isReexport}, count(*), ${JSON.stringify(accounts)}::jsonb,
               sum(d.total_cents), sum(d.total_cents), ${actorId}
          from documents d
        having count(*) > 0
        returning id, document_count, debit_cents, credit_cents
      ),
      marked as (
        insert into accounting_exported_documents (export_id, kind, document_id)
        select created.id, d.kind, d.document_id from documents d cross join created
      )
      select id, document_count, debit_cents, credit_cents from created`,
    );
    if (!created)
      throw new AppError(input.isReexport ? 'accounting.nothingInPeriod' : 'accounting.nothingToExport', {
        from: input.from,
        to: input.to,
      });
    return {
      id: Number(created.id),
      documentCount: Number(created.document_count),
      debitCents: Number(created.debit_cents),
      creditCents: Number(created.credit_cents),
    };
  });
}
