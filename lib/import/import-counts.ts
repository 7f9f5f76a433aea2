import type { ProblemList } from './import-problems';

/** What an import found in a file (a check) or did with it. */
export type ImportCounts = { rows: number; created: number; updated: number; unchanged: number };

export const noCounts = (): ImportCounts => ({ rows: 0, created: 0, updated: 0, unchanged: 0 });

/** How one kind's import runs: who imports, whether it writes, where its problems go. */
export type ImportSettings = {
  actorId: number;
  /** false for the check (the dry run): nothing is written. */
  isApplied: boolean;
  /** Montréal's date today: the default date of a change of group. */
  today: string;
  problems: ProblemList;
  /** Told the number of lines read so far, now and then. */
  onRows: (rows: number) => void;
};
