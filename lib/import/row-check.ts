/**
 * The checking of one line of an import file: each problem is named by the line and the column,
 * a cell already refused while reading (too long, control characters) is not reported twice, and
 * the form's zod schema speaks for the fields it already checks on the screen.
 */
import type { z } from 'zod';
import type { ErrorCode } from '@/lib/errors';
import { fr } from '@/lib/i18n/messages/fr/index';
import { headerOf, type ImportKind } from './columns';
import type { ProblemList } from './import-problems';
import type { CsvRow } from './read-csv';

/** Whether `code` has an error message (zod's own messages, for input of the wrong type, have none). */
function isErrorCode(code: string): code is ErrorCode {
  let node: unknown = fr.errors;
  for (const part of code.split('.')) {
    if (!node || typeof node !== 'object' || !(part in node)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string';
}

type Vocabulary<C extends string> = { read: (cell: string) => C | null; words: string };

export class RowCheck<K extends string> {
  isValid: boolean;

  constructor(
    private readonly kind: ImportKind,
    readonly row: CsvRow,
    private readonly problems: ProblemList,
  ) {
    this.isValid = row.rejected.size === 0;
  }

  get line(): number {
    return this.row.line;
  }

  fail(key: K, code: ErrorCode, params: Record<string, string | number> = {}): void {
    this.isValid = false;
    if (this.row.rejected.has(key)) return;
    this.row.rejected.add(key);
    this.problems.add(this.row.line, headerOf(this.kind, key), code, params);
  }

  /** The code a choice cell names; an empty cell is the form's default. */
  choice<C extends string>(key: K, cell: string | undefined, words: Vocabulary<C>, fallback: C): C {
    const text = (cell ?? '').trim();
    if (text === '') return fallback;
    const code = words.read(text);
    if (code === null) {
      this.fail(key, 'import.choice', { value: text, choices: words.words });
      return fallback;
    }
    return code;
  }

  /** The problems of a form schema, each on the column of its field. */
  addIssues(error: z.ZodError, columnOf: (field: string) => K): void {
    for (const issue of error.issues) {
      const field = String(issue.path[0] ?? '');
      this.fail(columnOf(field), isErrorCode(issue.message) ? issue.message : 'invalid');
    }
  }
}
