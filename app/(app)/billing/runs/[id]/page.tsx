import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getAppLocale } from '@/lib/i18n/app-locale';
import { getDb } from '@/db/index';
import { InvoiceTable } from '@/components/billing/invoice-table';
import { ReverseRunButton } from '@/components/billing/reverse-run-button';
import { requireRoute } from '@/lib/auth/current-user';
import { getRun, listRunInvoices } from '@/lib/billing/find-runs';
import { formatDate, formatDateTimeShort, formatMoney } from '@/lib/i18n/format';
import { ClientMessages } from '@/components/client-messages';

export default async function BillingRunPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ created?: string }>;
}) {
  await requireRoute('/billing/runs/[id]');
  const { id: raw } = await params;
  const db = getDb();
  const found = /^\d{1,12}$/.test(raw) ? await getRun(db, Number(raw)) : null;
  if (!found) notFound();
  const { run, createdBy } = found;
  const runInvoices = await listRunInvoices(db, run.id);
  const t = await getTranslations();
  const locale = await getAppLocale();
  const { created } = await searchParams;
  const isDelivered = runInvoices.some((i) => i.printedAt || i.emailedAt);
  // listRunInvoices orders by number: the first and the last, without spreading a list of any length.
  const first = runInvoices[0]?.number;
  const last = runInvoices.at(-1)?.number;

  return (
    <ClientMessages namespaces={['runs']}>
      <>
        <h1>{t('screens.billingRun.title', { id: run.id })}</h1>
        {created && first !== undefined && last !== undefined ? (
          <p className="form-success" role="status">
            {t('runs.created', { id: run.id, invoices: run.invoiceCount, first, last })}
          </p>
        ) : null}
        {run.status === 'reversed' && run.reversedAt ? (
          <p className="notice" role="status">
            {t('runs.reversedNotice', { date: formatDateTimeShort(run.reversedAt, locale) })}
          </p>
        ) : null}
        <dl className="summary">
          <dt>{t('runs.columns.kind')}</dt>
          <dd>{t(`runs.kinds.${run.kind}`)}</dd>
          <dt>{t('runs.columns.cutoff')}</dt>
          <dd>{formatDate(run.cutoffDate, locale)}</dd>
          <dt>{t('runs.columns.cycle')}</dt>
          <dd>{t(`billing.cycles.${run.billingCycle}`)}</dd>
          <dt>{t('runs.columns.range')}</dt>
          <dd>{run.clientFrom || run.clientTo ? `${run.clientFrom ?? '…'} – ${run.clientTo ?? '…'}` : t('runs.allClients')}</dd>
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
          <dd>{formatMoney(run.subtotalCents, locale)}</dd>
          <dt>{t('invoice.gst')}</dt>
          <dd>{formatMoney(run.gstCents, locale)}</dd>
          <dt>{t('invoice.qst')}</dt>
          <dd>{formatMoney(run.qstCents, locale)}</dd>
          <dt>{t('invoice.total')}</dt>
          <dd>
            <strong>{formatMoney(run.totalCents, locale)}</strong>
          </dd>
          <dt>{t('runs.columns.status')}</dt>
          <dd>{t(`runs.statuses.${run.status}`)}</dd>
        </dl>
        <h2>{t('runs.invoices')}</h2>
        <InvoiceTable rows={runInvoices} locale={locale} label={t('runs.invoices')} />
        {run.status === 'completed' ? (
          isDelivered ? (
            <p className="hint">{t('runs.cannotReverse')}</p>
          ) : (
            <ReverseRunButton id={run.id} />
          )
        ) : null}
      </>
    </ClientMessages>
  );
}
