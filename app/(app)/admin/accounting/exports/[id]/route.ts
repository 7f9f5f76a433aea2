import { z } from 'zod';
import { defineFileRoute, pathNumber } from '@/actions/define-file-route';
import { accountingExportFile } from '@/lib/accounting/export-file';
import { EXPORT_LAYOUTS } from '@/lib/accounting/export-layouts';

/**
 * An accounting export's file, in the layout asked (`layout=journal|quickbooks|sage50`), made
 * again from the documents and the account mapping the export recorded: the same file each time.
 */
export const GET = defineFileRoute({
  route: '/admin/accounting/exports/[id]',
  input: z.object({ id: pathNumber, layout: z.enum(EXPORT_LAYOUTS).default('journal') }),
  messages: { notFound: 'fileRoutes.accountingExport.notFound' },
  file: async ({ db, input: { id, layout } }) => (id === null ? null : accountingExportFile(db, id, layout)),
});
