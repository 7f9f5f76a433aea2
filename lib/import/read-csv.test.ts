import { describe, expect, test } from 'vitest';
import type { ImportKind } from './columns';
import { decodeText } from './decode-text';
import { ImportStop, ProblemList } from './import-problems';
import { readCsvRows, type CsvRow, type Delimiter } from './read-csv';

async function* bytesOf(text: string, size = 64 * 1024) {
  const bytes = new TextEncoder().encode(text);
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

/** The rows of a file, the problems found, and what stopped the reading, if anything. */
async function read(text: string, kind: ImportKind = 'tariffs', size?: number) {
  const problems = new ProblemList();
  const rows: CsvRow[] = [];
  let delimiter: Delimiter | null = null;
  let stop: { code: string; line: number | null } | null = null;
  try {
    for await (const row of readCsvRows(decodeText(bytesOf(text, size)), kind, problems, (h) => (delimiter = h.delimiter))) rows.push(row);
  } catch (error) {
    if (!(error instanceof ImportStop)) throw error;
    stop = { code: error.code, line: error.line };
  }
  const listed = problems.sorted().map((p) => [p.line, p.column, p.code]);
  return { rows, delimiter, problems: listed, stop };
}

const cellsOf = (rows: CsvRow[]) => rows.map((row) => [row.line, row.cells]);

describe('readCsvRows', () => {
  test('semicolons (a French spreadsheet): decimal commas need no quotes', async () => {
    const { rows, delimiter, problems } = await read('Code;Nom;Montant de base\r\nSTD;Standard;4,50\r\nEXP;Express;9,00\r\n');
    expect(delimiter).toBe(';');
    expect(problems).toEqual([]);
    expect(cellsOf(rows)).toEqual([
      [2, { code: 'STD', name: 'Standard', baseCents: '4,50' }],
      [3, { code: 'EXP', name: 'Express', baseCents: '9,00' }],
    ]);
  });

  test('commas, with decimal commas quoted and decimal points bare', async () => {
    const { rows, delimiter } = await read('Code,Nom,Montant de base,Taux au km\nSTD,"Standard, de jour","4,50",1.875\n');
    expect(delimiter).toBe(',');
    expect(rows[0]!.cells).toEqual({ code: 'STD', name: 'Standard, de jour', baseCents: '4,50', perKm: '1.875' });
  });

  test('headers match whatever the case, accents, spaces and apostrophe', async () => {
    const { rows, problems } = await read("code ; NOM;Taux par minute d'attente;TARIF ACTIF\nSTD;Standard;0,65;oui\n");
    expect(problems).toEqual([]);
    expect(rows[0]!.cells).toEqual({ code: 'STD', name: 'Standard', perMinute: '0,65', isActive: 'oui' });
  });

  test('a row is named by the line it starts on; a line break inside quotes and empty lines count', async () => {
    const { rows } = await read('Code;Nom\nA;"deux\nlignes"\n\nB;b\n');
    expect(rows.map((row) => row.line)).toEqual([2, 5]);
    expect(rows[0]!.cells.name).toBe('deux\nlignes');
  });

  test('unknown, doubled and missing columns are named on line 1, and no row is read', async () => {
    const { rows, problems } = await read('Nom;Couleur;Nom\nStandard;bleu;x\n');
    expect(rows).toEqual([]);
    expect(problems).toEqual([
      [1, 'Couleur', 'import.unknownColumn'],
      [1, 'Nom', 'import.duplicateColumn'],
      [1, 'Code', 'import.missingColumn'],
    ]);
  });

  test('a line shorter than the headers reads as empty cells; one with more filled cells is refused', async () => {
    const { rows, problems } = await read('Code;Nom;Frais minimum\nSTD;Standard\nEXP;Express;9;extra\nTAXI;Taxi;1;;\n');
    expect(rows.map((row) => row.cells)).toEqual([
      { code: 'STD', name: 'Standard', minimumChargeCents: '' },
      { code: 'EXP', name: 'Express', minimumChargeCents: '9' },
      { code: 'TAXI', name: 'Taxi', minimumChargeCents: '1' },
    ]);
    expect(problems).toEqual([[3, null, 'import.extraCells']]);
  });

  test('the quote an export puts before a formula is taken off; a formula is kept as text', async () => {
    const { rows } = await read(`Code;Nom\nA;'=SOMME(A1:A2)\nB;"=HYPERLINK(""x"")"\nC;'L'autre\nD;Le "Bon" Café\n`);
    expect(rows.map((row) => row.cells.name)).toEqual(['=SOMME(A1:A2)', '=HYPERLINK("x")', "'L'autre", 'Le "Bon" Café']);
  });

  test('a cell over 2,000 characters or with control characters is refused, named by line and column', async () => {
    const { problems } = await read(`Code;Nom\nA;${'x'.repeat(2001)}\nB;bip\u0007\nC;"deux\nlignes\ttab"\nD;bip\u0085\n`);
    // A line break or a tab is the field's to judge (a note keeps it, a name refuses it); any other control character, never.
    expect(problems).toEqual([
      [2, 'Nom', 'import.cellTooLong'],
      [3, 'Nom', 'import.controlCharacters'],
      [6, 'Nom', 'import.controlCharacters'],
    ]);
  });

  test('10 MB on one line: refused as a header line before it is all read', async () => {
    const { stop } = await read('x'.repeat(10 * 1024 * 1024), 'tariffs', 64 * 1024);
    expect(stop).toEqual({ code: 'import.headerLine', line: 1 });
  });

  test('10 MB in one data line: refused at that line, the reading stops', async () => {
    const { rows, stop } = await read(`Code;Nom\nA;a\nB;${'x'.repeat(10 * 1024 * 1024)}\nC;c\n`);
    expect(rows.map((row) => row.cells.code)).toEqual(['A']);
    expect(stop).toEqual({ code: 'import.recordTooLong', line: 3 });
  });

  test('a quote left open stops the reading with the line named', async () => {
    const { stop } = await read('Code;Nom\nA;a\nB;"b\nC;c\n');
    expect(stop?.code).toBe('import.quote');
  });

  test('an empty file, and a file of headers only', async () => {
    expect((await read('')).stop).toEqual({ code: 'import.empty', line: null });
    expect(await read('Code;Nom\r\n')).toMatchObject({ rows: [], problems: [], stop: null });
  });
});
