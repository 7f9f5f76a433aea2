import { getTranslations } from 'next-intl/server';
import type { billingRuns } from '@/db/schema';
import { formatDate, formatDateTimeShort, formatMoney } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locale';

/** A billing run's inputs, author, counts and amounts, as recorded when it was generated. */
export async function RunSummary({ run, createdBy, locale }: { run: typeof billingRuns.$inferSelect; createdBy: string; locale: Locale }) {
  const t = await getTranslations();
  const money = (cents: number) => formatMoney(cents, locale);
  return (
    <dl className="summary">
      <dt>{t('runs.columns.kind')}</dt>
      <dd>{t(`runs.kinds.${run.kind}`)}</dd>
      <dt>{t('runs.columns.cutoff')}</dt>
      <dd>{formatDate(run.cutoffDate, locale)}</dd>
      <dt>{t('runs.columns.cycle')}</dt>
      <dd>{t(`billing.cycles.${run.billingCycle}`)}</dd>
      <dt>{t('runs.columns.range')}</dt>
      <dd>{describeRunRange(run, t('runs.allClients'))}</dd>
      <dt>{t('runs.issueDate')}</dt>
      <dd>{formatDate(run.issueDate, locale)}</dd>
      <dt>{t('runs.columns.createdBy')}</dt>
      <dd>
        {createdBy}, {formatDateTimeShort(run.createdAt, locale)}
      </dd>
      <dt>{t('runs.columns.invoices')}</dt>
      <dd>{run.invoiceCount}</dd>
      <dt>{t('runs.columns.calls')}</dt>
      <dd>{run.callCount}</dd>
      <dt>{t('invoice.subtotal')}</dt>
      <dd>{money(run.subtotalCents)}</dd>
      <dt>{t('invoice.gst')}</dt>
      <dd>{money(run.gstCents)}</dd>
      <dt>{t('invoice.qst')}</dt>
      <dd>{money(run.qstCents)}</dd>
      <dt>{t('invoice.total')}</dt>
      <dd>
        <strong>{money(run.totalCents)}</strong>
      </dd>
      <dt>{t('runs.columns.status')}</dt>
      <dd>{t(`runs.statuses.${run.status}`)}</dd>
    </dl>
  );
}

/** The client range a run was generated for: "12000 – 12999", "12000 – …", or all clients. */
export function describeRunRange(run: { clientFrom: number | null; clientTo: number | null }, allClients: string): string {
  return run.clientFrom || run.clientTo ? `${run.clientFrom ?? '…'} – ${run.clientTo ?? '…'}` : allClients;
}
