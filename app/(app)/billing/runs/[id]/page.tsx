import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { getDb } from '@/db/index';
import { InvoiceTable } from '@/components/billing/invoice-table';
import { ReverseRunButton } from '@/components/billing/reverse-run-button';
import { RunSummary } from '@/components/billing/run-summary';
import { ClientMessages } from '@/components/client-messages';
import { Pager } from '@/components/pager';
import { requireRoute } from '@/lib/auth/current-user';
import { INVOICE_PAGE_SIZE, listRunInvoices } from '@/lib/billing/find-invoices';
import { getRun, summarizeRunInvoices } from '@/lib/billing/find-runs';
import { getAppLocale } from '@/lib/i18n/app-locale';
import { formatDateTimeShort } from '@/lib/i18n/format';
import { defineUrlState, firstValues, parseRouteNumber, type PageSearchParams } from '@/lib/url-state';

const runPageParams = z.object({
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  /** Set by generation when it lands here: the page then says what was created. */
  created: z.preprocess((v) => v === '1', z.boolean()).catch(false),
});

export default async function BillingRunPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: PageSearchParams;
}) {
  await requireRoute('/billing/runs/[id]');
  const id = parseRouteNumber((await params).id);
  const db = getDb();
  const found = id === null ? null : await getRun(db, id);
  if (!found) notFound();
  const { run, createdBy } = found;
  const url = defineUrlState(`/billing/runs/${run.id}`, runPageParams);
  const state = url.parse(await firstValues(searchParams));
  const [invoicePage, { first, last, isDelivered }] = await Promise.all([
    listRunInvoices(db, run.id, state.page),
    summarizeRunInvoices(db, run.id),
  ]);
  const t = await getTranslations();
  const locale = await getAppLocale();
  const pages = Math.max(1, Math.ceil(run.invoiceCount / INVOICE_PAGE_SIZE));

  return (
    <ClientMessages namespaces={['runs']}>
      <>
        <h1>{t('screens.billingRun.title', { id: run.id })}</h1>
        {state.created && first !== null && last !== null ? (
          <p className="form-success" role="status">
            {t('runs.created', { id: run.id, invoices: run.invoiceCount, first, last })}
          </p>
        ) : null}
        {run.status === 'reversed' && run.reversedAt ? (
          <p className="notice" role="status">
            {t('runs.reversedNotice', { date: formatDateTimeShort(run.reversedAt, locale) })}
          </p>
        ) : null}
        <RunSummary run={run} createdBy={createdBy} locale={locale} />
        <h2>{t('runs.invoices')}</h2>
        <InvoiceTable rows={invoicePage.rows} locale={locale} label={t('runs.invoices')} />
        {pages > 1 || state.page > 1 ? (
          <Pager
            label={t('runs.invoices')}
            position={t('runs.page', { page: state.page, pages })}
            previousHref={state.page > 1 ? url.href(state, { page: state.page - 1, created: false }) : null}
            nextHref={invoicePage.hasNextPage ? url.href(state, { page: state.page + 1, created: false }) : null}
          />
        ) : null}
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
