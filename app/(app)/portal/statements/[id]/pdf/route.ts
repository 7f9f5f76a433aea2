import { z } from 'zod';
import { defineFileRoute, pathNumber } from '@/actions/define-file-route';
import { documentTranslator } from '@/lib/i18n/document-words';
import { renderStatementPdf } from '@/lib/pdf/render-statements';
import { accountStatement } from '@/lib/portal/find-portal';
import { portalAccountOf } from '@/lib/portal/portal-account';
import { recordPortalDownload } from '@/lib/portal/portal-audit';
import { ensureCompanySettings, getCompanySettings } from '@/lib/settings/company-settings';
import { loadStatement } from '@/lib/statements/statement';

/** A statement of account's PDF for the portal: the account's own statements only. */
export const GET = defineFileRoute({
  route: '/portal/statements/[id]/pdf',
  input: z.object({ id: pathNumber }),
  file: async ({ db, user, input: { id } }) => {
    const account = await portalAccountOf(user);
    const statement = account && id !== null ? await accountStatement(db, account.number, id) : null;
    if (!account || !statement) return null;
    const [loaded, company] = await Promise.all([
      loadStatement(db, account.number, { from: statement.from, to: statement.to }),
      getCompanySettings(db),
    ]);
    const pdf = await renderStatementPdf(loaded, ensureCompanySettings(company));
    const name = documentTranslator(account.language)('files.statement', { client: String(account.number), to: statement.to });
    await recordPortalDownload(db, user, account.number, name);
    return { body: new Uint8Array(pdf), contentType: 'application/pdf', name, disposition: 'inline', cacheControl: 'private, no-store' };
  },
});
