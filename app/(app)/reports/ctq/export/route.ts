import { defineFileRoute, download } from '@/actions/define-file-route';
import { ctqExportInput, ctqReportFile } from '@/lib/reports/ctq-report-export';

/** The registered dispatcher's annual report of `year` as CSV (semicolons and decimal commas; `separator=comma` for the other layout). */
export const GET = defineFileRoute({
  route: '/reports/ctq/export',
  input: ctqExportInput,
  file: async ({ db, input }) => download(await ctqReportFile(db, input)),
});
