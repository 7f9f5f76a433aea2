import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/index';
import { requireRoute } from '@/lib/auth/current-user';
import { billingInput } from '@/lib/billing/billing-input';
import { billingListCsv } from '@/lib/billing/billing-csv';
import { previewBilling } from '@/lib/billing/preview-billing';

/** The billing list as CSV, for the same inputs as the screen. */
export async function GET(request: Request) {
  await requireRoute('/billing/export');
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = billingInput.safeParse(params);
  if (!parsed.success) return new Response('Paramètres invalides / Invalid parameters', { status: 400 });
  const t = await getTranslations('billing');
  const preview = await previewBilling(getDb(), parsed.data);
  const csv = billingListCsv(preview, {
    separator: params.separator === 'comma' ? 'comma' : 'semicolon',
    isGrouped: parsed.data.isGrouped,
    headers: [t('csv.kind'), t('columns.number'), t('columns.name'), t('memberColumns.number'), t('memberColumns.name'), t('columns.calls'), t('columns.subtotal'), t('columns.gst'), t('columns.qst'), t('columns.total')],
    rowKinds: { invoice: t('csv.invoice'), member: t('csv.member'), total: t('totals') },
  });
  const name = `liste-facturation-${parsed.data.isGrouped ? 'regroupee' : 'normale'}-${parsed.data.cutoff}.csv`;
  return new Response(csv, {
    headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${name}"`, 'cache-control': 'no-store' },
  });
}
