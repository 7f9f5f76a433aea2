/**
 * Text stored before the forms and the import refused line breaks in names and references (or
 * written by hand in the database), in every file the application exports: each layout writes it
 * through its one rule, so that no name, reference or note ever ends a line or a field of its own —
 * the CSV layouts quote it (a spreadsheet shows it as stored), Sage 50 puts it on one line.
 */
import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { queryRows } from '@/db/index';
import { createAccountingExport } from '@/lib/accounting/create-export';
import { exportPeriodInput } from '@/lib/accounting/export-input';
import { journalCsv, quickBooksCsv, sage50Text } from '@/lib/accounting/export-layouts';
import { findExportEntries } from '@/lib/accounting/find-exports';
import type { JournalEntry } from '@/lib/accounting/journal-entries';
import { billingListCsv } from '@/lib/billing/billing-csv';
import { billingInput } from '@/lib/billing/billing-input';
import { generateInvoices } from '@/lib/billing/generate-invoices';
import { previewBilling } from '@/lib/billing/preview-billing';
import { exportCallsCsv, exportClientsCsv, exportTariffsCsv } from '@/lib/import/export-files';
import { agingAsOf, memberAgingAsOf } from '@/lib/receivables/aging';
import { agingCsv } from '@/lib/receivables/aging-csv';
import { paymentInput } from '@/lib/receivables/payment-input';
import { recordPayment } from '@/lib/receivables/payments';
import { decodeWindows1252 } from '@/lib/text/windows-1252';
import { insertCall, insertClient, insertCompanySettings, insertTariff, insertUser } from '@/test/support/fixtures';
import { createTestDatabase, type TestDatabase } from '@/test/support/test-database';

/** A client on its own, a head and its member, each named to forge a line of some layout. */
const NAMES = {
  61001: 'A\r\n1060,-9999\r\nZed',
  61002: 'Siège "Nord", 1060\n-9999;X',
  61003: '=HYPERLINK("http://exemple.test")\rZ',
} as const;
const REFERENCE = 'CHQ\r\n1060,-9999';
const NOTE = 'Porte arrière\r\nSonner deux fois\n=cmd';

let database: TestDatabase;
let clerkId: number;
let entries: JournalEntry[];

/** What a spreadsheet shows of a stored text: the text itself, after the quote that keeps a formula from running. */
const shown = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);
const rowsOf = (csv: string, delimiter = ';') => parse(csv, { bom: true, delimiter }) as string[][];
async function textOf(parts: AsyncIterable<string>): Promise<string> {
  let text = '';
  for await (const part of parts) text += part;
  return text;
}

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  await insertCompanySettings(db);
  clerkId = await insertUser(db, 'commis@test.local');
  const tariff = await insertTariff(db, { name: 'Standard\r\n1060,-9999' });
  await insertClient(db, 61001, tariff.id, {
    name: NAMES[61001],
    contactName: 'Marie\tTremblay',
    addressLine1: '1, rue A\r\nPorte 2',
    notes: NOTE,
  });
  await insertClient(db, 61002, tariff.id, { name: NAMES[61002], groupedClientNumber: 61002 });
  await insertClient(db, 61003, tariff.id, { name: NAMES[61003], groupedClientNumber: 61002 });
  for (const number of [61001, 61002, 61003] as const) {
    await insertCall(db, number, tariff.id, { caller: `Appelant\r\n${number}`, clientReference: REFERENCE, notes: NOTE });
  }
});

afterAll(async () => {
  await database.drop();
});

