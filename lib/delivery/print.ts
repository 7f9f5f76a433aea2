/**
 * Printing documents of any kind (lib/delivery/document-kind.ts): the merged PDF of a selection,
 * streamed as it is written; the documents are recorded printed only once the whole file was
 * written out, so that a failure on the way, or a download cancelled, records nothing.
 */
import { sql } from 'drizzle-orm';
import { idArray } from '@/db/id-list';
import type { Db, Tx } from '@/db/index';
import { pdfStream } from '@/lib/pdf/pdf-stream';
import type { DocumentKind, DocumentTable, ListedDocument } from './document-kind';

/**
 * The selection's documents as one PDF. With an actor, a print: recorded printed once written
 * out; without, a preview that records nothing. Null when the selection has nothing to print.
 */
export async function printDocuments<S, K, R extends ListedDocument>(
  db: Db,
  kind: DocumentKind<S, K, R>,
  selection: S,
  actorId: number | null,
): Promise<{ stream: ReadableStream<Uint8Array>; documents: R[] } | null> {
  const documents = await kind.listDocuments(db, selection, 'print');
  if (documents.length === 0) return null;
  const pdf = await kind.printedPdf(db, documents, selection);
  const stream = await pdfStream(pdf, actorId === null ? undefined : () => kind.recordPrinted(db, actorId, documents, selection));
  return { stream, documents };
}

/** One print delivery for each document of `ids`, done now by `actorId`. */
export async function insertPrintDeliveries(tx: Tx, kind: DocumentTable, actorId: number, ids: readonly number[]): Promise<void> {
  await tx.execute(sql`
    insert into deliveries (${sql.raw(kind.deliveryColumn)}, channel, status, requested_by, completed_at)
    select id, 'print', 'sent', ${actorId}, now() from unnest(${idArray(ids)}) as id`);
}
