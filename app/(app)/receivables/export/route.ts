import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/index';
import { requireFileRoute } from '@/lib/auth/current-user';
import { todayInMontreal } from '@/lib/dates/montreal';
import { agingAsOf, memberAgingAsOf } from '@/lib/receivables/aging';
import { agingCsv } from '@/lib/receivables/aging-csv';
import { agingSearchUrl } from '@/lib/receivables/aging-url';

/** The aging of the screen's query as CSV (semicolons and decimal commas; `separator=comma` for the other layout). */
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
    rowKinds: { client: t('columns.number'), member: tb('csv.member'), total: t('columns.balance') },
  });
  return new Response(csv, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="age-comptes-${isGrouped ? 'regroupes' : 'normaux'}-${asOf}.csv"`,
      'cache-control': 'no-store',
    },
  });
}