describe('a stored name on several lines stays in its cell in every CSV', () => {
  test('the billing lists, normal and grouped: one row per invoice and per member, each name as stored', async () => {
    const options = (isGrouped: boolean) => ({
      separator: 'semicolon' as const,
      isGrouped,
      headers: ['Type', 'No. client', 'Nom', 'No. membre', 'Membre', 'Appels', 'Sous-total', 'Redevance', 'TPS', 'TVQ', 'Total'],
      rowKinds: {
        invoice: 'Facture',
        member: 'Membre',
        total: 'Total',
        subtotal: (label: string, value: string | null) => `Sous-total ${label} : ${value ?? '—'}`,
      },
    });
    const normal = rowsOf(
      billingListCsv(await previewBilling(database.db, billingInput.parse({ cutoff: '2026-10-31', cycle: 'all' })), options(false)),
    );
    expect(normal.map((row) => [row[0], row[1], row[2]])).toEqual([
      ['Type', 'No. client', 'Nom'],
      ['Facture', '61001', shown(NAMES[61001])],
      ['Total', '', ''],
    ]);
    const grouped = rowsOf(
      billingListCsv(
        await previewBilling(database.db, billingInput.parse({ cutoff: '2026-10-31', cycle: 'all', isGrouped: 'on' })),
        options(true),
      ),
    );
    expect(grouped.map((row) => [row[0], row[1], row[2], row[3], row[4]])).toEqual([
      ['Type', 'No. client', 'Nom', 'No. membre', 'Membre'],
      ['Facture', '61002', shown(NAMES[61002]), '', ''],
      ['Membre', '61002', shown(NAMES[61002]), '61002', shown(NAMES[61002])],
      ['Membre', '61002', shown(NAMES[61002]), '61003', shown(NAMES[61003])],
      ['Total', '', '', '', ''],
    ]);
    expect(grouped.every((row) => row.length === 11)).toBe(true);
  });

  test('the import’s exports: clients, tariffs and calls, one row each, names, notes and addresses as stored', async () => {
    const clients = rowsOf(await exportClientsCsv(database.db, 'semicolon'));
    expect(clients).toHaveLength(4);
    const header = clients[0]!;
    const byNumber = new Map(clients.slice(1).map((row) => [row[0], Object.fromEntries(header.map((h, i) => [h, row[i]]))]));
    expect(byNumber.get('61001')).toMatchObject({
      Nom: NAMES[61001],
      'Personne-ressource': 'Marie\tTremblay',
      Adresse: '1, rue A\r\nPorte 2',
      Notes: NOTE,
    });
    expect(byNumber.get('61003')).toMatchObject({ Nom: shown(NAMES[61003]), 'No. client regroupé': '61002' });

    const tariffs = rowsOf(await exportTariffsCsv(database.db, 'comma'), ',');
    expect(tariffs.map((row) => row.slice(0, 2))).toEqual([
      ['Code', 'Nom'],
      ['STD', 'Standard\r\n1060,-9999'],
    ]);

    const calls = rowsOf(await textOf(exportCallsCsv(database.db, { from: null, to: null }, 'semicolon')));
    expect(calls).toHaveLength(4);
    const columns = calls[0]!;
    for (const row of calls.slice(1)) {
      const call = Object.fromEntries(columns.map((h, i) => [h, row[i]]));
      expect(call).toMatchObject({ Appelant: `Appelant\r\n${call['No. client']}`, 'Référence du client': REFERENCE, Notes: NOTE });
    }
  });
});

