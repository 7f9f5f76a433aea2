/**
 * The portal's export of an account's calls: the columns of its calls' screen, in the account's
 * language (semicolons and decimal commas for French, a French spreadsheet's; commas for
 * English), as a stream read a page at a time, so that a year of a large group keeps the
 * server's memory flat.
 */
import type { Executor } from '@/db/index';
import { writeCsv, type CsvCell } from '@/lib/csv/write-csv';
import { referenceMentions } from '@/lib/i18n/document-words';
import { en } from '@/lib/i18n/messages/en/index';
import { fr } from '@/lib/i18n/messages/fr/index';
import { portalCallPages, type PortalCallSearch } from './find-portal';
import type { PortalAccount } from './portal-account';

export function portalCallsCsvStream(
  db: Executor,
  account: PortalAccount,
  search: Omit<PortalCallSearch, 'page'>,
): ReadableStream<Uint8Array> {
  const messages = account.language === 'en' ? en : fr;
  const words = messages.portal.calls;
  const separator = account.language === 'en' ? 'comma' : 'semicolon';
  const headers: CsvCell[] = [
    words.columns.number,
    words.columns.date,
    words.columns.client,
    words.columns.clientName,
    words.columns.route,
    words.columns.reference,
    words.columns.references,
    words.columns.price,
    words.columns.status,
    words.columns.invoice,
  ];
  const encoder = new TextEncoder();
  const pages = portalCallPages(db, account.number, search);
  let isFirst = true;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await pages.next();
        if (next.done) {
          if (isFirst) controller.enqueue(encoder.encode(writeCsv([headers], { separator })));
          controller.close();
          return;
        }
        const rows: CsvCell[][] = next.value.map((call) => [
          call.number,
          call.serviceDate,
          call.clientNumber,
          call.clientName,
          `${call.pickupAddress} → ${call.destinationAddress}`,
          call.clientReference ?? '',
          referenceMentions(call.referenceValues),
          { cents: call.priceCents },
          messages.callStatus[call.status],
          call.invoiceNumber ?? '',
        ]);
        // Each part is a CSV of its own: the byte-order mark and the headers belong to the first one only.
        const text = writeCsv(isFirst ? [headers, ...rows] : rows, { separator });
        controller.enqueue(encoder.encode(isFirst ? text : text.replace(/^\uFEFF/, '')));
        isFirst = false;
      } catch (error) {
        console.error('[portail] export des appels interrompu', error);
        controller.error(error);
      }
    },
    async cancel() {
      await pages.return(undefined);
    },
  });
}
