import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getAppLocale } from '@/lib/i18n/app-locale';
import { getDb } from '@/db/index';
import { requireRoute } from '@/lib/auth/current-user';
import { listRuns } from '@/lib/billing/find-runs';
import { formatDate, formatDateTimeShort, formatMoney } from '@/lib/i18n/format';

export default async function BillingRunsPage() {
  await requireRoute('/billing/runs');
  const t = await getTranslations();
  const locale = await getAppLocale();
  const runs = await listRuns(getDb());
  return (
    <>
      <h1>{t('runs.title')}</h1>
      {runs.length === 0 ? (
        <p>{t('runs.none')}</p>
      ) : (
        <table className="data-table" aria-label={t('runs.title')}>
          <thead>
            <tr>
              {(['id', 'kind', 'cutoff', 'cycle', 'range', 'createdBy', 'createdAt', 'invoices', 'calls', 'total', 'status'] as const).map(
                (column) => (
                  <th key={column} scope="col" className={['invoices', 'calls', 'total'].includes(column) ? 'numeric' : undefined}>
                    {t(`runs.columns.${column}`)}
                  </th>
                ),
              )}
            </tr>
          </thead>
          <tbody>
            {runs.map(({ run, createdBy }) => (
              <tr key={run.id} className={run.status === 'reversed' ? 'void' : undefined}>
                <td>
                  <Link href={`/billing/runs/${run.id}`}>{run.id}</Link>
                </td>
                <td>{t(`runs.kinds.${run.kind}`)}</td>
                <td className="nowrap">{formatDate(run.cutoffDate, locale)}</td>
                <td>{t(`billing.cycles.${run.billingCycle}`)}</td>
                <td>{run.clientFrom || run.clientTo ? `${run.clientFrom ?? '…'} – ${run.clientTo ?? '…'}` : t('runs.allClients')}</td>
                <td>{createdBy}</td>
                <td className="nowrap">{formatDateTimeShort(run.createdAt, locale)}</td>
                <td className="numeric">{run.invoiceCount}</td>
                <td className="numeric">{run.callCount}</td>
                <td className="numeric nowrap">{formatMoney(run.totalCents, locale)}</td>
                <td>{t(`runs.statuses.${run.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