describe('once billed and paid', () => {
  beforeAll(async () => {
    const db = database.db;
    await generateInvoices(db, clerkId, billingInput.parse({ cutoff: '2026-10-31', cycle: 'all' }), '2026-11-01');
    await generateInvoices(db, clerkId, billingInput.parse({ cutoff: '2026-10-31', cycle: 'all', isGrouped: 'on' }), '2026-11-01');
    // A reference kept from before the payment form refused line breaks.
    const payment = paymentInput('2026-11-29').parse({ clientNumber: '61001', amount: '5', receivedOn: '2026-11-20', method: 'cheque' });
    await recordPayment(db, clerkId, { ...payment, reference: REFERENCE });
    const created = await createAccountingExport(db, clerkId, exportPeriodInput.parse({ from: '2026-11-01', to: '2026-11-30' }));
    entries = (await findExportEntries(db, created.id))!.entries;
    expect(entries.map((entry) => entry.source)).toEqual(['F1', 'F2', 'P1']);
  });

  test('Sage 50: each entry a header line and its lines of account and amount, nothing else; the names on one line', () => {
    const file = decodeWindows1252(sage50Text(entries));
    const lines = file.split('\r\n');
    expect(lines.at(-1)).toBe('');
    const expected = entries.flatMap((entry) => [
      expect.stringMatching(new RegExp(`^11-\\d\\d-26,"${entry.source}","[^"]{0,39}"$`)),
      ...entry.lines.map(() => expect.stringMatching(/^\d{4},-?\d+\.\d\d$/)),
    ]);
    expect(lines.slice(0, -1)).toEqual(expected);
    expect(file.replaceAll('\r\n', '')).not.toMatch(/[\p{Cc}\u2028\u2029]/u);
    expect(lines[0]).toBe('11-01-26,"F1","Facture 1 — 61001 A 1060,-9999 Zed"');
    expect(lines.find((line) => line.includes('"P1"'))).toBe('11-20-26,"P1","Paiement 1 (CHQ 1060,-9999) — 61001 A 1"');
    // Every entry still balances: the amounts under each header add up to zero.
    for (const entry of file.split(/\r\n(?=\d\d-)/)) {
      const cents = entry
        .split('\r\n')
        .slice(1)
        .filter(Boolean)
        .map((line) => Math.round(Number(line.split(',')[1]) * 100));
      expect(cents.reduce((a, b) => a + b, 0)).toBe(0);
    }
  });

  test('QuickBooks and the general journal: one row per debit or credit, the customer as stored', () => {
    const lineCount = entries.reduce((sum, entry) => sum + entry.lines.length, 0);
    const quickBooks = parse(quickBooksCsv(entries), { bom: true, columns: true }) as Record<string, string>[];
    expect(quickBooks).toHaveLength(lineCount);
    expect(quickBooks.filter((row) => row['Name'] !== '').map((row) => [row['JournalNo'], row['AccountName'], row['Name']])).toEqual([
      ['F1', '1200', NAMES[61001]],
      ['F2', '1200', shown(NAMES[61002])],
      ['P1', '1200', NAMES[61001]],
    ]);
    const journal = rowsOf(
      journalCsv(entries, ['Date', 'Pièce', 'Type', 'No', 'Client', 'Compte', 'Description', 'Débit', 'Crédit'], (e) => e.document.kind),
    );
    expect(journal).toHaveLength(lineCount + 1);
    expect(journal.every((row) => row.length === 9)).toBe(true);
    expect(journal.find((row) => row[1] === 'P1')![6]).toBe(`Paiement 1 (${REFERENCE}) — 61001 ${NAMES[61001]}`);
  });

  test('the aging, heads apart: one row per billed client and per member, each name as stored', async () => {
    const csvOf = async (isGrouped: boolean) => {
      const report = await agingAsOf(database.db, { asOf: '2026-11-30', isGrouped, pageSize: null });
      const members = await memberAgingAsOf(
        database.db,
        '2026-11-30',
        report.rows.filter((row) => row.isHead).map((row) => row.clientNumber),
      );
      return rowsOf(
        agingCsv(report, members, {
          separator: 'semicolon',
          headers: ['Type', 'No', 'Nom', 'No membre', 'Membre', 'Courant', '1-30', '31-60', '61-90', '90+', 'Solde', 'Crédit'],
          rowKinds: { client: 'Client', member: 'Membre', total: 'Total' },
        }),
      );
    };
    expect((await csvOf(false)).map((row) => row.slice(0, 3))).toEqual([
      ['Type', 'No', 'Nom'],
      ['Client', '61001', shown(NAMES[61001])],
      ['Total', '1', ''],
    ]);
    const grouped = await csvOf(true);
    expect(grouped.map((row) => row.slice(0, 5))).toEqual([
      ['Type', 'No', 'Nom', 'No membre', 'Membre'],
      ['Client', '61002', shown(NAMES[61002]), '', ''],
      ['Membre', '61002', shown(NAMES[61002]), '61002', shown(NAMES[61002])],
      ['Membre', '61002', shown(NAMES[61002]), '61003', shown(NAMES[61003])],
      ['Total', '1', '', '', ''],
    ]);
    expect(grouped.every((row) => row.length === 12)).toBe(true);
  });

  test('the stored names are still there: the exports escaped them, nothing rewrote them', async () => {
    const stored = await queryRows<{ number: number; name: string }>(database.db, sql`select number, name from clients order by number`);
    expect(stored).toEqual(Object.entries(NAMES).map(([number, name]) => ({ number: Number(number), name })));
  });
});
