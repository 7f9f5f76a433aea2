/**
 * The accounting export on a real PostgreSQL: a period's invoices, credit notes, payments and
 * returned cheques as journal entries that balance to the cent in every layout; each document
 * exported once (two exports at once included, and a payment recorded while an export is being
 * written), re-exported only on purpose; an invoice voided after its export goes out as its
 * reversal; an export's files never change afterwards.
 */
import { parse } from 'csv-parse/sync';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openPostgres, queryRows, type AppDatabase } from '@/db/index';
import { accountingExports, accountingSettings, auditLog, invoices, users } from '@/db/schema';
import { getAccountMapping, saveAccountMapping } from '@/lib/accounting/account-mapping';
import { findAccountingDocuments } from '@/lib/accounting/accounting-documents';
import { createAccountingExport, type CreatedExport } from '@/lib/accounting/create-export';
import { exportPeriodInput } from '@/lib/accounting/export-input';
import { journalCsv, quickBooksCsv, sage50Text } from '@/lib/accounting/export-layouts';
import { findExportEntries } from '@/lib/accounting/find-exports';
import type { JournalEntry } from '@/lib/accounting/journal-entries';
import { billingInput } from '@/lib/billing/billing-input';
import { createCreditNote, creditNoteInput } from '@/lib/billing/credit-notes';
import { generateInvoices } from '@/lib/billing/generate-invoices';
import { reverseRun } from '@/lib/billing/reverse-run';
import { todayInMontreal } from '@/lib/dates/montreal';
import { decodeWindows1252 } from '@/lib/text/windows-1252';
import { AppError } from '@/lib/errors';
import { createDepositBatch } from '@/lib/receivables/deposit-batches';
import { paymentInput, reversalInput } from '@/lib/receivables/payment-input';
import { recordPayment, reversePayment } from '@/lib/receivables/payments';
import { loadGoldenScenario } from '@/test/support/golden-scenario';
import { refusalCode } from '@/test/support/fixtures';
import { createTestDatabase, type TestDatabase } from '@/test/support/test-database';

const NOVEMBER = { from: '2026-11-01', to: '2026-11-30' };
let database: TestDatabase;
let clerkId: number;
let adminId: number;
let groupedRunId: number;
/** What November's documents add up to, from the tables themselves. */
let novemberDebitCents: number;

const period = (from: string, to: string, isReexport = false) =>
  exportPeriodInput.parse({ from, to, isReexport: isReexport ? 'on' : undefined });

const cents = (text: string) => (text === '' ? 0 : Math.round(Number(text.replace(',', '.')) * 100));

/** The debits and credits of each piece of a general journal CSV, and their sums. */
function journalSums(csv: string) {
  const rows = parse(csv, { bom: true, delimiter: ';', columns: true }) as Record<string, string>[];
  const byPiece = new Map<string, number>();
  let debit = 0;
  let credit = 0;
  for (const row of rows) {
    debit += cents(row['Débit']!);
    credit += cents(row['Crédit']!);
    byPiece.set(row['Pièce']!, (byPiece.get(row['Pièce']!) ?? 0) + cents(row['Débit']!) - cents(row['Crédit']!));
  }
  return { rows, debit, credit, unbalanced: [...byPiece].filter(([, sum]) => sum !== 0) };
}

