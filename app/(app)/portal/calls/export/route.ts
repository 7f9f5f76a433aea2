import { defineFileRoute, download } from '@/actions/define-file-route';
import { todayInMontreal } from '@/lib/dates/montreal';
import { portalCallSearchParams } from '@/lib/portal/find-portal';
import { portalCallsCsvStream } from '@/lib/portal/portal-calls-csv';
import { portalAccountOf } from '@/lib/portal/portal-account';
import { recordPortalDownload } from '@/lib/portal/portal-audit';

/** The account's calls of the search as CSV, written to the browser as they are read. */
export const GET = defineFileRoute({
  route: '/portal/calls/export',
  input: portalCallSearchParams,
  file: async ({ db, user, input }) => {
    const account = await portalAccountOf(user);
    if (!account) return null;
    const name = `appels-${account.number}-${todayInMontreal()}`;
    await recordPortalDownload(db, user, account.number, `${name}.csv`);
    return download({ kind: 'csv', body: portalCallsCsvStream(db, account, input), name });
  },
});
