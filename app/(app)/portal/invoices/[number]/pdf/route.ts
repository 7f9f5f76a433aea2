import { z } from 'zod';
import { defineFileRoute, pathNumber } from '@/actions/define-file-route';
import { documentTranslator } from '@/lib/i18n/document-words';
import { invoicePdfStream } from '@/lib/pdf/invoice-pdf';
import { isAccountInvoice } from '@/lib/portal/find-portal';
import { portalAccountOf } from '@/lib/portal/portal-account';
import { recordPortalDownload } from '@/lib/portal/portal-audit';

/** An invoice's PDF for the portal: the account's own invoices only; any other number is not found. */
export const GET = defineFileRoute({
  route: '/portal/invoices/[number]/pdf',
  input: z.object({ number: pathNumber }),
  messages: { notFound: 'fileRoutes.invoice.notFound' },
  file: async ({ db, user, input: { number } }) => {
    const account = await portalAccountOf(user);
    if (!account || number === null || !(await isAccountInvoice(db, account.number, number))) return null;
    const pdf = await invoicePdfStream(db, number);
    if (!pdf) return null;
    const name = documentTranslator('fr')('files.invoice', { number: String(number) });
    await recordPortalDownload(db, user, account.number, name);
    return { body: pdf, contentType: 'application/pdf', name, disposition: 'inline', cacheControl: 'private, no-store' };
  },
});
