/**
 * One import of one file, from its bytes to its outcome (docs/business-rules.md, Import): the
 * bytes are counted against the size limit, decoded, read as CSV and handed to the kind's import
 * inside one transaction attributed to the importing user (the audit triggers record them). A
 * check (the dry run) and any problem roll the transaction back: an import is all or nothing.
 */
import { pgErrorOf, PG_FOREIGN_KEY_VIOLATION, PG_UNIQUE_VIOLATION } from '@/db/errors';
import type { Db, Tx } from '@/db/index';
import { withActor } from '@/lib/audit/with-actor';
import { todayInMontreal } from '@/lib/dates/montreal';
import type { ImportKind } from './columns';
import { decodeText, type TextEncodingName } from './decode-text';
import { importCalls } from './import-calls';
import { importClients } from './import-clients';
import { noCounts, type ImportCounts, type ImportSettings } from './import-counts';
import { ImportStop, ProblemList, type ImportProblem } from './import-problems';
import { importTariffs } from './import-tariffs';
import { readCsvRows, type CsvRow, type Delimiter } from './read-csv';

export type ImportMode = 'check' | 'import';

export type ImportOutcome = {
  kind: ImportKind;
  mode: ImportMode;
  /** Whether the file's changes were written (an import without any problem). */
  isApplied: boolean;
  encoding: TextEncodingName | null;
  delimiter: Delimiter | null;
  counts: ImportCounts;
  /** The problems listed (at most MAX_LISTED_PROBLEMS), by line. */
  problems: ImportProblem[];
  problemCount: number;
};

export type ImportProgress = { bytes: number; rows: number };

const IMPORTERS: Record<ImportKind, (tx: Tx, rows: AsyncIterable<CsvRow>, settings: ImportSettings) => Promise<ImportCounts>> = {
  clients: importClients,
  tariffs: importTariffs,
  calls: importCalls,
};

/** Thrown to roll the transaction back once a check is done or a problem found. */
class RollBack extends Error {}

/** Database refusals that another person's change made at the same moment explains. */
const CONFLICT_STATES = new Set([
  PG_UNIQUE_VIOLATION,
  PG_FOREIGN_KEY_VIOLATION,
  '40001',
  '40P01',
  'RG001',
  'RG002',
  'RG003',
  'RG004',
  'RG005',
  'RG006',
  'RC001',
]);

/** The bytes of the upload, counted: past `maxBytes` the reading stops with a clear problem. */
async function* countBytes(chunks: AsyncIterable<Uint8Array>, maxBytes: number, progress: ImportProgress): AsyncGenerator<Uint8Array> {
  for await (const chunk of chunks) {
    progress.bytes += chunk.byteLength;
    if (progress.bytes > maxBytes) throw new ImportStop('import.tooLarge', { limit: Math.floor(maxBytes / 1024 / 1024) });
    yield chunk;
  }
}

export async function runImport(
  db: Db,
  args: {
    kind: ImportKind;
    mode: ImportMode;
    actorId: number;
    body: AsyncIterable<Uint8Array>;
    maxBytes: number;
    onProgress?: (progress: ImportProgress) => void;
    today?: string;
  },
): Promise<ImportOutcome> {
  const problems = new ProblemList();
  const progress: ImportProgress = { bytes: 0, rows: 0 };
  const outcome: ImportOutcome = {
    kind: args.kind,
    mode: args.mode,
    isApplied: false,
    encoding: null,
    delimiter: null,
    counts: noCounts(),
    problems: [],
    problemCount: 0,
  };
  const settings: ImportSettings = {
    actorId: args.actorId,
    isApplied: args.mode === 'import',
    today: args.today ?? todayInMontreal(),
    problems,
    onRows: (rows) => {
      progress.rows = rows;
      args.onProgress?.({ ...progress });
    },
  };
  const text = decodeText(countBytes(args.body, args.maxBytes, progress), (encoding) => (outcome.encoding = encoding));
  const rows = readCsvRows(text, args.kind, problems, (header) => (outcome.delimiter = header.delimiter));

  try {
    await withActor(db, args.actorId, async (tx) => {
      outcome.counts = await IMPORTERS[args.kind](tx, rows, settings);
      if (outcome.counts.rows === 0 && problems.isEmpty) problems.add(null, null, 'import.noRows');
      if (!settings.isApplied || !problems.isEmpty) throw new RollBack();
    });
    outcome.isApplied = true;
  } catch (error) {
    if (error instanceof ImportStop) problems.add(error.line, null, error.code, error.params);
    else if (CONFLICT_STATES.has(pgErrorOf(error)?.code ?? '')) {
      // The file was checked in this same transaction: a refusal now comes from a change made
      // meanwhile by someone else (or a second import of the same file at the same moment).
      console.error('[import] refused by the database', error);
      problems.add(null, null, 'import.conflict');
    } else if (!(error instanceof RollBack)) throw error;
  }
  outcome.problems = problems.sorted();
  outcome.problemCount = problems.count;
  return outcome;
}
