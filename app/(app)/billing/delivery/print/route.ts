import { z } from 'zod';
import { definePrintRoute } from '@/actions/define-print-route';
import { deliverySelection } from '@/lib/delivery/delivery-input';
import { invoiceDelivery } from '@/lib/delivery/kinds/invoice';
import { documentTranslator } from '@/lib/i18n/document-words';

/** A print batch: the merged PDF of the selected invoices whose delivery method includes print, marked printed once taken. */
export const POST = definePrintRoute({
  route: '/billing/delivery/print',
  kind: invoiceDelivery,
  input: z.preprocess((form) => ({ ...(form as object), method: 'print' }), deliverySelection),
  logAs: '[print] batch not produced',
  messages: {
    invalid: 'fileRoutes.deliveryPrint.invalid',
    notFound: 'fileRoutes.deliveryPrint.notFound',
    unavailable: 'fileRoutes.deliveryPrint.unavailable',
    unexpected: 'fileRoutes.deliveryPrint.unexpected',
  },
  fileName: (invoices) =>
    documentTranslator('fr')('files.invoices', { first: String(invoices[0]!.number), last: String(invoices.at(-1)!.number) }),
});
