import { Fragment } from 'react';
import { z } from 'zod';
import { getTranslations } from 'next-intl/server';
import { getAppLocale } from '@/lib/i18n/app-locale';
import { getDb } from '@/db/index';
import { GenerateForm } from '@/components/billing/generate-form';
import { requireRoute } from '@/lib/auth/current-user';
import { billingInput } from '@/lib/billing/billing-input';
import { previewBilling } from '@/lib/billing/preview-billing';
import { addDays, todayInMontreal } from '@/lib/dates/montreal';
import { formatMoney } from '@/lib/i18n/format';
import { firstValues, type PageSearchParams } from '@/lib/search-params';
import { ClientMessages } from '@/components/client-messages';

export default async function BillingListPage({ searchParams }: { searchParams: PageSearchParams }) {
  await requireRoute('/billing');
  const t = await getTranslations();
  const locale = await getAppLocale();
  const raw = await firstValues(searchParams);
  const hasAsked = raw.cutoff !== undefined;
  // Default cut-off: yesterday, so that today's calls still being worked wait for the next run.
  const form = {
    cutoff: raw.cutoff ?? addDays(todayInMontreal(), -1),
    cycle: raw.cycle ?? 'all',
    clientFrom: raw.clientFrom ?? '',
    clientTo: raw.clientTo ?? '',
    isGrouped: raw.isGrouped === 'on',
  };
  const parsed = billingInput.safeParse({ ...form, isGrouped: form.isGrouped ? 'on' : undefined });
  const preview = hasAsked && parsed.success ? await previewBilling(getDb(), parsed.data) : null;
  const fieldErrors = parsed.success ? {} : (z.flattenError(parsed.error).fieldErrors as Record<string, string[] | undefined>);
  const money = (cents: number) => formatMoney(cents, locale);
  const exportQuery = new URLSearchParams({ ...form, isGrouped: form.isGrouped ? 'on' : '' }).toString();

  return (
    <ClientMessages namespaces={['billing']}>
      <>
        <h1>{t('screens.billing.title')}</h1>
        <form method="get" action="/billing" className="search-bar billing-form">
          <div className="field narrow-field">
            <label htmlFor="cutoff">{t('billing.cutoff')}</label>
            <input
              id="cutoff"
              name="cutoff"
              type="date"
              defaultValue={form.cutoff}
              required
              aria-invalid={fieldErrors.cutoff ? true : undefined}
            />
            {fieldErrors.cutoff ? <p className="error">{t('errors.call.date')}</p> : null}
          </div>
          <div className="field narrow-field">
            <label htmlFor="cycle">{t('billing.cycle')}</label>
            <select id="cycle" name="cycle" defaultValue={form.cycle}>
              {(['all', 'weekly', 'monthly'] as const).map((cycle) => (
                <option key={cycle} value={cycle}>
                  {t(`billing.cycles.${cycle}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field narrow-field">
            <label htmlFor="clientFrom">{t('billing.clientFrom')}</label>
            <input id="clientFrom" name="clientFrom" inputMode="numeric" defaultValue={form.clientFrom} />
          </div>
          <div className="field narrow-field">
            <label htmlFor="clientTo">{t('billing.clientTo')}</label>
            <input
              id="clientTo"
              name="clientTo"
              inputMode="numeric"
              defaultValue={form.clientTo}
              aria-invalid={fieldErrors.clientTo ? true : undefined}
            />
            {fieldErrors.clientFrom || fieldErrors.clientTo ? <p className="error">{t('errors.billing.range')}</p> : null}
          </div>
          <div className="field checkbox">
            <input id="isGrouped" name="isGrouped" type="checkbox" defaultChecked={form.isGrouped} aria-describedby="isGrouped-hint" />
            <label htmlFor="isGrouped">{t('billing.grouped')}</label>
            <p id="isGrouped-hint" className="hint">
              {t('billing.groupedHint')}
            </p>
          </div>
          <button type="submit" className="primary">
            {t('billing.show')}
          </button>
        </form>

        {preview ? (
          <>
            <p className="result-count" role="status">
              {t('billing.summary', {
                invoices: preview.totals.invoices,
                calls: preview.totals.calls,
                total: money(preview.totals.totalCents),
              })}
            </p>
            {preview.invoices.length === 0 ? (
              <p>{t('billing.empty')}</p>
            ) : (
              <>
                <p className="exports">
                  <a href={`/billing/export?${exportQuery}&separator=semicolon`} download>
                    {t('billing.exportCsvSemicolon')}
                  </a>{' '}
                  ·{' '}
                  <a href={`/billing/export?${exportQuery}&separator=comma`} download>
                    {t('billing.exportCsv')}
                  </a>{' '}
                  ·{' '}
                  <a href={`/billing/export?${exportQuery}&format=pdf`} download>
                    {t('billing.exportPdf')}
                  </a>
                </p>
                <table className="data-table billing-list" aria-label={t('screens.billing.title')}>
                  <thead>
                    <tr>
                      <th scope="col">{t('billing.columns.number')}</th>
                      <th scope="col">{t('billing.columns.name')}</th>
                      <th scope="col" className="numeric">
                        {t('billing.columns.calls')}
                      </th>
                      <th scope="col" className="numeric">
                        {t('billing.columns.subtotal')}
                      </th>
                      <th scope="col" className="numeric">
                        {t('billing.columns.gst')}
                      </th>
                      <th scope="col" className="numeric">
                        {t('billing.columns.qst')}
                      </th>
                      <th scope="col" className="numeric">
                        {t('billing.columns.total')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {preview.invoices.map((invoice) => (
                      <Fragment key={invoice.billedClientNumber}>
                        <tr data-testid={`billed-${invoice.billedClientNumber}`}>
                          <td>{invoice.billedClientNumber}</td>
                          <td>{invoice.name}</td>
                          <td className="numeric">{invoice.calls}</td>
                          <td className="numeric nowrap">{money(invoice.subtotalCents)}</td>
                          <td className="numeric nowrap">{money(invoice.gstCents)}</td>
                          <td className="numeric nowrap">{money(invoice.qstCents)}</td>
                          <td className="numeric nowrap">{money(invoice.totalCents)}</td>
                        </tr>
                        {form.isGrouped ? (
                          <tr className="members-row">
                            <td colSpan={7}>
                              <details>
                                <summary>{t('billing.membersOf', { number: invoice.billedClientNumber })}</summary>
                                <table
                                  className="data-table nested"
                                  aria-label={t('billing.membersOf', { number: invoice.billedClientNumber })}
                                >
                                  <thead>
                                    <tr>
                                      <th scope="col">{t('billing.memberColumns.number')}</th>
                                      <th scope="col">{t('billing.memberColumns.name')}</th>
                                      <th scope="col" className="numeric">
                                        {t('billing.memberColumns.calls')}
                                      </th>
                                      <th scope="col" className="numeric">
                                        {t('billing.memberColumns.subtotal')}
                                      </th>
                                    </tr>
                                  </thead>
                                  <tbody>
                                    {invoice.members.map((member) => (
                                      <tr key={member.clientNumber}>
                                        <td>{member.clientNumber}</td>
                                        <td>{member.name}</td>
                                        <td className="numeric">{member.calls}</td>
                                        <td className="numeric nowrap">{money(member.subtotalCents)}</td>
                                      </tr>
                                    ))}
                                  </tbody>
                                </table>
                              </details>
                            </td>
                          </tr>
                        ) : null}
                      </Fragment>
                    ))}
                  </tbody>
                  <tfoot>
                    <tr>
                      <th scope="row" colSpan={2}>
                        {t('billing.totals')}
                      </th>
                      <td className="numeric">{preview.totals.calls}</td>
                      <td className="numeric nowrap">{money(preview.totals.subtotalCents)}</td>
                      <td className="numeric nowrap">{money(preview.totals.gstCents)}</td>
                      <td className="numeric nowrap">{money(preview.totals.qstCents)}</td>
                      <td className="numeric nowrap">{money(preview.totals.totalCents)}</td>
                    </tr>
                  </tfoot>
                </table>
              </>
            )}
            <GenerateForm
              inputs={form}
              expected={{ invoices: preview.totals.invoices, totalCents: preview.totals.totalCents }}
              totalLabel={money(preview.totals.totalCents)}
            />
          </>
        ) : null}
      </>
    </ClientMessages>
  );
}
