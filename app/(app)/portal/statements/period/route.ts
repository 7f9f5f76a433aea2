import { z } from 'zod';
import { defineFileRoute } from '@/actions/define-file-route';
import { isoDate } from '@/lib/forms/dates';
import { documentTranslator } from '@/lib/i18n/document-words';
import { renderStatementPdf } from '@/lib/pdf/render-statements';
import { portalAccountOf } from '@/lib/portal/portal-account';
import { recordPortalDownload } from '@/lib/portal/portal-audit';
import { ensureCompanySettings, getCompanySettings } from '@/lib/settings/company-settings';
import { loadStatement } from '@/lib/statements/statement';

/** A period of the portal user's choosing: a year at most, its start before its end. */
const period = z
  .object({ from: isoDate, to: isoDate })
  .refine(({ from, to }) => from <= to && Date.parse(to) - Date.parse(from) <= 366 * 86_400_000, { error: 'statements.range' });

/**
 * A statement of account of the portal's account for the period its user chooses, produced on
 * demand from the ledger: not recorded among the statements the company produced and sent.
 */
export const GET = defineFileRoute({
  route: '/portal/statements/period',
  input: period,
  file: async ({ db, user, input: { from, to } }) => {
    const account = await portalAccountOf(user);
    if (!account) return null;
    const [statement, company] = await Promise.all([loadStatement(db, account.number, { from, to }), getCompanySettings(db)]);
    const pdf = await renderStatementPdf(statement, ensureCompanySettings(company));
    const name = documentTranslator(account.language)('files.statement', { client: String(account.number), to });
    await recordPortalDownload(db, user, account.number, name);
    return { body: new Uint8Array(pdf), contentType: 'application/pdf', name, disposition: 'inline', cacheControl: 'private, no-store' };
  },
});
