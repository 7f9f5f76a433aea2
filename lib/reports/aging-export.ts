/**
 * The aging of the screen's query as a file (/receivables/export): CSV, the default (semicolons
 * and decimal commas; `separator=comma` for the other layout), or, with `format=pdf`, a PDF, each
 * with its headers in the reader's language.
 */
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import type { Db } from '@/db/index';
import { todayInMontreal } from '@/lib/dates/montreal';
import { getAppLocale } from '@/lib/i18n/app-locale';
import { formatDate, formatMoney } from '@/lib/i18n/format';
import { renderAgingPdf } from '@/lib/pdf/aging-pdf';
import { getCompanySettings } from '@/lib/settings/company-settings';
import { agingAsOf, memberAgingAsOf } from '@/lib/receivables/aging';
import { agingCsv } from '@/lib/receivables/aging-csv';
import { agingSearchParams } from '@/lib/receivables/aging-url';

/** The screen's query (a stale value falls back to its default, as on the screen), the file's format and the CSV's separator. */
export const agingExportInput = agingSearchParams.extend({
  format: z.enum(['csv', 'pdf']).catch('csv'),
  separator: z.enum(['semicolon', 'comma']).catch('semicolon'),
});
export type AgingExportInput = z.output<typeof agingExportInput>;

export async function agingFile(db: Db, input: AgingExportInput) {
  const asOf = input.asOf ?? todayInMontreal();
  const isGrouped = input.grouped === 'on';
  const report = await agingAsOf(db, { asOf, isGrouped, sort: input.sort, pageSize: null });
  const members = await memberAgingAsOf(
    db,
    asOf,
    report.rows.filter((row) => row.isHead).map((row) => row.clientNumber),
  );
  const t = await getTranslations('aging');
  const tb = await getTranslations('billing');
  const name = `age-comptes-${isGrouped ? 'regroupes' : 'normaux'}-${asOf}`;

  if (input.format === 'pdf') {
    const locale = await getAppLocale();
    const company = await getCompanySettings(db);
    const pdf = await renderAgingPdf(report, members, {
      money: (cents) => formatMoney(cents, locale),
      labels: {
        title: `${t('pdfTitle')}${isGrouped ? ` — ${t('grouped')}` : ''}`,
        subtitle: t('pdfSubtitle', { asOf: formatDate(asOf, locale), kind: t(`pdfKinds.${isGrouped ? 'grouped' : 'normal'}`) }),
        columns: {
          number: t('columns.number'),
          name: t('columns.name'),
          current: t('columns.current'),
          days1to30: t('columns.days1to30'),
          days31to60: t('columns.days31to60'),
          days61to90: t('columns.days61to90'),
          over90: t('columns.over90'),
          balance: t('columns.balance'),
          credit: t('columns.credit'),
        },
        totals: t('totals', { count: report.clientCount }),
        page: (page, pages) => t('pdfPage', { page, pages }),
        company: company?.name ?? '',
      },
    });
    return { kind: 'pdf', body: pdf, name } as const;
  }

  const csv = agingCsv(report, members, {
    separator: input.separator,
    headers: [
      tb('csv.kind'),
      t('columns.number'),
      t('columns.name'),
      tb('memberColumns.number'),
      tb('memberColumns.name'),
      t('columns.current'),
      t('columns.days1to30'),
      t('columns.days31to60'),
      t('columns.days61to90'),
      t('columns.over90'),
      t('columns.balance'),
      t('columns.credit'),
    ],
    rowKinds: { client: t('csv.client'), member: t('csv.member'), total: t('csv.total') },
  });
  return { kind: 'csv', body: csv, name } as const;
}