/** Until another session waits for a lock that session `pid` holds; fails if `operation` ends without ever waiting. */
async function untilBlockedBy(pid: number, operation: Promise<unknown>) {
  let hasEnded = false;
  void operation.then(
    () => (hasEnded = true),
    () => (hasEnded = true),
  );
  const deadline = Date.now() + 30_000;
  for (;;) {
    const [waiting] = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from pg_stat_activity where ${pid}::int = any(pg_blocking_pids(pid))`,
    );
    if (waiting!.n > 0) return;
    if (hasEnded) throw new Error('the operation ended without waiting for the lock');
    if (Date.now() > deadline) throw new Error('the operation never waited for the lock');
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** The export's count and totals are those of the file it gives, which holds `documents`. */
async function expectAsItsFile(created: CreatedExport, documents: string[]) {
  const { entries } = (await findExportEntries(database.db, created.id))!;
  const journal = journalSums(journalOf(entries));
  expect(created).toMatchObject({ documentCount: entries.length, debitCents: journal.debit, creditCents: journal.credit });
  expect(entries.map((entry) => `${entry.document.kind} ${entry.document.date} ${entry.document.totalCents}`)).toEqual(documents);
}

const journalOf = (entries: JournalEntry[]) =>
  journalCsv(
    entries,
    ['Date', 'Pièce', 'Type', 'No client', 'Client', 'Compte', 'Description', 'Débit', 'Crédit'],
    (entry) => entry.document.kind,
  );

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  ({ clerkId } = await loadGoldenScenario(db));
  const [admin] = await db
    .insert(users)
    .values({ email: 'admin@golden.local', name: 'Administratrice', role: 'admin', passwordHash: 'x' })
    .returning();
  adminId = admin!.id;
  await generateInvoices(db, clerkId, billingInput.parse({ cutoff: '2026-10-31', cycle: 'all' }), '2026-11-01');
  groupedRunId = (
    await generateInvoices(db, clerkId, billingInput.parse({ cutoff: '2026-10-31', cycle: 'all', isGrouped: 'on' }), '2026-11-01')
  ).runId!;
  const [first] = await db.select().from(invoices).where(eq(invoices.billedClientNumber, 20001));
  await createCreditNote(
    db,
    clerkId,
    creditNoteInput.parse({ invoiceNumber: String(first!.number), amount: '10', reason: 'Retard' }),
    '2026-11-05',
  );
  const pay = (values: Record<string, string>) => paymentInput('2026-11-29').parse({ method: 'cheque', allocation: 'auto', ...values });
  await recordPayment(db, clerkId, pay({ clientNumber: '20002', amount: '20', receivedOn: '2026-11-20', reference: '=SUM(A1)' }));
  const returned = await recordPayment(db, clerkId, pay({ clientNumber: '20001', amount: '5', receivedOn: '2026-11-21' }));
  await reversePayment(
    db,
    clerkId,
    reversalInput('2026-11-29').parse({ number: String(returned.number), reversedOn: '2026-11-25', reason: 'NSF' }),
  );
  // A cheque waiting in a deposit batch not posted is not in the books yet.
  const batch = await createDepositBatch(db, clerkId, { depositDate: '2026-11-28', announcedCents: 700, reference: null });
  await recordPayment(db, clerkId, pay({ clientNumber: '20002', amount: '7', receivedOn: '2026-11-28', batchId: String(batch.id) }));

  const [sums] = await queryRows<{ debit: string }>(
    database.db,
    sql`
    select (select sum(total_cents) from invoices where issue_date between '2026-11-01' and '2026-11-30')
         + (select sum(total_cents) from credit_notes)
         + (select sum(amount_cents) from payments where status <> 'pending')
         + (select sum(amount_cents) from payments where status = 'reversed') as debit`,
  );
  novemberDebitCents = Number(sums!.debit);
});

afterAll(async () => {
  await database.drop();
});

describe('a period exported to the books', () => {
  let exportId: number;

  test('November: every invoice, the credit note, the payments and the returned cheque, balanced to the cent in each layout', async () => {
    const created = await createAccountingExport(database.db, clerkId, period(NOVEMBER.from, NOVEMBER.to));
    exportId = created.id;
    const invoiceCount = (await database.db.select().from(invoices)).length;
    // invoices + credit note + two posted payments + one reversal; not the pending cheque.
    expect(created.documentCount).toBe(invoiceCount + 1 + 2 + 1);
    expect(created).toMatchObject({ debitCents: novemberDebitCents, creditCents: novemberDebitCents });

    const { entries } = (await findExportEntries(database.db, exportId))!;
    const journal = journalSums(journalOf(entries));
    expect(journal.unbalanced).toEqual([]);
    expect([journal.debit, journal.credit]).toEqual([novemberDebitCents, novemberDebitCents]);
    const invoiceLines = journal.rows.filter((row) => row['Type'] === 'invoice');
    expect(invoiceLines.filter((row) => row['Compte'] === '1200').every((row) => row['Débit'] !== '' && row['Crédit'] === '')).toBe(true);
    // A reference typed as a formula never runs in a spreadsheet.
    expect(journal.rows.find((row) => row['Type'] === 'payment' && row['Description']!.includes('SUM'))!['Description']).toContain(
      '(=SUM(A1))',
    );
    expect(journalOf(entries)).not.toMatch(/;=SUM/);

    const quickBooks = parse(quickBooksCsv(entries), { bom: true, columns: true }) as Record<string, string>[];
    expect(Object.keys(quickBooks[0]!)).toEqual(['JournalNo', 'JournalDate', 'AccountName', 'Debits', 'Credits', 'Description', 'Name']);
    const byJournal = new Map<string, number>();
    for (const row of quickBooks)
      byJournal.set(row['JournalNo']!, (byJournal.get(row['JournalNo']!) ?? 0) + cents(row['Debits']!) - cents(row['Credits']!));
    expect([...byJournal].filter(([, sum]) => sum !== 0)).toEqual([]);
    expect(quickBooks.reduce((sum, row) => sum + cents(row['Debits']!), 0)).toBe(novemberDebitCents);
    expect(quickBooks[0]!['JournalDate']).toBe('11/01/2026');
    expect(quickBooks.filter((row) => row['AccountName'] === '1200').every((row) => row['Name'] !== '')).toBe(true);

    const sage = decodeWindows1252(sage50Text(entries)).split('\r\n').filter(Boolean);
    let balance = 0;
    let pieces = 0;
    let debits = 0;
    for (const line of sage) {
      const header = /^(\d{2})-(\d{2})-(\d{2}),"([^"]{1,13})","([^"]{0,39})"$/.exec(line);
      if (header) {
        expect(balance, line).toBe(0);
        pieces++;
        continue;
      }
      const detail = /^([^,]+),(-?\d+\.\d{2})$/.exec(line);
      expect(detail, line).not.toBeNull();
      const amount = cents(detail![2]!);
      balance += amount;
      if (amount > 0) debits += amount;
    }
    expect(balance).toBe(0);
    expect(pieces).toBe(entries.length);
    expect(debits).toBe(novemberDebitCents);
    expect(sage.join('\n')).toContain('Côté');
  });

  test('a document goes out once: November again finds nothing; a re-export takes it all again, on purpose', async () => {
    const again = await createAccountingExport(database.db, clerkId, period(NOVEMBER.from, NOVEMBER.to)).catch((error: unknown) => error);
    expect(again).toEqual(new AppError('accounting.nothingToExport', NOVEMBER));
    const reexport = await createAccountingExport(database.db, clerkId, period(NOVEMBER.from, NOVEMBER.to, true));
    expect(reexport).toMatchObject({ debitCents: novemberDebitCents });
    const [row] = await database.db.select().from(accountingExports).where(eq(accountingExports.id, reexport.id));
    expect(row!.isReexport).toBe(true);
    // Still nothing waiting for an export of its own.
    expect(await findAccountingDocuments(database.db, { period: NOVEMBER, isReexport: false })).toEqual([]);
  });

  test('a run reversed after its export: its invoices go out voided, on the day they were voided, reversing their entries', async () => {
    const grouped = await database.db.select().from(invoices).where(eq(invoices.billingRunId, groupedRunId));
    await reverseRun(database.db, clerkId, groupedRunId);
    const today = todayInMontreal();
    const created = await createAccountingExport(database.db, clerkId, period(today, today));
    const { entries } = (await findExportEntries(database.db, created.id))!;
    expect(entries.map((entry) => [entry.document.kind, entry.document.number, entry.document.date])).toEqual(
      grouped.map((invoice) => ['invoice_void', invoice.number, today]),
    );
    const total = grouped.reduce((sum, invoice) => sum + invoice.totalCents, 0);
    expect(created).toMatchObject({ debitCents: total, creditCents: total });
    expect(entries[0]!.lines.at(-1)).toMatchObject({ account: '1200', creditCents: grouped[0]!.totalCents });
  });

  test('two exports at once: each new document goes into one of them only', async () => {
    const [first] = await database.db.select().from(invoices).where(eq(invoices.billedClientNumber, 20002));
    await createCreditNote(
      database.db,
      clerkId,
      creditNoteInput.parse({ invoiceNumber: String(first!.number), amount: '1', reason: 'Geste' }),
      '2026-11-10',
    );
    const second: AppDatabase = openPostgres(database.url, { max: 2 });
    try {
      const outcomes = await Promise.all(
        [database.db, second.db].map((db) =>
          createAccountingExport(db, clerkId, period(NOVEMBER.from, NOVEMBER.to)).then(
            (created) => created.documentCount,
            (error: unknown) => (error instanceof AppError ? error.code : String(error)),
          ),
        ),
      );
      expect(outcomes.sort()).toEqual([1, 'accounting.nothingToExport']);
    } finally {
      await second.close();
    }
  });

  test('a payment recorded while an export is being written is in its file, count and totals, or in none of them and waits for the next export', async () => {
    const pay = (amount: string, receivedOn: string) =>
      paymentInput('2026-11-29').parse({ method: 'cheque', allocation: 'auto', clientNumber: '20002', amount, receivedOn });
    await recordPayment(database.db, clerkId, pay('3', '2026-11-26'));

    // Another clerk's transaction holds the exporting clerk's row (FOR UPDATE; the export's own
    // row reads it as its foreign key): the export, its documents read, waits at its first write.
    // The other clerk records a payment meanwhile and commits, which lets the export go on.
    const other: AppDatabase = openPostgres(database.url, { max: 1 });
    let exporting!: Promise<CreatedExport>;
    try {
      await other.db.transaction(async (tx) => {
        const [holder] = await queryRows<{ pid: number }>(
          tx,
          sql`select pg_backend_pid() as pid from users where id = ${clerkId} for update`,
        );
        exporting = createAccountingExport(database.db, clerkId, period(NOVEMBER.from, NOVEMBER.to));
        await untilBlockedBy(holder!.pid, exporting);
        await recordPayment(tx, clerkId, pay('4', '2026-11-27'));
      });
    } finally {
      await other.close();
    }
    await expectAsItsFile(await exporting, ['payment 2026-11-26 300']);
    await expectAsItsFile(await createAccountingExport(database.db, clerkId, period(NOVEMBER.from, NOVEMBER.to)), [
      'payment 2026-11-27 400',
    ]);
  });

  test('an export reads the same after the accounts change; the change is audited; the database keeps exports as written', async () => {
    const before = journalOf((await findExportEntries(database.db, exportId))!.entries);
    await saveAccountMapping(database.db, adminId, {
      ...(await getAccountMapping(database.db)),
      receivablesAccount: 'Comptes clients — répartition',
    });
    expect(journalOf((await findExportEntries(database.db, exportId))!.entries)).toBe(before);
    const audit = await database.db.select().from(auditLog).where(eq(auditLog.field, 'receivables_account'));
    expect(audit).toMatchObject([{ entity: 'settings', oldValue: '1200', newValue: 'Comptes clients — répartition', userId: adminId }]);

    expect(await refusalCode(database.db.execute(sql`update accounting_exports set debit_cents = 0 where id = ${exportId}`))).toBe('RA001');
    expect(await refusalCode(database.db.execute(sql`delete from accounting_exported_documents where export_id = ${exportId}`))).toBe(
      'RA001',
    );
    expect(await refusalCode(database.db.execute(sql`update accounting_settings set bank_account = 'Banque "Desjardins"'`))).toBe('23514');
    expect(await refusalCode(database.db.update(accountingSettings).set({ salesAccount: ' 4020' }))).toBe('23514');
  });

  test('bad periods are refused with what to fix', () => {
    const reversed = exportPeriodInput.safeParse({ from: '2026-11-30', to: '2026-11-01' });
    expect(reversed.error?.issues).toMatchObject([{ path: ['to'], message: 'accounting.periodOrder' }]);
    expect(exportPeriodInput.safeParse({ from: '2026-02-30', to: '2026-03-01' }).success).toBe(false);
  });
});
