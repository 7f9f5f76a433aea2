import type { ErrorCode } from '@/lib/errors';
import type { ImportProblem } from './import-problems';

/** A line of the error table as the person reads it. */
export type ProblemRow = { line: number | null; column: string | null; message: string };

/** The problems in the reader's language; `translate` is `errors`' translator (next-intl). */
export function describeProblems(
  problems: readonly ImportProblem[],
  translate: (code: ErrorCode, params: Record<string, string | number>) => string,
): ProblemRow[] {
  return problems.map((problem) => ({ line: problem.line, column: problem.column, message: translate(problem.code, problem.params) }));
}
