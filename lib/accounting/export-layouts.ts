/**
 * The layouts of an accounting export (docs/business-rules.md, Accounting export), each from the
 * same journal entries, so that every file balances as the entries do:
 * - `journal`: a general journal for a French spreadsheet (semicolons, decimal commas), a line
 *   per debit or credit;
 * - `quickbooks`: QuickBooks Online's journal entry import (JournalNo, JournalDate as
 *   MM/DD/YYYY, AccountName, Debits, Credits, Description, Name), commas and decimal points;
 * - `sage50`: Sage 50 (Canadian edition)'s general journal import, a text file: per entry a line
 *   `mm-dd-yy,"source","comment"`, then a line `account,amount` per debit (positive) or credit
 *   (negative), in Windows-1252 as the Windows program reads it.
 * Every text goes through its layout's one rule: `writeCsv` for the CSV layouts (a cell holding a
 * separator, a quote or a line break is quoted, a formula neutralized), `sageField` for Sage 50.
 */
import { csvAmount, writeCsv, type CsvCell } from '@/lib/csv/write-csv';
import { toSingleLine } from '@/lib/text/control-characters';
import { encodeWindows1252 } from '@/lib/text/windows-1252';
import type { JournalEntry } from './journal-entries';

export const EXPORT_LAYOUTS = ['journal', 'quickbooks', 'sage50'] as const;
export type ExportLayout = (typeof EXPORT_LAYOUTS)[number];

export type ExportFile = { body: string | Uint8Array; extension: 'csv' | 'txt' };

export type JournalHeaders = [string, string, string, string, string, string, string, string, string];

const amountOrEmpty = (cents: number): CsvCell => (cents === 0 ? '' : { cents });

export function journalCsv(entries: JournalEntry[], headers: JournalHeaders, kindLabel: (entry: JournalEntry) => string): string {
  const rows: CsvCell[][] = [headers];
  for (const entry of entries)
    for (const line of entry.lines)
      rows.push([
        entry.document.date,
        entry.source,
        kindLabel(entry),
        entry.document.clientNumber,
        entry.document.clientName,
        line.account,
        entry.description,
        amountOrEmpty(line.debitCents),
        amountOrEmpty(line.creditCents),
      ]);
  return writeCsv(rows, { separator: 'semicolon' });
}

/** 2026-11-01 → 11/01/2026 (QuickBooks) or 11-01-26 (Sage 50). */
const usDate = (iso: string, separator: '/' | '-', year: 'full' | 'short') =>
  [iso.slice(5, 7), iso.slice(8, 10), year === 'full' ? iso.slice(0, 4) : iso.slice(2, 4)].join(separator);

export function quickBooksCsv(entries: JournalEntry[]): string {
  const rows: CsvCell[][] = [['JournalNo', 'JournalDate', 'AccountName', 'Debits', 'Credits', 'Description', 'Name']];
  for (const entry of entries)
    for (const line of entry.lines)
      rows.push([
        entry.source,
        usDate(entry.document.date, '/', 'full'),
        line.account,
        amountOrEmpty(line.debitCents),
        amountOrEmpty(line.creditCents),
        entry.description,
        // QuickBooks asks for the customer on a line of its receivables account.
        line.isReceivables ? entry.document.clientName : '',
      ]);
  return writeCsv(rows, { separator: 'comma' });
}

/**
 * Sage 50's one rule for text: a line of the file is a record and has no way to hold a line break,
 * so every line break, tab or other control character becomes a space (a name stored on two lines
 * reads on one); a quoted field cannot hold a straight quote, which becomes an apostrophe; a field
 * written bare (an account) ends at a comma, which becomes a space. Then Sage's lengths: a source
 * of 13 characters, a comment of 39.
 */
function sageField(text: string, field: { length?: number; isQuoted: boolean }): string {
  const line = toSingleLine(text);
  const safe = field.isQuoted ? line.replace(/"/g, "'") : line.replace(/[",]/g, ' ');
  return field.length === undefined ? safe : safe.slice(0, field.length);
}

export function sage50Text(entries: JournalEntry[]): Uint8Array {
  const lines: string[] = [];
  for (const entry of entries) {
    const source = sageField(entry.source, { length: 13, isQuoted: true });
    const comment = sageField(entry.description, { length: 39, isQuoted: true });
    lines.push(`${usDate(entry.document.date, '-', 'short')},"${source}","${comment}"`);
    for (const line of entry.lines) {
      lines.push(`${sageField(line.account, { isQuoted: false })},${csvAmount(line.debitCents - line.creditCents, '.')}`);
    }
  }
  return encodeWindows1252(lines.map((line) => `${line}\r\n`).join(''));
}
