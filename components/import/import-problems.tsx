'use client';

import { useTranslations } from 'next-intl';
import { DataTable } from '@/components/tables/data-table';
import type { ProblemRow } from '@/lib/import/describe-problems';

/** The error table of a file: line, column (as the file names it) and the reason. */
export function ImportProblems({ problems }: { problems: ProblemRow[] }) {
  const t = useTranslations('importAdmin');
  return (
    <DataTable<ProblemRow & { key: number }>
      label={t('errorsLabel')}
      rows={problems.map((problem, key) => ({ ...problem, key }))}
      rowKey={(problem) => problem.key}
      columns={[
        { header: t('columns.line'), isNumeric: true, cell: (problem) => problem.line ?? t('wholeFile') },
        { header: t('columns.column'), cell: (problem) => problem.column ?? t('wholeLine') },
        { header: t('columns.reason'), cell: (problem) => problem.message },
      ]}
    />
  );
}
