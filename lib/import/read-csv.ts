/**
 * The lines of an import file as cells named by their column, read by csv-parse as the text
 * streams in (never the whole file at once). The first line names the columns and decides the
 * separator: a semicolon (a French spreadsheet, whose decimal commas then need no quotes) or a
 * comma. Line numbers are the file's own, as a text editor counts them: 1 is the line of headers,
 * and a row is named by the line it starts on (the spreadsheet's row number, unless a cell above
 * holds a line break).
 */
import { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { parse as parseLine } from 'csv-parse/sync';
import { hasForbiddenCharacters } from '@/lib/text/control-characters';
import { COLUMNS_BY_KIND, foldWord, headerOf, type ImportKind } from './columns';
import { ImportStop, type ProblemList } from './import-problems';

export type Delimiter = ';' | ',';

/** A header line longer than this is not one: a file of one huge line stops here. */
const MAX_HEADER_CHARACTERS = 64 * 1024;
/** A record longer than this is refused (the longest a form takes is a few thousand characters). */
export const MAX_RECORD_CHARACTERS = 64 * 1024;
/** The longest text of any form field (the notes). */
export const MAX_CELL_CHARACTERS = 2000;

export type CsvRow = {
  line: number;
  /** The cells of the columns in the file, trimmed; a column absent from the file is absent here. */
  cells: Partial<Record<string, string>>;
  /** Columns whose cell was refused whatever its column (too long, control characters): already reported. */
  rejected: Set<string>;
};

export type CsvHeader = { delimiter: Delimiter; keys: string[] };

/**
 * The single quote that the exports (and spreadsheets) put before a text starting like a formula
 * (lib/csv/write-csv.ts) is taken off, so that an exported file imports back to the same text.
 * The text itself is kept: every export neutralizes it again, and the screens show it as text.
 */
function unquoteFormula(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

function chooseDelimiter(headerLine: string): Delimiter {
  const semicolons = headerLine.split(';').length - 1;
  const commas = headerLine.split(',').length - 1;
  return commas > semicolons ? ',' : ';';
}

/** Maps the header cells to column keys; problems go to `problems` (line 1). */
function readHeader(kind: ImportKind, headerLine: string, problems: ProblemList): CsvHeader | null {
  const delimiter = chooseDelimiter(headerLine);
  let cells: string[];
  try {
    cells = (parseLine(headerLine, { delimiter, relax_column_count: true }) as string[][])[0] ?? [];
  } catch {
    problems.add(1, null, 'import.headerLine');
    return null;
  }
  while (cells.length > 0 && cells.at(-1)!.trim() === '') cells.pop();
  const columns = COLUMNS_BY_KIND[kind];
  const byWord = new Map<string, string>();
  for (const column of columns) for (const header of [column.header, ...(column.aliases ?? [])]) byWord.set(foldWord(header), column.key);
  const keys: string[] = [];
  const before = problems.count;
  for (const cell of cells) {
    const header = cell.replace(/^\uFEFF/, '').trim();
    const key = byWord.get(foldWord(header));
    if (!key) problems.add(1, header, 'import.unknownColumn', { column: header });
    else if (keys.includes(key)) problems.add(1, header, 'import.duplicateColumn', { column: header });
    keys.push(key ?? '');
  }
  for (const column of columns) {
    if (column.isRequired && !keys.includes(column.key)) problems.add(1, column.header, 'import.missingColumn', { column: column.header });
  }
  return problems.count > before ? null : { delimiter, keys };
}

/** The first line of `text` and what follows it. */
async function splitHeaderLine(text: AsyncIterator<string>): Promise<{ headerLine: string; rest: string } | null> {
  let buffered = '';
  for (;;) {
    const end = /\r\n|\n|\r/.exec(buffered);
    // A "\r" at the very end may be the first half of "\r\n": read on before cutting there.
    if (end && !(end[0] === '\r' && end.index === buffered.length - 1)) {
      return { headerLine: buffered.slice(0, end.index), rest: buffered.slice(end.index + end[0].length) };
    }
    if (buffered.length > MAX_HEADER_CHARACTERS) throw new ImportStop('import.headerLine', {}, 1);
    const next = await text.next();
    if (next.done) return buffered.trim() === '' ? null : { headerLine: buffered.replace(/\r$/, ''), rest: '' };
    buffered += next.value;
  }
}

type ParsedRecord = { record: string[]; info: { lines: number; empty_lines: number } };

/**
 * The parser's records, each one delivered before an error that follows it: iterating the stream
 * itself (`for await`) drops the records still buffered when the parser fails, and the lines
 * before a broken one deserve their own checks. The parser pauses while records wait.
 */
async function* recordsOf(parser: ReturnType<typeof parse>): AsyncGenerator<ParsedRecord> {
  const waiting: ParsedRecord[] = [];
  let failure: unknown = null;
  let isEnded = false;
  let wake: (() => void) | null = null;
  const notify = () => wake?.();
  parser.on('data', (record: ParsedRecord) => {
    waiting.push(record);
    if (waiting.length >= 1000) parser.pause();
    notify();
  });
  parser.on('error', (error) => {
    failure = error;
    notify();
  });
  parser.on('end', () => {
    isEnded = true;
    notify();
  });
  for (;;) {
    const next = waiting.shift();
    if (next) {
      if (waiting.length < 100 && parser.isPaused()) parser.resume();
      yield next;
      continue;
    }
    if (failure) throw failure;
    if (isEnded) return;
    await new Promise<void>((resolve) => (wake = resolve));
    wake = null;
  }
}

function stopOf(error: unknown): ImportStop {
  if (error instanceof ImportStop) return error;
  if (error instanceof CsvError) {
    const line = typeof error.lines === 'number' ? error.lines + 1 : null;
    if (error.code === 'CSV_MAX_RECORD_SIZE') return new ImportStop('import.recordTooLong', { max: MAX_RECORD_CHARACTERS }, line);
    return new ImportStop('import.quote', {}, line);
  }
  throw error;
}

/**
 * The rows of an import file of `kind`. Problems of the header line and of single cells are added
 * to `problems`; a problem that stops the reading is thrown as an ImportStop.
 */
export async function* readCsvRows(
  text: AsyncIterable<string>,
  kind: ImportKind,
  problems: ProblemList,
  onHeader: (header: CsvHeader) => void = () => {},
): AsyncGenerator<CsvRow> {
  const iterator = text[Symbol.asyncIterator]();
  const first = await splitHeaderLine(iterator);
  if (!first) throw new ImportStop('import.empty');
  const header = readHeader(kind, first.headerLine, problems);
  if (!header) return;
  onHeader(header);

  async function* rest(): AsyncGenerator<string> {
    if (first!.rest) yield first!.rest;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  }
  const parser = parse({
    delimiter: header.delimiter,
    relax_column_count: true,
    // A quote inside a cell that is not quoted (Le "Bon" Café typed by hand) is a character.
    relax_quotes: true,
    skip_empty_lines: true,
    max_record_size: MAX_RECORD_CHARACTERS,
    info: true,
  });
  const source = Readable.from(rest());
  source.on('error', (error) => parser.destroy(error));
  source.pipe(parser);

  let previousEnd = 1;
  let previousEmpty = 0;
  try {
    for await (const { record, info } of recordsOf(parser)) {
      const line = previousEnd + 1 + (info.empty_lines - previousEmpty);
      previousEnd = info.lines + 1;
      previousEmpty = info.empty_lines;
      const row: CsvRow = { line, cells: {}, rejected: new Set() };
      record.forEach((raw, index) => {
        const key = header.keys[index];
        const cell = unquoteFormula(raw.trim());
        if (key === undefined) {
          if (cell !== '' && !row.rejected.has('')) {
            problems.add(line, null, 'import.extraCells');
            row.rejected.add('');
          }
          return;
        }
        if (cell.length > MAX_CELL_CHARACTERS) {
          problems.add(line, headerOf(kind, key), 'import.cellTooLong', { max: MAX_CELL_CHARACTERS });
          row.rejected.add(key);
        } else if (hasForbiddenCharacters(cell, 'multiline')) {
          // Control characters other than tab and line breaks: invisible, and refused by the PDFs' fonts.
          // A tab or a line break is left to the field's own rule: a note keeps it, a name refuses it.
          problems.add(line, headerOf(kind, key), 'import.controlCharacters');
          row.rejected.add(key);
        }
        row.cells[key] = cell;
      });
      // A line shorter than the headers (trailing empty cells dropped) reads as empty cells.
      for (const key of header.keys.slice(record.length)) row.cells[key] = '';
      yield row;
    }
  } catch (error) {
    throw stopOf(error);
  } finally {
    source.destroy();
  }
}
