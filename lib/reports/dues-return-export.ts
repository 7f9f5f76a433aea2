/**
 * The dues return of the screen's period as a file (/reports/dues/export): CSV, the default
 * (semicolons and decimal commas; `separator=comma` for the other layout), or, with `format=pdf`,
 * a PDF, each with its headers in the reader's language. The CSV holds a row per month and the
 * totals, then a row per reason a passenger trip carries no dues.
 */
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import type { Db } from '@/db/index';
import { writeCsv, type CsvCell } from '@/lib/csv/write-csv';
import { getAppLocale } from '@/lib/i18n/app-locale';
import { formatDate, formatMoney } from '@/lib/i18n/format';
import { getCompanySettings } from '@/lib/settings/company-settings';
import { DUES_FIGURES, duesReturn, parseDuesPeriod, type DuesFigures } from './dues-return';
import { renderDuesReturnPdf } from './dues-return-pdf';
import { formatCount, formatMonth } from './report-format';

/** The period (both dates, in order, a year at most), the file's format and the CSV's separator (an unknown one: the default). */
export const duesExportInput = z
  .object({
    from: z.string().optional(),
    to: z.string().optional(),
    format: z.enum(['csv', 'pdf']).catch('csv'),
    separator: z.enum(['semicolon', 'comma']).catch('semicolon'),
  })
  .transform((input, ctx) => {
    const parsed = parseDuesPeriod(input);
    if ('problems' in parsed) {
      ctx.addIssue({ code: 'custom', message: parsed.problems.join(' ') });
      return z.NEVER;
    }
    return { period: parsed.period, format: input.format, separator: input.separator };
  });
export type DuesExportInput = z.output<typeof duesExportInput>;

const cellsOf = (row: DuesFigures): CsvCell[] =>
  DUES_FIGURES.map((figure) => (figure.endsWith('Cents') ? { cents: row[figure] } : row[figure]));

export async function duesReturnFile(db: Db, input: DuesExportInput) {
  const t = await getTranslations('reports.dues');
  const locale = await getAppLocale();
  const report = await duesReturn(db, input.period);
  const { from, to } = input.period;
  const name = `${t('fileName')}-${from}-${to}`;
  const columns = {
    month: t('columns.month'),
    invoicedTrips: t('columns.invoicedTrips'),
    invoicedCents: t('columns.invoicedDues'),
    voidedTrips: t('columns.voidedTrips'),
    voidedCents: t('columns.voidedDues'),
    creditedTrips: t('columns.creditedTrips'),
    creditedCents: t('columns.creditedDues'),
    netTrips: t('columns.netTrips'),
    netCents: t('columns.netDues'),
    waitingTrips: t('columns.waitingTrips'),
    waitingCents: t('columns.waitingDues'),
  };
  const reasons = {
    municipal_contract: t('reasons.municipal_contract'),
    transit_contract: t('reasons.transit_contract'),
    act: t('reasons.act'),
    tariff: t('reasons.tariff'),
    noRate: t('reasons.noRate'),
  };

  if (input.format === 'pdf') {
    const company = await getCompanySettings(db);
    const pdf = await renderDuesReturnPdf(report, {
      money: (cents) => formatMoney(cents, locale),
      count: (trips) => formatCount(trips, locale),
      monthOf: (month) => formatMonth(month, locale),
      labels: {
        title: t('pdfTitle'),
        subtitle: t('pdfSubtitle', { from: formatDate(from, locale), to: formatDate(to, locale) }),
        columns,
        totals: t('totals'),
        exemptTitle: t('exemptTitle'),
        reasons,
        page: (page, pages) => t('pdfPage', { page, pages }),
        company: company?.name ?? '',
      },
    });
    return { kind: 'pdf', body: pdf, name } as const;
  }

  const exemptColumns = { who: t('exemptColumns.who'), detail: t('exemptColumns.detail') };
  const rows: CsvCell[][] = [
    [
      t('csv.kind'),
      `${columns.month} / ${t('exemptColumns.reason')}`,
      exemptColumns.who,
      exemptColumns.detail,
      ...DUES_FIGURES.map((figure) => columns[figure]),
    ],
    ...report.months.map((month) => [t('csv.month'), month.month, '', '', ...cellsOf(month)]),
    [t('csv.total'), `${from} – ${to}`, '', '', ...cellsOf(report.totals)],
    // The trips without dues: their counts in the columns of the trips invoiced and not invoiced.
    ...report.exempt.map((row) => [
      t('csv.exempt'),
      reasons[row.reason],
      row.clientNumber === null ? '' : `${row.clientNumber} ${row.name ?? ''}`.trim(),
      row.detail ?? '',
      ...DUES_FIGURES.map((figure) => (figure === 'invoicedTrips' ? row.invoicedTrips : figure === 'waitingTrips' ? row.waitingTrips : '')),
    ]),
  ];
  return { kind: 'csv', body: writeCsv(rows, { separator: input.separator }), name } as const;
}
