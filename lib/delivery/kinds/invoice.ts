/**
 * Invoices as a delivered document: a batch is the issued invoices of a billing run or of a date
 * range whose delivery method includes the channel (docs/business-rules.md, Billing, step 3);
 * an invoice's e-mail goes to its billed client's invoice addresses as snapshotted on it; a void
 * invoice is never sent nor printed. The invoices are locked as a reversal locks them (in id
 * order): an invoice being voided at that moment is waited for, then left out once void.
 */
import { and, eq, gte, inArray, isNull, lte, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { inIds } from '@/db/id-list';
import { queryRows, type Db, type Executor, type Tx } from '@/db/index';
import { invoices } from '@/db/schema';
import { getInvoicesWithBlocks } from '@/lib/billing/find-invoices';
import { AppError } from '@/lib/errors';
import { wholeNumber } from '@/lib/forms/fields';
import { documentTranslator } from '@/lib/i18n/document-words';
import { renderLoadedInvoice } from '@/lib/pdf/invoice-pdf';
import { pdfStream } from '@/lib/pdf/pdf-stream';
import { renderInvoicesPdf } from '@/lib/pdf/render-invoices';
import { renderPool, type RenderPool } from '@/lib/pdf/render-pool';
import { requireCompanySettings } from '@/lib/settings/company-settings';
import { deliverySelection, type DeliverySelection } from '../delivery-input';
import type { DocumentKind, DocumentTable } from '../document-kind';
import { invoiceEmailContent } from '../email-content';
import { insertPrintDeliveries } from '../print';

/** Invoice lines read from the database at a time when printing (whole invoices, one at least). */
const LINES_PER_READ = 5_000;

const table: DocumentTable = { table: 'invoices', deliveryColumn: 'invoice_id' };

/** The invoices of a batch: issued, of the process, of the run or issue dates, sent by `channel`. */
function selectionConditions(selection: DeliverySelection, channel: 'email' | 'print'): SQL {
  const conditions: SQL[] = [
    eq(invoices.status, 'issued'),
    eq(invoices.kind, selection.isGrouped ? 'grouped' : 'normal'),
    inArray(invoices.deliveryMethod, [channel, 'both']),
  ];
  if (selection.runId) conditions.push(eq(invoices.billingRunId, selection.runId));
  if (selection.from) conditions.push(gte(invoices.issueDate, selection.from));
  if (selection.to) conditions.push(lte(invoices.issueDate, selection.to));
  return and(...conditions)!;
}

export type DeliveredInvoice = {
  documentId: number;
  number: number;
  billedClientNumber: number;
  name: string;
  recipients: string[];
  printedAt: Date | null;
};

export const invoiceDelivery: DocumentKind<DeliverySelection, { number: number }, DeliveredInvoice> = {
  ...table,
  selection: deliverySelection,
  key: z.object({ number: wholeNumber(1, Number.MAX_SAFE_INTEGER, 'invalid') }),
  isSendable: sql`exists (select 1 from invoices i where i.id = deliveries.invoice_id and i.status = 'issued')`,

  listDocuments: (db, selection, channel) =>
    db
      .select({
        documentId: invoices.id,
        number: invoices.number,
        billedClientNumber: invoices.billedClientNumber,
        name: invoices.billToName,
        recipients: invoices.billToEmails,
        printedAt: invoices.printedAt,
      })
      .from(invoices)
      .where(selectionConditions(selection, channel))
      .orderBy(invoices.number),

  async emailDocuments(tx, _actorId, selection, isSending) {
    const conditions = selectionConditions(selection, 'email');
    const rows = sql`select invoices.id, invoices.bill_to_emails as recipients from invoices
                      where ${conditions} order by invoices.id for share of invoices`;
    if (!isSending) return { rows, withoutAddress: 0 };
    const [missing] = await queryRows<{ n: number }>(
      tx,
      sql`select count(*)::int as n from invoices where ${conditions} and cardinality(invoices.bill_to_emails) = 0`,
    );
    return { rows, withoutAddress: missing!.n };
  },

  async resendDocument(tx, _actorId, { number }) {
    const [invoice] = await tx.select().from(invoices).where(eq(invoices.number, number)).for('share');
    if (!invoice) throw new AppError('delivery.invoiceNotFound', { number });
    if (invoice.status === 'void') throw new AppError('delivery.invoiceVoid', { number });
    if (invoice.billToEmails.length === 0) throw new AppError('delivery.noAddress', { number });
    return { id: invoice.id, recipients: invoice.billToEmails };
  },

  alreadyQueued: ({ number }) => new AppError('delivery.alreadyQueued', { number }),

  async emailOf(db, invoiceId, company) {
    const [found] = await getInvoicesWithBlocks(db, [invoiceId]);
    const pdf = await renderLoadedInvoice(found!, company);
    // The company as the invoice names it (its snapshot at generation).
    const { subject, text, filename } = invoiceEmailContent(found!.invoice, found!.invoice.issuerName ?? company?.name ?? '');
    return { subject, text, attachment: { filename, content: pdf } };
  },

  printedPdf: (db, documents) =>
    printedInvoicesPdf(
      db,
      documents.map((i) => i.documentId),
    ),
  recordPrinted: (db, actorId, documents) =>
    markPrinted(
      db,
      actorId,
      documents.map((i) => i.documentId),
      { isWholeBatch: true },
    ),
};

/**
 * The issued invoices of `invoiceIds` as one PDF in number order, each on its own pages with its
 * own page numbers. Invoices are read and rendered a few at a time, so the memory held does not
 * grow with the batch.
 */
async function printedInvoicesPdf(db: Executor, invoiceIds: number[], pool: RenderPool = renderPool()) {
  const company = await requireCompanySettings(db);
  const ordered = await db
    .select({ id: invoices.id, number: invoices.number, lineCount: invoices.lineCount })
    .from(invoices)
    .where(and(inIds(invoices.id, invoiceIds), eq(invoices.status, 'issued')))
    .orderBy(invoices.number);
  const ids = ordered.map((i) => i.id);
  async function* read() {
    for (let at = 0; at < ordered.length;) {
      let end = at + 1;
      for (let lines = ordered[at]!.lineCount; end < ordered.length && lines + ordered[end]!.lineCount <= LINES_PER_READ; end++)
        lines += ordered[end]!.lineCount;
      yield await getInvoicesWithBlocks(db, ids.slice(at, end));
      at = end;
    }
  }
  const title = documentTranslator('fr')('titles.invoices', {
    first: String(ordered[0]?.number ?? ''),
    last: String(ordered.at(-1)?.number ?? ''),
  });
  return renderInvoicesPdf(read(), company, title, pool);
}

/**
 * A print batch of the invoices `invoiceIds`, streamed as it is written, recorded printed once
 * the whole file was written out. An invoice voided while the batch was being written (its run
 * reversed) fails the batch: no paper for a void invoice.
 */
export async function renderPrintBatch(
  db: Db,
  actorId: number,
  invoiceIds: number[],
  pool: RenderPool = renderPool(),
): Promise<ReadableStream<Uint8Array>> {
  return pdfStream(await printedInvoicesPdf(db, invoiceIds, pool), () => markPrinted(db, actorId, invoiceIds, { isWholeBatch: true }));
}

/**
 * Records the print of `invoiceIds`. With `isWholeBatch`, every one of them was printed on the
 * paper just produced: one voided meanwhile fails the whole batch (nothing marked).
 */
export async function markPrinted(db: Db, actorId: number, invoiceIds: number[], options: { isWholeBatch?: boolean } = {}): Promise<void> {
  if (invoiceIds.length === 0) return;
  await db.transaction(async (tx: Tx) => {
    // Every issued invoice of the batch gets a print delivery; printed_at keeps the first print.
    const printed = await tx
      .select({ id: invoices.id })
      .from(invoices)
      .where(and(inIds(invoices.id, invoiceIds), eq(invoices.status, 'issued')))
      // In id order, as the reversal of a run and the e-mail queue lock them.
      .orderBy(invoices.id)
      .for('update');
    if (options.isWholeBatch && printed.length < new Set(invoiceIds).size) throw new AppError('delivery.voidedWhilePrinting');
    if (printed.length === 0) return;
    const ids = printed.map((p) => p.id);
    await tx
      .update(invoices)
      .set({ printedAt: sql`now()`, printedBy: actorId })
      .where(and(inIds(invoices.id, ids), isNull(invoices.printedAt)));
    await insertPrintDeliveries(tx, table, actorId, ids);
  });
}
