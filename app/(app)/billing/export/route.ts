import { getTranslations } from 'next-intl/server';
import { getAppLocale } from '@/lib/i18n/app-locale';
import { getDb } from '@/db/index';
import { requireFileRoute } from '@/lib/auth/current-user';
import { downloadResponse } from '@/lib/http/file-response';
import { billingInput } from '@/lib/billing/billing-input';
import { billingListCsv } from '@/lib/billing/billing-csv';
import { renderBillingListPdf } from '@/lib/pdf/billing-list-pdf';
import { previewBilling } from '@/lib/billing/preview-billing';
import { formatDate, formatMoney } from '@/lib/i18n/format';
import { getCompanySettings } from '@/lib/settings/company-settings';

/** The billing list as CSV (format=csv, the default) or PDF (format=pdf), for the same inputs as the screen. */
export async function GET(request: Request) {
  const access = await requireFileRoute(request, '/billing/export');
  if (access.refusal) return access.refusal;
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = billingInput.safeParse(params);
  if (!parsed.success) return new Response('Paramètres invalides / Invalid parameters', { status: 400 });
  const t = await getTranslations('billing');
  const locale = await getAppLocale();
  const db = getDb();
  const preview = await previewBilling(db, parsed.data);
  const name = `liste-facturation-${parsed.data.isGrouped ? 'regroupee' : 'normale'}-${parsed.data.cutoff}`;

  if (params.format === 'pdf') {
    const company = await getCompanySettings(db);
    const pdf = await renderBillingListPdf(preview, {
      isGrouped: parsed.data.isGrouped,
      money: (cents) => formatMoney(cents, locale),
      labels: {
        title: `${t('pdfTitle')}${parsed.data.isGrouped ? ` — ${t('grouped')}` : ''}`,
        subtitle: t('pdfSubtitle', {
          cutoff: formatDate(parsed.data.cutoff, locale),
          cycle: t(`cycles.${parsed.data.cycle}`),
          invoices: preview.totals.invoices,
        }),
        columns: {
          number: t('columns.number'),
          name: t('columns.name'),
          calls: t('columns.calls'),
          subtotal: t('columns.subtotal'),
          gst: t('columns.gst'),
          qst: t('columns.qst'),
          total: t('columns.total'),
        },
        totals: t('totals'),
        page: (page, pages) => t('pdfPage', { page, pages }),
        company: company?.name ?? '',
      },
    });
    return downloadResponse(pdf, 'pdf', name);
  }

  const csv = billingListCsv(preview, {
    separator: params.separator === 'comma' ? 'comma' : 'semicolon',
    isGrouped: parsed.data.isGrouped,
    headers: [
      t('csv.kind'),
      t('columns.number'),
      t('columns.name'),
      t('memberColumns.number'),
      t('memberColumns.name'),
      t('columns.calls'),
      t('columns.subtotal'),
      t('columns.gst'),
      t('columns.qst'),
      t('columns.total'),
    ],
    rowKinds: { invoice: t('csv.invoice'), member: t('csv.member'), total: t('totals') },
  });
  return downloadResponse(csv, 'csv', name);
}
