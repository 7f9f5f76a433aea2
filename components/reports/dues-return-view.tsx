import { getTranslations } from 'next-intl/server';
import { DataTable } from '@/components/tables/data-table';
import { formatDate, formatMoney } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locale';
import type { DuesExemptTrips, DuesFigures, DuesMonth, DuesReturn } from '@/lib/reports/dues-return';
import { formatCount, formatMonth } from '@/lib/reports/report-format';

/**
 * The dues return of a period on the screen: the figures to report, the basis they rest on, the
 * dues invoiced by month (voided and credited taken back), the trips not invoiced yet and the
 * trips without dues by reason.
 */
export async function DuesReturnView({ report, locale }: { report: DuesReturn; locale: Locale }) {
  const t = await getTranslations('reports.dues');
  const money = (cents: number) => formatMoney(cents, locale);
  const count = (trips: number) => formatCount(trips, locale);
  const rates =
    report.rates.length === 0
      ? t('noRate')
      : report.rates.map((rate) => t('rate', { rate: money(rate.rateCents), from: formatDate(rate.effectiveFrom, locale) })).join('; ');
  const figureColumns = (pairs: [keyof DuesFigures, keyof DuesFigures, string, string][]) =>
    pairs.flatMap(([trips, cents, tripsHeader, centsHeader]) => [
      { header: tripsHeader, isNumeric: true, cell: (row: DuesFigures) => count(row[trips]) },
      { header: centsHeader, isNumeric: true, cell: (row: DuesFigures) => money(row[cents]) },
    ]);
  const totalsRow = (pairs: [keyof DuesFigures, keyof DuesFigures][], testId?: string) => (
    <tr data-testid={testId}>
      <th scope="row">{t('totals')}</th>
      {pairs.flatMap(([trips, cents]) => [
        <td key={trips} className="numeric nowrap">
          {count(report.totals[trips])}
        </td>,
        <td key={cents} className="numeric nowrap">
          <strong>{money(report.totals[cents])}</strong>
        </td>,
      ])}
    </tr>
  );
  const declared: [keyof DuesFigures, keyof DuesFigures][] = [
    ['invoicedTrips', 'invoicedCents'],
    ['voidedTrips', 'voidedCents'],
    ['creditedTrips', 'creditedCents'],
    ['netTrips', 'netCents'],
  ];
  const monthColumn = {
    header: t('columns.month'),
    isRowHeader: true,
    isNowrap: true,
    cell: (row: DuesMonth) => formatMonth(row.month, locale),
  };

  return (
    <>
      <dl className="figures" data-testid="dues-return-figures">
        <dt>{t('netTrips')}</dt>
        <dd data-testid="dues-net-trips">{count(report.totals.netTrips)}</dd>
        <dt>{t('netDues')}</dt>
        <dd data-testid="dues-net-dues">
          <strong>{money(report.totals.netCents)}</strong>
        </dd>
      </dl>
      <div className="notice" role="note">
        <p>
          <strong>{t('basisTitle')}</strong> {t('basis')}
        </p>
        <p>{t('voids')}</p>
        <p>{t('credits')}</p>
        <p>{t('rates', { rates })}</p>
        <p>
          <strong>{t('confirm')}</strong>
        </p>
      </div>

      <section aria-labelledby="dues-months-title">
        <h2 id="dues-months-title">{t('monthsTitle')}</h2>
        <DataTable<DuesMonth>
          labelledBy="dues-months-title"
          rows={report.months}
          rowKey={(row) => row.month}
          rowProps={(row) => ({ 'data-testid': `dues-month-${row.month}` })}
          columns={[
            monthColumn,
            ...figureColumns([
              ['invoicedTrips', 'invoicedCents', t('columns.invoicedTrips'), t('columns.invoicedDues')],
              ['voidedTrips', 'voidedCents', t('columns.voidedTrips'), t('columns.voidedDues')],
              ['creditedTrips', 'creditedCents', t('columns.creditedTrips'), t('columns.creditedDues')],
              ['netTrips', 'netCents', t('columns.netTrips'), t('columns.netDues')],
            ]),
          ]}
          footer={totalsRow(declared, 'dues-totals')}
        />
      </section>

      <section aria-labelledby="dues-waiting-title">
        <h2 id="dues-waiting-title">{t('waitingTitle')}</h2>
        <p className="hint">{t('waitingHint')}</p>
        <DataTable<DuesMonth>
          labelledBy="dues-waiting-title"
          rows={report.months}
          rowKey={(row) => row.month}
          columns={[monthColumn, ...figureColumns([['waitingTrips', 'waitingCents', t('columns.waitingTrips'), t('columns.waitingDues')]])]}
          footer={totalsRow([['waitingTrips', 'waitingCents']], 'dues-waiting-totals')}
        />
      </section>

      <section aria-labelledby="dues-exempt-title">
        <h2 id="dues-exempt-title">{t('exemptTitle')}</h2>
        <p className="hint">{t('exemptHint')}</p>
        {report.exempt.length === 0 ? (
          <p>{t('noExempt')}</p>
        ) : (
          <DataTable<DuesExemptTrips>
            labelledBy="dues-exempt-title"
            rows={report.exempt}
            rowKey={(row) => `${row.reason}-${row.clientNumber ?? ''}`}
            columns={[
              { header: t('exemptColumns.reason'), isRowHeader: true, cell: (row) => t(`reasons.${row.reason}`) },
              {
                header: t('exemptColumns.who'),
                cell: (row) => (row.clientNumber === null ? '' : `${row.clientNumber} ${row.name ?? ''}`.trim()),
              },
              { header: t('exemptColumns.detail'), cell: (row) => row.detail ?? '' },
              { header: t('exemptColumns.invoicedTrips'), isNumeric: true, cell: (row) => count(row.invoicedTrips) },
              { header: t('exemptColumns.waitingTrips'), isNumeric: true, cell: (row) => count(row.waitingTrips) },
            ]}
            footer={
              <tr>
                <th scope="row" colSpan={3}>
                  {t('totals')}
                </th>
                <td className="numeric nowrap">{count(report.exemptTotals.invoicedTrips)}</td>
                <td className="numeric nowrap">{count(report.exemptTotals.waitingTrips)}</td>
              </tr>
            }
          />
        )}
      </section>
    </>
  );
}
