/**
 * The registered dispatcher's annual report of a year as CSV (/reports/ctq/export), semicolons
 * and decimal commas by default (`separator=comma` for the other layout), headers in the reader's
 * language: the twelve months, then the municipalities of origin, then those of destination, each
 * part with its total.
 */
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import type { Db } from '@/db/index';
import { writeCsv, type CsvCell } from '@/lib/csv/write-csv';
import { ctqReport, ctqYear, type CtqMunicipality } from './ctq-report';

export const ctqExportInput = z.object({
  year: ctqYear,
  separator: z.enum(['semicolon', 'comma']).catch('semicolon'),
});
export type CtqExportInput = z.output<typeof ctqExportInput>;

export async function ctqReportFile(db: Db, input: CtqExportInput) {
  const t = await getTranslations('reports.ctq');
  const report = await ctqReport(db, input.year);
  const municipalities = (section: string, list: CtqMunicipality[]): CsvCell[][] => [
    ...list.map((row) => [section, row.name ?? t('unspecified'), row.trips]),
    [section, t('csv.total'), report.total],
  ];
  const rows: CsvCell[][] = [
    [t('csv.section'), t('csv.label'), t('csv.trips')],
    ...report.months.map((trips, index) => [t('csv.months'), `${input.year}-${String(index + 1).padStart(2, '0')}`, trips]),
    [t('csv.months'), t('csv.total'), report.total],
    ...municipalities(t('csv.origins'), report.origins),
    ...municipalities(t('csv.destinations'), report.destinations),
  ];
  return { kind: 'csv', body: writeCsv(rows, { separator: input.separator }), name: `${t('fileName')}-${input.year}` } as const;
}
