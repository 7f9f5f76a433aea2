/**
 * The billing list as a file for the same inputs as the screen (/billing/export): CSV, the
 * default (semicolons and decimal commas; `separator=comma` for the other layout), or, with
 * `format=pdf`, a PDF, each with its headers in the reader's language.
 */
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import type { Db } from '@/db/index';
import { getAppLocale } from '@/lib/i18n/app-locale';
import { formatDate, formatMoney } from '@/lib/i18n/format';
import { renderBillingListPdf } from '@/lib/pdf/billing-list-pdf';
import { getCompanySettings } from '@/lib/settings/company-settings';
import { billingListCsv } from '@/lib/billing/billing-csv';
import { billingInput } from '@/lib/billing/billing-input';
import { previewBilling } from '@/lib/billing/preview-billing';

/** The screen's inputs, the file's format and the CSV's separator (an unknown one: the default). */
export const billingExportInput = billingInput.extend({
  format: z.enum(['csv', 'pdf']).catch('csv'),
  separator: z.enum(['semicolon', 'comma']).catch('semicolon'),
});
export type BillingExportInput = z.output<typeof billingExportInput>;

export async function billingListFile(db: Db, input: BillingExportInput) {
  const t = await getTranslations('billing');
  const preview = await previewBilling(db, input);
  const subtotalKind = (label: string, value: string | null) =>
    t('csv.subtotal', { hasValue: String(value !== null), label, value: value ?? '' });
  const name = `liste-facturation-${input.isGrouped ? 'regroupee' : 'normale'}-${input.cutoff}`;

  if (input.format === 'pdf') {
    const locale = await getAppLocale();
    const company = await getCompanySettings(db);
    const pdf = await renderBillingListPdf(preview, {
      isGrouped: input.isGrouped,
      money: (cents) => formatMoney(cents, locale),
      labels: {
        title: `${t('pdfTitle')}${input.isGrouped ? ` — ${t('grouped')}` : ''}`,
        subtitle: t('pdfSubtitle', {
          cutoff: formatDate(input.cutoff, locale),
          cycle: t(`cycles.${input.cycle}`),
          invoices: preview.totals.invoices,
        }),
        columns: {
          number: t('columns.number'),
          name: t('columns.name'),
          calls: t('columns.calls'),
          subtotal: t('columns.subtotal'),
          dues: t('columns.dues'),
          gst: t('columns.gst'),
          qst: t('columns.qst'),
          total: t('columns.total'),
        },
        totals: t('totals'),
        subtotal: subtotalKind,
        page: (page, pages) => t('pdfPage', { page, pages }),
        company: company?.name ?? '',
      },
    });
    return { kind: 'pdf', body: pdf, name } as const;
  }

  const csv = billingListCsv(preview, {
    separator: input.separator,
    isGrouped: input.isGrouped,
    headers: [
      t('csv.kind'),
      t('columns.number'),
      t('columns.name'),
      t('memberColumns.number'),
      t('memberColumns.name'),
      t('columns.calls'),
      t('columns.subtotal'),
      t('columns.dues'),
      t('columns.gst'),
      t('columns.qst'),
      t('columns.total'),
    ],
    rowKinds: { invoice: t('csv.invoice'), member: t('csv.member'), total: t('totals'), subtotal: subtotalKind },
  });
  return { kind: 'csv', body: csv, name } as const;
}
