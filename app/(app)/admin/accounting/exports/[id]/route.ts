import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/index';
import { EXPORT_LAYOUTS, journalCsv, quickBooksCsv, sage50Text, type ExportLayout } from '@/lib/accounting/export-layouts';
import { findExportEntries } from '@/lib/accounting/find-exports';
import { requireFileRoute } from '@/lib/auth/current-user';

/**
 * An accounting export's file, in the layout asked (`layout=journal|quickbooks|sage50`), made
 * again from the documents and the account mapping the export recorded: the same file each time.
 */
export async function GET(request: Request, context: { params: Promise<{ id: string }> }) {
  const access = await requireFileRoute(request, '/admin/accounting/exports/[id]');
  if (access.refusal) return access.refusal;
  const { id } = await context.params;
  const layoutParam = new URL(request.url).searchParams.get('layout') ?? 'journal';
  const layout = (EXPORT_LAYOUTS as readonly string[]).includes(layoutParam) ? (layoutParam as ExportLayout) : null;
  const exportId = /^\d{1,15}$/.test(id) ? Number(id) : null;
  const found = exportId === null || layout === null ? null : await findExportEntries(getDb(), exportId);
  if (!found || layout === null) return new Response('Exportation introuvable / Export not found', { status: 404 });

  const name = `exportation-comptable-${found.export.id}-${found.export.periodFrom}-${found.export.periodTo}`;
  const headers = (type: string, extension: string) => ({
    'content-type': type,
    'content-disposition': `attachment; filename="${name}-${layout}.${extension}"`,
    'cache-control': 'no-store',
  });
  if (layout === 'sage50')
    return new Response(new Uint8Array(sage50Text(found.entries)), { headers: headers('text/plain; charset=windows-1252', 'txt') });
  if (layout === 'quickbooks') return new Response(quickBooksCsv(found.entries), { headers: headers('text/csv; charset=utf-8', 'csv') });
  const t = await getTranslations('accounting.journal');
  const body = journalCsv(
    found.entries,
    [
      t('headers.date'),
      t('headers.source'),
      t('headers.kind'),
      t('headers.clientNumber'),
      t('headers.client'),
      t('headers.account'),
      t('headers.description'),
      t('headers.debit'),
      t('headers.credit'),
    ],
    (entry) => t(`kinds.${entry.document.kind}`),
  );
  return new Response(body, { headers: headers('text/csv; charset=utf-8', 'csv') });
}
