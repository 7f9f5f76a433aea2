/**
 * Every CSV file the application writes goes through `writeCsv`: UTF-8 with a byte-order mark
 * (accents survive Excel), CRLF line ends, and for a French spreadsheet a semicolon separator
 * with decimal commas ("151,92"); otherwise commas with decimal points. Quoting is csv-stringify's.
 *
 * Cells are typed so that formula neutralization touches text only:
 * - text (a string) is written as text; when it starts with a character a spreadsheet reads as
 *   the start of a formula, it is neutralized by `neutralizeFormula`;
 * - a count or a number (a number) and an amount (`{ cents }`) are written as numbers and never
 *   neutralized, so that a credit of -19,30 stays a negative number the spreadsheet can add up.
 * csv-stringify's own `escape_formulas` is not used: it applies to every string, amounts included.
 */
import { stringify } from 'csv-stringify/sync';

export type CsvSeparator = 'semicolon' | 'comma';
export type CsvCell = string | number | { cents: number };

/**
 * A text cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, or a tab or carriage
 * return before one) is prefixed with a single quote, which spreadsheets show as plain text
 * (OWASP's advice against CSV injection). Any other text is left as written.
 */
export function neutralizeFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** Integer cents as a plain decimal number for a spreadsheet: -1930 → "-19,30" or "-19.30". */
export function csvAmount(cents: number, decimalMark: ',' | '.'): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.trunc(abs / 100)}${decimalMark}${String(abs % 100).padStart(2, '0')}`;
}

export function writeCsv(rows: readonly (readonly CsvCell[])[], options: { separator: CsvSeparator }): string {
  const isSemicolon = options.separator === 'semicolon';
  const decimalMark = isSemicolon ? ',' : '.';
  const cells = rows.map((row) =>
    row.map((value) => {
      if (typeof value === 'string') return neutralizeFormula(value);
      if (typeof value === 'number') return String(value);
      return csvAmount(value.cents, decimalMark);
    }),
  );
  return stringify(cells, {
    bom: true,
    delimiter: isSemicolon ? ';' : ',',
    record_delimiter: '\r\n',
    // A line break of any kind inside a cell is quoted, not only the CRLF written between rows.
    quote_record_delimiter: true,
  });
}
