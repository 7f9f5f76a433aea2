import { defineFileRoute, download } from '@/actions/define-file-route';
import { agingExportInput, agingFile } from '@/lib/reports/aging-export';

/**
 * The aging of the screen's query as CSV (semicolons and decimal commas; `separator=comma` for
 * the other layout) or, with `format=pdf`, as a PDF.
 */
export const GET = defineFileRoute({
  route: '/receivables/export',
  input: agingExportInput,
  file: async ({ db, input }) => download(await agingFile(db, input)),
});
