/** Invoices, as the billing clerk finds and reads them: the list, one invoice, its member blocks. */
import { and, asc, desc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { inIds } from '@/db/id-list';
import type { Executor } from '@/db/index';
import { creditNoteLines, creditNotes, invoiceLines, invoices } from '@/db/schema';
import { isoDate } from '@/lib/forms/dates';
import { compareReferenceValues, valueOf } from '@/lib/references/reference-rules';
import { defineUrlState, optionalQueryNumber } from '@/lib/url-state';

export const invoiceSearchParams = z.object({
  number: optionalQueryNumber('bigint'),
  client: optionalQueryNumber('integer'),
  run: optionalQueryNumber('bigint'),
  kind: z.enum(['normal', 'grouped']).optional().catch(undefined),
  /** Issued or void; or, among issued invoices, open (anything due), partly paid, or paid. */
  status: z.enum(['issued', 'void', 'open', 'partial', 'paid']).optional().catch(undefined),
  from: isoDate.optional().catch(undefined),
  to: isoDate.optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
export type InvoiceSearch = z.output<typeof invoiceSearchParams>;
export const invoiceSearchUrl = defineUrlState('/invoices', invoiceSearchParams);
export const INVOICE_PAGE_SIZE = 50;

export async function findInvoices(db: Executor, search: InvoiceSearch) {
  const where: SQL[] = [];
  if (search.number) where.push(eq(invoices.number, search.number));
  if (search.client) where.push(eq(invoices.billedClientNumber, search.client));
  if (search.run) where.push(eq(invoices.billingRunId, search.run));
  if (search.kind) where.push(eq(invoices.kind, search.kind));
  if (search.status === 'issued' || search.status === 'void') where.push(eq(invoices.status, search.status));
  else if (search.status) {
    where.push(eq(invoices.status, 'issued'));
    const settled = sql`${invoices.creditedCents} + ${invoices.paidCents}`;
    if (search.status === 'open') where.push(sql`${settled} < ${invoices.totalCents}`);
    if (search.status === 'partial') where.push(sql`${settled} > 0 and ${settled} < ${invoices.totalCents}`);
    if (search.status === 'paid') where.push(sql`${settled} = ${invoices.totalCents}`);
  }
  if (search.from) where.push(gte(invoices.issueDate, search.from));
  if (search.to) where.push(lte(invoices.issueDate, search.to));
  const rows = await db
    .select()
    .from(invoices)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(invoices.number))
    .limit(INVOICE_PAGE_SIZE + 1)
    .offset((search.page - 1) * INVOICE_PAGE_SIZE);
  return { rows: rows.slice(0, INVOICE_PAGE_SIZE), hasNextPage: rows.length > INVOICE_PAGE_SIZE };
}

/** A run's invoices in the order they were numbered, a page at a time. */
export async function listRunInvoices(db: Executor, runId: number, page: number) {
  const rows = await db
    .select()
    .from(invoices)
    .where(eq(invoices.billingRunId, runId))
    .orderBy(asc(invoices.number))
    .limit(INVOICE_PAGE_SIZE + 1)
    .offset((page - 1) * INVOICE_PAGE_SIZE);
  return { rows: rows.slice(0, INVOICE_PAGE_SIZE), hasNextPage: rows.length > INVOICE_PAGE_SIZE };
}

export type InvoiceMemberBlock = {
  clientNumber: number;
  clientName: string;
  subtotalCents: number;
  /** The dues of the block's passenger trips, and their count. */
  duesCents: number;
  duesTrips: number;
  lines: (typeof invoiceLines.$inferSelect)[];
  /**
   * With the invoice's `Sous-totaux par` reference: the block's lines by its value (in the order
   * of the values, the lines without one last), each with its subtotal. `lines` is in that order too.
   */
  referenceGroups: ReferenceGroup[] | null;
};

export type ReferenceGroup = {
  /** The reference's value, or null for the lines without one. */
  value: string | null;
  subtotalCents: number;
  lines: (typeof invoiceLines.$inferSelect)[];
};

/** A block's lines by the value of reference `label`, values in order and the lines without one last. */
function referenceGroupsOf(lines: InvoiceMemberBlock['lines'], label: string): ReferenceGroup[] {
  const groups = new Map<string | null, ReferenceGroup>();
  for (const line of lines) {
    const value = valueOf(line.referenceValues, label);
    let group = groups.get(value);
    if (!group) {
      group = { value, subtotalCents: 0, lines: [] };
      groups.set(value, group);
    }
    group.lines.push(line);
    group.subtotalCents += line.amountCents;
  }
  return [...groups.values()].sort((a, b) => compareReferenceValues(a.value, b.value));
}

/** An invoice's lines in member blocks, the billed client's own block first. */
function memberBlocks(invoice: typeof invoices.$inferSelect, lines: (typeof invoiceLines.$inferSelect)[]): InvoiceMemberBlock[] {
  const blocks = new Map<number, InvoiceMemberBlock>();
  for (const line of lines) {
    let block = blocks.get(line.clientNumber);
    if (!block) {
      block = {
        clientNumber: line.clientNumber,
        clientName: line.clientName,
        subtotalCents: 0,
        duesCents: 0,
        duesTrips: 0,
        lines: [],
        referenceGroups: null,
      };
      blocks.set(line.clientNumber, block);
    }
    block.lines.push(line);
    block.subtotalCents += line.amountCents;
    block.duesCents += line.duesCents;
    if (line.duesCents > 0) block.duesTrips++;
  }
  const label = invoice.subtotalLabel;
  if (label !== null)
    for (const block of blocks.values()) {
      block.referenceGroups = referenceGroupsOf(block.lines, label);
      block.lines = block.referenceGroups.flatMap((group) => group.lines);
    }
  return [...blocks.values()].sort(
    (a, b) =>
      Number(b.clientNumber === invoice.billedClientNumber) - Number(a.clientNumber === invoice.billedClientNumber) ||
      a.clientNumber - b.clientNumber,
  );
}

const lineOrder = [asc(invoiceLines.clientNumber), asc(invoiceLines.serviceDate), asc(invoiceLines.callNumber)];

/** An invoice as issued, its lines in member blocks (the billed client's own block first). */
export async function getInvoice(db: Executor, number: number) {
  const [invoice] = await db.select().from(invoices).where(eq(invoices.number, number)).limit(1);
  if (!invoice) return null;
  const [lines, credits, creditedLines] = await Promise.all([
    db
      .select()
      .from(invoiceLines)
      .where(eq(invoiceLines.invoiceId, invoice.id))
      .orderBy(...lineOrder),
    db.select().from(creditNotes).where(eq(creditNotes.invoiceId, invoice.id)).orderBy(asc(creditNotes.number)),
    db
      .select({ lineId: creditNoteLines.invoiceLineId })
      .from(creditNoteLines)
      .innerJoin(creditNotes, eq(creditNotes.id, creditNoteLines.creditNoteId))
      .where(eq(creditNotes.invoiceId, invoice.id)),
  ]);
  return {
    invoice,
    blocks: memberBlocks(invoice, lines),
    credits,
    creditedLineIds: new Set(creditedLines.map((c) => c.lineId).filter((id): id is number => id !== null)),
    isDelivered: Boolean(invoice.printedAt || invoice.emailedAt),
  };
}

/** Several invoices with their member blocks, in two queries whatever their number (one parameter each). */
export async function getInvoicesWithBlocks(db: Executor, ids: number[]) {
  if (ids.length === 0) return [];
  const [rows, lines] = await Promise.all([
    db.select().from(invoices).where(inIds(invoices.id, ids)).orderBy(asc(invoices.number)),
    db
      .select()
      .from(invoiceLines)
      .where(inIds(invoiceLines.invoiceId, ids))
      .orderBy(asc(invoiceLines.invoiceId), ...lineOrder),
  ]);
  const linesByInvoice = new Map<number, (typeof invoiceLines.$inferSelect)[]>();
  for (const line of lines) {
    const list = linesByInvoice.get(line.invoiceId) ?? [];
    list.push(line);
    linesByInvoice.set(line.invoiceId, list);
  }
  return rows.map((invoice) => ({ invoice, blocks: memberBlocks(invoice, linesByInvoice.get(invoice.id) ?? []) }));
}
