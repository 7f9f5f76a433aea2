/** The accounting exports written so far, and what is still waiting to go to the books. */
import { desc, eq, sql } from 'drizzle-orm';
import { queryRows, type Executor } from '@/db/index';
import { accountingExports, users } from '@/db/schema';
import type { AccountMapping } from './account-mapping';
import { accountingDocumentsQuery, findAccountingDocuments } from './accounting-documents';
import { journalEntriesOf, type JournalEntry } from './journal-entries';

export function listAccountingExports(db: Executor, limit = 100) {
  return db
    .select({
      id: accountingExports.id,
      periodFrom: accountingExports.periodFrom,
      periodTo: accountingExports.periodTo,
      isReexport: accountingExports.isReexport,
      documentCount: accountingExports.documentCount,
      debitCents: accountingExports.debitCents,
      createdAt: accountingExports.createdAt,
      createdBy: users.name,
    })
    .from(accountingExports)
    .innerJoin(users, eq(users.id, accountingExports.createdBy))
    .orderBy(desc(accountingExports.id))
    .limit(limit);
}

/** The documents not exported yet, of any date: how many, and from which day to which. */
export async function documentsWaitingForExport(db: Executor): Promise<{ count: number; from: string | null; to: string | null }> {
  const [row] = await queryRows<{ count: number; first: string | null; last: string | null }>(
    db,
    sql`select count(*)::int as count, min(d.date) as first, max(d.date) as last
          from (${accountingDocumentsQuery({ period: { from: '1900-01-01', to: '2999-12-31' }, isReexport: false })}) d`,
  );
  return { count: Number(row!.count), from: row!.first, to: row!.last };
}

/** An export's journal entries, with the account mapping it was written with; null when there is no such export. */
export async function findExportEntries(
  db: Executor,
  exportId: number,
): Promise<{ export: typeof accountingExports.$inferSelect; entries: JournalEntry[] } | null> {
  const [found] = await db.select().from(accountingExports).where(eq(accountingExports.id, exportId));
  if (!found) return null;
  const documents = await findAccountingDocuments(db, { exportId });
  return { export: found, entries: journalEntriesOf(documents, found.accounts as AccountMapping) };
}
