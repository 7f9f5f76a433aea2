import { describe, expect, test } from 'vitest';
import type { AccountingDocument } from './accounting-documents';
import { decodeWindows1252, encodeWindows1252 } from '@/lib/text/windows-1252';
import { quickBooksCsv, sage50Text } from './export-layouts';
import { journalEntriesOf, journalEntryOf, journalTotals } from './journal-entries';

const ACCOUNTS = {
  receivablesAccount: '1200',
  salesAccount: '4020',
  gstAccount: '2310',
  qstAccount: '2330',
  duesAccount: '2360',
  bankAccount: '1060',
};

const document = (values: Partial<AccountingDocument>): AccountingDocument => ({
  kind: 'invoice',
  documentId: 1,
  date: '2026-11-01',
  number: 1042,
  clientNumber: 12345,
  clientName: 'Pharmacie Côté',
  subtotalCents: 10_000,
  duesCents: 0,
  gstCents: 500,
  qstCents: 998,
  totalCents: 11_498,
  reference: null,
  ...values,
});

/** Each line as "account debit/credit", for a table that reads like the books. */
const linesOf = (doc: AccountingDocument) =>
  journalEntryOf(doc, ACCOUNTS).lines.map(
    (line) => `${line.account} ${line.debitCents ? `D ${line.debitCents}` : `C ${line.creditCents}`}`,
  );

describe('journal entries', () => {
  test.each([
    ['invoice 100.00 $ + GST 5.00 $ + QST 9.98 $', document({}), ['1200 D 11498', '4020 C 10000', '2310 C 500', '2330 C 998'], 'F1042'],
    [
      'credit note 100.00 $ + taxes',
      document({ kind: 'credit_note', number: 12, reference: '1042' }),
      ['4020 D 10000', '2310 D 500', '2330 D 998', '1200 C 11498'],
      'NC12',
    ],
    ['invoice voided', document({ kind: 'invoice_void' }), ['4020 D 10000', '2310 D 500', '2330 D 998', '1200 C 11498'], 'F1042A'],
    ['payment 114.98 $', document({ kind: 'payment', number: 88, totalCents: 11_498 }), ['1060 D 11498', '1200 C 11498'], 'P88'],
    ['cheque returned', document({ kind: 'payment_reversal', number: 88, totalCents: 11_498 }), ['1200 D 11498', '1060 C 11498'], 'P88R'],
    [
      'invoice of passenger trips, 75.00 $ + dues 2.70 $ + taxes on both: the dues to their own account',
      document({ subtotalCents: 7500, duesCents: 270, gstCents: 389, qstCents: 775, totalCents: 8934 }),
      ['1200 D 8934', '4020 C 7500', '2360 C 270', '2310 C 389', '2330 C 775'],
      'F1042',
    ],
    [
      'invoice exempt of QST: no QST line',
      document({ qstCents: 0, totalCents: 10_500 }),
      ['1200 D 10500', '4020 C 10000', '2310 C 500'],
      'F1042',
    ],
  ])('%s', (_name, doc, lines, source) => {
    expect(linesOf(doc)).toEqual(lines);
    const entry = journalEntryOf(doc, ACCOUNTS);
    expect(entry.source).toBe(source);
    // Debits and credits both come to the document's total: an export sums its documents' totals (create-export.ts).
    expect(journalTotals([entry])).toEqual({ debitCents: doc.totalCents, creditCents: doc.totalCents });
  });

  test('a document of nothing makes no entry', () => {
    expect(journalEntriesOf([document({ subtotalCents: 0, gstCents: 0, qstCents: 0, totalCents: 0 })], ACCOUNTS)).toEqual([]);
  });
});

describe('layouts', () => {
  const entries = journalEntriesOf([document({ clientName: 'Boulangerie « Côté » "Œuvre" — très longue raison sociale inc.' })], ACCOUNTS);

  test('Sage 50: a header line in mm-dd-yy with a 39-character comment in straight quotes, then signed amounts, in Windows-1252', () => {
    const bytes = sage50Text(entries);
    const lines = decodeWindows1252(bytes).split('\r\n');
    expect(lines[0]).toBe('11-01-26,"F1042","Facture 1042 — 12345 Boulangerie « Côté"');
    expect(lines.slice(1, 5)).toEqual(['1200,114.98', '4020,-100.00', '2310,-5.00', '2330,-9.98']);
    // — and ô as one byte each.
    expect(bytes.includes(0x97) && bytes.includes(0xf4)).toBe(true);
  });

  test('Windows-1252 holds French and its punctuation both ways; what it cannot hold becomes "?"', () => {
    expect([...encodeWindows1252('é€Œœ’…—ÿ')]).toEqual([0xe9, 0x80, 0x8c, 0x9c, 0x92, 0x85, 0x97, 0xff]);
    expect(decodeWindows1252(Uint8Array.from([0xe9, 0x80, 0x8c, 0x9c, 0x92, 0x85, 0x97, 0xff]))).toBe('é€Œœ’…—ÿ');
    expect([...encodeWindows1252('→')]).toEqual([0x3f]);
  });

  test('QuickBooks: dates MM/DD/YYYY, decimal points, the customer on the receivables line only', () => {
    const rows = quickBooksCsv(entries)
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    expect(rows[0]).toBe('JournalNo,JournalDate,AccountName,Debits,Credits,Description,Name');
    expect(rows[1]).toMatch(/^F1042,11\/01\/2026,1200,114\.98,,".*",".*Côté.*"$/);
    expect(rows[2]).toMatch(/^F1042,11\/01\/2026,4020,,100\.00,".*",$/);
  });
});
