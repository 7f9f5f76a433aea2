import { parse } from 'csv-parse/sync';
import { describe, expect, test } from 'vitest';
import { decodeWindows1252 } from '@/lib/text/windows-1252';
import type { AccountingDocument } from './accounting-documents';
import { journalCsv, quickBooksCsv, sage50Text } from './export-layouts';
import { journalEntriesOf } from './journal-entries';

const ACCOUNTS = {
  receivablesAccount: '1200',
  salesAccount: '4020',
  gstAccount: '2310',
  qstAccount: '2330',
  duesAccount: '2360',
  bankAccount: '1060',
};

/**
 * Names and references as a forged form, an old import or a hand-edited database may have stored
 * them: each would end a line, a field or a quoted text of some layout if written as is.
 */
const HOSTILE = [
  'A\r\n1060,-9999\r\nZed',
  'A\n1060,-9999',
  'A\r1060,-9999',
  'Tab\t1060,-9999',
  'Dit "oui", 1060,-9999',
  '=HYPERLINK("http://exemple.test","x")',
  'A\u2028B\u2029C\u0085D',
  'Vertical\u000bform\u000cfeed\u0000nul',
  'A;B',
];

const documents = (text: string): AccountingDocument[] => [
  {
    kind: 'invoice',
    documentId: 1,
    date: '2026-11-01',
    number: 1042,
    clientNumber: 12345,
    clientName: text,
    subtotalCents: 10_000,
    duesCents: 0,
    gstCents: 500,
    qstCents: 998,
    totalCents: 11_498,
    reference: null,
  },
  {
    kind: 'payment',
    documentId: 2,
    date: '2026-11-20',
    number: 88,
    clientNumber: 12345,
    clientName: text,
    subtotalCents: 0,
    duesCents: 0,
    gstCents: 0,
    qstCents: 0,
    totalCents: 11_498,
    reference: text,
  },
];

describe('hostile text in every accounting layout: one record per journal line, every field where it belongs', () => {
  test.each(HOSTILE.map((text) => [JSON.stringify(text), text]))('Sage 50, a name and a reference %s', (_name, text) => {
    const entries = journalEntriesOf(documents(text), ACCOUNTS);
    const file = decodeWindows1252(sage50Text(entries));
    expect(file.endsWith('\r\n')).toBe(true);
    const lines = file.slice(0, -2).split('\r\n');
    // Per entry, its header and one line per debit or credit; nothing more.
    expect(lines).toEqual([
      expect.stringMatching(/^11-01-26,"F1042","[^"\r\n\p{Cc}\u2028\u2029]{0,39}"$/u),
      '1200,114.98',
      '4020,-100.00',
      '2310,-5.00',
      '2330,-9.98',
      expect.stringMatching(/^11-20-26,"P88","[^"\r\n\p{Cc}\u2028\u2029]{0,39}"$/u),
      '1060,114.98',
      '1200,-114.98',
    ]);
    expect(file.replaceAll('\r\n', '')).not.toMatch(/[\p{Cc}\u2028\u2029]/u);
  });

  test.each(HOSTILE.map((text) => [JSON.stringify(text), text]))('QuickBooks and the general journal, a name %s', (_name, text) => {
    const entries = journalEntriesOf(documents(text), ACCOUNTS);
    const quickBooks = parse(quickBooksCsv(entries), { bom: true, columns: true }) as Record<string, string>[];
    expect(quickBooks.map((row) => [row['JournalNo'], row['AccountName'], row['Debits'], row['Credits']])).toEqual([
      ['F1042', '1200', '114.98', ''],
      ['F1042', '4020', '', '100.00'],
      ['F1042', '2310', '', '5.00'],
      ['F1042', '2330', '', '9.98'],
      ['P88', '1060', '114.98', ''],
      ['P88', '1200', '', '114.98'],
    ]);
    // The name reads back as stored; only a formula gets the quote that keeps a spreadsheet from running it.
    const shown = text.startsWith('=') ? `'${text}` : text;
    expect(quickBooks[0]!['Name']).toBe(shown);

    const journal = parse(
      journalCsv(
        entries,
        ['Date', 'Pièce', 'Type', 'No client', 'Client', 'Compte', 'Description', 'Débit', 'Crédit'],
        (e) => e.document.kind,
      ),
      { bom: true, delimiter: ';', columns: true },
    ) as Record<string, string>[];
    expect(journal.map((row) => [row['Pièce'], row['Compte'], row['Débit'], row['Crédit']])).toEqual([
      ['F1042', '1200', '114,98', ''],
      ['F1042', '4020', '', '100,00'],
      ['F1042', '2310', '', '5,00'],
      ['F1042', '2330', '', '9,98'],
      ['P88', '1060', '114,98', ''],
      ['P88', '1200', '', '114,98'],
    ]);
    expect(journal.every((row) => row['Client'] === shown)).toBe(true);
  });

  test('Sage 50: an account is written bare, so a comma in its name cannot start a field of its own', () => {
    const entries = journalEntriesOf(documents('Client'), { ...ACCOUNTS, salesAccount: 'Ventes, 1060' });
    const lines = decodeWindows1252(sage50Text(entries)).split('\r\n');
    expect(lines[2]).toBe('Ventes  1060,-100.00');
  });
});
