import { defineFileRoute, download } from '@/actions/define-file-route';
import { billingExportInput, billingListFile } from '@/lib/reports/billing-list-export';

/** The billing list as CSV (format=csv, the default) or PDF (format=pdf), for the same inputs as the screen. */
export const GET = defineFileRoute({
  route: '/billing/export',
  input: billingExportInput,
  file: async ({ db, input }) => download(await billingListFile(db, input)),
});
