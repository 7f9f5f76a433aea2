/**
 * What is wrong with an import file, line by line and column by column: each problem is a
 * message code (lib/i18n/messages, `errors.*`) with its parameters, translated for the person
 * who reads the table.
 */
import type { ErrorCode } from '@/lib/errors';

export type ImportProblem = {
  /** The line of the file (1 is the line of headers), or null for the file as a whole. */
  line: number | null;
  /** The column's header as the file names it, or null when the problem is the whole line. */
  column: string | null;
  code: ErrorCode;
  params: Record<string, string | number>;
};

/** A table of thousands of errors helps nobody: past this many, only their count is kept. */
export const MAX_LISTED_PROBLEMS = 500;

export class ProblemList {
  readonly listed: ImportProblem[] = [];
  count = 0;

  add(line: number | null, column: string | null, code: ErrorCode, params: Record<string, string | number> = {}): void {
    this.count++;
    if (this.listed.length < MAX_LISTED_PROBLEMS) this.listed.push({ line, column, code, params });
  }

  get isEmpty(): boolean {
    return this.count === 0;
  }

  /** The problems listed, by line (the whole file's first). */
  sorted(): ImportProblem[] {
    return [...this.listed].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  }
}

/**
 * A problem that stops the reading of the file (its encoding, its size, a broken quote): the
 * lines after it cannot be read, so they cannot be checked either.
 */
export class ImportStop extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, string | number> = {},
    readonly line: number | null = null,
  ) {
    super(code);
    this.name = 'ImportStop';
  }
}
