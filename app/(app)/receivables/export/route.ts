import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/index';
import { requireFileRoute } from '@/lib/auth/current-user';
import { downloadResponse } from '@/lib/http/file-response';
import { todayInMontreal } from '@/lib/dates/montreal';
import { agingAsOf, memberAgingAsOf } from '@/lib/receivables/aging';
import { agingCsv } from '@/lib/receivables/aging-csv';
import { renderAgingPdf } from '@/lib/pdf/aging-pdf';
import { getAppLocale } from '@/lib/i18n/app-locale';
import { formatDate, formatMoney } from '@/lib/i18n/format';
import { getCompanySettings } from '@/lib/settings/company-settings';
import { agingSearchUrl } from '@/lib/receivables/aging-url';

/**
 * The aging of the screen's query as CSV (semicolons and decimal commas; `separator=comma` for
 * the other layout) or, with `format=pdf`, as a PDF.
 */
export async function GET(request: Request) {
  const access = await requireFileRoute(request, '/receivables/export');
  if (access.refusal) return access.refusal;
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const search = agingSearchUrl.parse(params);
  const asOf = search.asOf ?? todayInMontreal();
  const isGrouped = search.grouped === 'on';
  const db = getDb();
  const report = await agingAsOf(db, { asOf, isGrouped, sort: search.sort, pageSize: null });
  const members = await memberAgingAsOf(
    db,
    asOf,
    report.rows.filter((row) => row.isHead).map((row) => row.clientNumber),
  );
  const t = await getTranslations('aging');
  const tb = await getTranslations('billing');
  const name = `age-comptes-${isGrouped ? 'regroupes' : 'normaux'}-${asOf}`;

  if (params.format === 'pdf') {
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
    return downloadResponse(pdf, 'pdf', name);
  }

  const csv = agingCsv(report, members, {
    separator: params.separator === 'comma' ? 'comma' : 'semicolon',
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
  return downloadResponse(csv, 'csv', name);
}
