import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getAppLocale } from '@/lib/i18n/app-locale';
import { getDb } from '@/db/index';
import { EmailControls, ResendButton } from '@/components/billing/delivery-controls';
import { requireRoute } from '@/lib/auth/current-user';
import { listRuns } from '@/lib/billing/find-runs';
import { deliverySelection } from '@/lib/delivery/delivery-input';
import { emailProgress } from '@/lib/delivery/email-queue';
import { selectDeliveryInvoices } from '@/lib/delivery/select-invoices';
import { formatDateTimeShort } from '@/lib/i18n/format';
import { firstValues, type PageSearchParams } from '@/lib/search-params';
import { ClientMessages } from '@/components/client-messages';

export default async function DeliveryPage({ searchParams }: { searchParams: PageSearchParams }) {
  await requireRoute('/billing/delivery');
  const t = await getTranslations();
  const locale = await getAppLocale();
  const raw = await firstValues(searchParams);
  const form = {
    runId: raw.runId ?? '',
    from: raw.from ?? '',
    to: raw.to ?? '',
    isGrouped: raw.isGrouped === 'on',
    method: raw.method === 'email' ? 'email' : 'print',
  };
  const db = getDb();
  const parsed = raw.method ? deliverySelection.safeParse({ ...form, isGrouped: form.isGrouped ? 'on' : undefined }) : null;
  const [runs, printable, progress] = await Promise.all([
    listRuns(db, { limit: 50 }),
    parsed?.success && form.method === 'print' ? selectDeliveryInvoices(db, parsed.data) : Promise.resolve(null),
    parsed?.success && form.method === 'email' ? emailProgress(db, parsed.data) : Promise.resolve(null),
  ]);
  const hasSmtp = Boolean(process.env.SMTP_URL);

  return (
    <ClientMessages namespaces={['delivery']}>
      <>
        <h1>{t('screens.delivery.title')}</h1>
        <form method="get" action="/billing/delivery" className="search-bar">
          <div className="field">
            <label htmlFor="runId">{t('delivery.run')}</label>
            <select id="runId" name="runId" defaultValue={form.runId}>
              <option value="">{t('delivery.anyRun')}</option>
              {runs
                .filter(({ run }) => run.status === 'completed')
                .map(({ run }) => (
                  <option key={run.id} value={run.id}>
                    {t('delivery.runOption', {
                      id: run.id,
                      kind: t(`runs.kinds.${run.kind}`),
                      date: run.issueDate,
                      count: run.invoiceCount,
                    })}
                  </option>
                ))}
            </select>
          </div>
          <span className="hint">{t('delivery.or')}</span>
          <div className="field narrow-field">
            <label htmlFor="from">{t('delivery.from')}</label>
            <input id="from" name="from" type="date" defaultValue={form.from} />
          </div>
          <div className="field narrow-field">
            <label htmlFor="to">{t('delivery.to')}</label>
            <input id="to" name="to" type="date" defaultValue={form.to} />
          </div>
          <div className="field checkbox">
            <input id="isGrouped" name="isGrouped" type="checkbox" defaultChecked={form.isGrouped} />
            <label htmlFor="isGrouped">{t('delivery.grouped')}</label>
          </div>
          <fieldset className="field method">
            <legend>{t('delivery.method')}</legend>
            <label>
              <input type="radio" name="method" value="print" defaultChecked={form.method === 'print'} /> {t('delivery.print')}
            </label>
            <label>
              <input type="radio" name="method" value="email" defaultChecked={form.method === 'email'} /> {t('delivery.email')}
            </label>
          </fieldset>
          <button type="submit" className="primary">
            {t('delivery.show')}
          </button>
        </form>
        {parsed && !parsed.success ? (
          <p className="form-error" role="alert">
            {parsed.error.issues
              .map((issue) => (t.has(`errors.${issue.message}`) ? t(`errors.${issue.message}`) : t('errors.invalid')))
              .join(' ')}
          </p>
        ) : null}
        {!parsed ? <p>{t('delivery.prompt')}</p> : null}

        {printable ? (
          printable.length === 0 ? (
            <p>{t('delivery.none')}</p>
          ) : (
            <section aria-labelledby="print-title">
              <h2 id="print-title">{t('delivery.printTitle', { count: printable.length })}</h2>
              <form method="post" action="/billing/delivery/print" className="delivery-controls">
                <input type="hidden" name="runId" value={form.runId} />
                <input type="hidden" name="from" value={form.from} />
                <input type="hidden" name="to" value={form.to} />
                {form.isGrouped ? <input type="hidden" name="isGrouped" value="on" /> : null}
                <button type="submit" className="primary">
                  {t('delivery.printButton')}
                </button>
                <span className="hint">{t('delivery.printHint')}</span>
              </form>
              <table className="data-table" aria-labelledby="print-title">
                <thead>
                  <tr>
                    <th scope="col">{t('delivery.columns.number')}</th>
                    <th scope="col">{t('delivery.columns.client')}</th>
                    <th scope="col">{t('delivery.columns.status')}</th>
                  </tr>
                </thead>
                <tbody>
                  {printable.map((invoice) => (
                    <tr key={invoice.id}>
                      <td>
                        <Link href={`/invoices/${invoice.number}`}>{invoice.number}</Link>
                      </td>
                      <td>
                        {invoice.billedClientNumber} — {invoice.billToName}
                      </td>
                      <td>
                        {invoice.printedAt
                          ? t('delivery.printed', { date: formatDateTimeShort(invoice.printedAt, locale) })
                          : t('delivery.notPrinted')}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          )
        ) : null}

        {progress && parsed?.success ? (
          progress.counts.total === 0 ? (
            <p>{t('delivery.none')}</p>
          ) : (
            <section aria-labelledby="email-title">
              <h2 id="email-title">{t('delivery.emailTitle')}</h2>
              {!hasSmtp ? (
                <p className="notice">
                  {t('delivery.outbox')} <Link href="/admin/outbox">{t('delivery.outboxLink')}</Link>
                </p>
              ) : null}
              <p role="status" data-testid="email-counts">
                {t('delivery.counts', progress.counts)}
              </p>
              <EmailControls
                selection={{ runId: form.runId, from: form.from, to: form.to, isGrouped: form.isGrouped }}
                hasPending={progress.counts.pending > 0}
                hasFailures={progress.counts.failed > 0}
                hasUnsent={progress.counts.none > 0}
              />
              <table className="data-table" aria-labelledby="email-title">
                <thead>
                  <tr>
                    <th scope="col">{t('delivery.columns.number')}</th>
                    <th scope="col">{t('delivery.columns.client')}</th>
                    <th scope="col">{t('delivery.columns.recipients')}</th>
                    <th scope="col">{t('delivery.columns.status')}</th>
                    <th scope="col">{t('delivery.columns.detail')}</th>
                  </tr>
                </thead>
                <tbody>
                  {progress.invoices.map((invoice) => (
                    <tr key={invoice.number} data-testid={`email-${invoice.number}`}>
                      <td>
                        <Link href={`/invoices/${invoice.number}`}>{invoice.number}</Link>
                      </td>
                      <td>
                        {invoice.billedClientNumber} — {invoice.name}
                      </td>
                      <td>{invoice.recipients.join(', ')}</td>
                      <td>{t(`delivery.statuses.${invoice.status}`)}</td>
                      <td>
                        {invoice.error && invoice.status !== 'sent' ? <span className="error">{invoice.error} </span> : null}
                        {invoice.attempts > 0 ? <span className="hint">{t('delivery.attempts', { count: invoice.attempts })} </span> : null}
                        {invoice.status === 'sent' ? <ResendButton number={invoice.number} /> : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          )
        ) : null}
      </>
    </ClientMessages>
  );
}
