/**
 * An accounting export's file in one layout (/admin/accounting/exports/[id]), made again from the
 * documents and the account mapping the export recorded: the same file each time, named after
 * the export and its period. The journal's headers and kinds are in the reader's language.
 */
import { getTranslations } from 'next-intl/server';
import type { Executor } from '@/db/index';
import { journalCsv, quickBooksCsv, sage50Text, type ExportLayout } from './export-layouts';
import { findExportEntries } from './find-exports';

/** The file, or null when there is no such export. */
export async function accountingExportFile(db: Executor, exportId: number, layout: ExportLayout) {
  const found = await findExportEntries(db, exportId);
  if (!found) return null;
  const name = `exportation-comptable-${found.export.id}-${found.export.periodFrom}-${found.export.periodTo}-${layout}`;
  if (layout === 'sage50') return { body: sage50Text(found.entries), contentType: 'text/plain; charset=windows-1252', name: `${name}.txt` };
  if (layout === 'quickbooks') return { body: quickBooksCsv(found.entries), contentType: 'text/csv; charset=utf-8', name: `${name}.csv` };
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
  return { body, contentType: 'text/csv; charset=utf-8', name: `${name}.csv` };
}
