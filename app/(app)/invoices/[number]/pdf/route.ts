import { z } from 'zod';
import { defineFileRoute, pathNumber } from '@/actions/define-file-route';
import { documentTranslator } from '@/lib/i18n/document-words';
import { invoicePdfStream } from '@/lib/pdf/invoice-pdf';

/** The invoice PDF, shown by the browser, streamed as it is written. */
export const GET = defineFileRoute({
  route: '/invoices/[number]/pdf',
  input: z.object({ number: pathNumber }),
  messages: { notFound: 'fileRoutes.invoice.notFound' },
  file: async ({ db, input: { number } }) => {
    const pdf = number === null ? null : await invoicePdfStream(db, number);
    if (!pdf) return null;
    return {
      body: pdf,
      contentType: 'application/pdf',
      name: documentTranslator('fr')('files.invoice', { number: String(number) }),
      disposition: 'inline',
      cacheControl: 'private, no-store',
    };
  },
});
