import { Link } from '@/components/link';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/index';
import { describeRunRange } from '@/components/billing/run-summary';
import { DataTable } from '@/components/tables/data-table';
import { requireRoute } from '@/lib/auth/current-user';
import { listRuns } from '@/lib/billing/find-runs';
import { getAppLocale } from '@/lib/i18n/app-locale';
import { formatDate, formatDateTimeShort, formatMoney } from '@/lib/i18n/format';

type RunRow = Awaited<ReturnType<typeof listRuns>>[number];

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
        <DataTable<RunRow>
          label={t('runs.title')}
          rows={runs}
          rowKey={({ run }) => run.id}
          rowProps={({ run }) => ({ className: run.status === 'reversed' ? 'void' : undefined })}
          columns={[
            { header: t('runs.columns.id'), cell: ({ run }) => <Link href={`/billing/runs/${run.id}`}>{run.id}</Link> },
            { header: t('runs.columns.kind'), cell: ({ run }) => t(`runs.kinds.${run.kind}`) },
            { header: t('runs.columns.cutoff'), isNowrap: true, cell: ({ run }) => formatDate(run.cutoffDate, locale) },
            { header: t('runs.columns.cycle'), cell: ({ run }) => t(`billing.cycles.${run.billingCycle}`) },
            { header: t('runs.columns.range'), cell: ({ run }) => describeRunRange(run, t('runs.allClients')) },
            { header: t('runs.columns.createdBy'), cell: ({ createdBy }) => createdBy },
            { header: t('runs.columns.createdAt'), isNowrap: true, cell: ({ run }) => formatDateTimeShort(run.createdAt, locale) },
            { header: t('runs.columns.invoices'), isNumeric: true, cell: ({ run }) => run.invoiceCount },
            { header: t('runs.columns.calls'), isNumeric: true, cell: ({ run }) => run.callCount },
            { header: t('runs.columns.total'), isNumeric: true, cell: ({ run }) => formatMoney(run.totalCents, locale) },
            { header: t('runs.columns.status'), cell: ({ run }) => t(`runs.statuses.${run.status}`) },
          ]}
        />
      )}
    </>
  );
}
