import { defineFileRoute, download } from '@/actions/define-file-route';
import { duesExportInput, duesReturnFile } from '@/lib/reports/dues-return-export';

/**
 * The dues return of the screen's period as CSV (semicolons and decimal commas; `separator=comma`
 * for the other layout) or, with `format=pdf`, as a PDF.
 */
export const GET = defineFileRoute({
  route: '/reports/dues/export',
  input: duesExportInput,
  file: async ({ db, input }) => download(await duesReturnFile(db, input)),
});
