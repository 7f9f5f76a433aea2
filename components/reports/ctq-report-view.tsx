import { getTranslations } from 'next-intl/server';
import { DataTable } from '@/components/tables/data-table';
import type { Locale } from '@/lib/i18n/locale';
import type { CtqMunicipality, CtqReport } from '@/lib/reports/ctq-report';
import { formatCount, formatMonth } from '@/lib/reports/report-format';

type MonthRow = { month: string; trips: number };

/** The registered dispatcher's annual report on the screen: the trips by month, by municipality of origin and of destination. */
export async function CtqReportView({ report, locale }: { report: CtqReport; locale: Locale }) {
  const t = await getTranslations('reports.ctq');
  const count = (trips: number) => formatCount(trips, locale);
  const months: MonthRow[] = report.months.map((trips, index) => ({
    month: `${report.year}-${String(index + 1).padStart(2, '0')}`,
    trips,
  }));
  const totalRow = (testId: string) => (
    <tr data-testid={testId}>
      <th scope="row">{t('totals')}</th>
      <td className="numeric nowrap">
        <strong>{count(report.total)}</strong>
      </td>
    </tr>
  );
  const municipalities = (id: string, title: string, rows: CtqMunicipality[]) => (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <DataTable<CtqMunicipality>
        labelledBy={id}
        rows={rows}
        rowKey={(row) => row.id ?? 'none'}
        columns={[
          { header: t('columns.municipality'), isRowHeader: true, cell: (row) => row.name ?? t('unspecified') },
          { header: t('columns.trips'), isNumeric: true, cell: (row) => count(row.trips) },
        ]}
        footer={totalRow(`${id}-total`)}
      />
    </section>
  );
  return (
    <>
      <dl className="figures">
        <dt>{t('total', { year: report.year })}</dt>
        <dd data-testid="ctq-total">
          <strong>{count(report.total)}</strong>
        </dd>
      </dl>
      <section aria-labelledby="ctq-months">
        <h2 id="ctq-months">{t('monthsTitle')}</h2>
        <DataTable<MonthRow>
          labelledBy="ctq-months"
          rows={months}
          rowKey={(row) => row.month}
          columns={[
            { header: t('columns.month'), isRowHeader: true, isNowrap: true, cell: (row) => formatMonth(row.month, locale) },
            { header: t('columns.trips'), isNumeric: true, cell: (row) => count(row.trips) },
          ]}
          footer={totalRow('ctq-months-total')}
        />
      </section>
      {municipalities('ctq-origins', t('originsTitle'), report.origins)}
      {municipalities('ctq-destinations', t('destinationsTitle'), report.destinations)}
    </>
  );
}
