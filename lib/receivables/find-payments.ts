/** Payments as the clerk finds and reads them: the list, one payment with its allocations, an invoice's payments. */
import { and, desc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { queryRows, type Executor } from '@/db/index';
import { clients, depositBatches, payments, users } from '@/db/schema';
import { isoDate } from '@/lib/forms/dates';
import { defineUrlState, optionalQueryNumber } from '@/lib/url-state';

export const paymentSearchParams = z.object({
  number: optionalQueryNumber('bigint'),
  client: optionalQueryNumber('integer'),
  status: z.enum(['pending', 'posted', 'reversed']).optional().catch(undefined),
  from: isoDate.optional().catch(undefined),
  to: isoDate.optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
export type PaymentSearch = z.output<typeof paymentSearchParams>;
export const paymentSearchUrl = defineUrlState('/receivables/payments', paymentSearchParams);
export const PAYMENT_PAGE_SIZE = 50;

export type PaymentRow = typeof payments.$inferSelect & { clientName: string };

export async function findPayments(db: Executor, search: PaymentSearch) {
  const where: SQL[] = [];
  if (search.number) where.push(eq(payments.number, search.number));
  if (search.client) where.push(eq(payments.billedClientNumber, search.client));
  if (search.status) where.push(eq(payments.status, search.status));
  if (search.from) where.push(gte(payments.receivedOn, search.from));
  if (search.to) where.push(lte(payments.receivedOn, search.to));
  const rows = await db
    .select({ payment: payments, clientName: clients.name })
    .from(payments)
    .innerJoin(clients, eq(clients.number, payments.billedClientNumber))
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(payments.number))
    .limit(PAYMENT_PAGE_SIZE + 1)
    .offset((search.page - 1) * PAYMENT_PAGE_SIZE);
  return {
    rows: rows.slice(0, PAYMENT_PAGE_SIZE).map((r): PaymentRow => ({ ...r.payment, clientName: r.clientName })),
    hasNextPage: rows.length > PAYMENT_PAGE_SIZE,
  };
}

export type AllocationRow = {
  id: number;
  paymentNumber: number;
  invoiceNumber: number;
  amountCents: number;
  appliedOn: string;
  releasedOn: string | null;
};

const allocationColumns = sql`a.id, p.number as payment_number, i.number as invoice_number, a.amount_cents::int8 as amount_cents,
  a.applied_on::text as applied_on, a.released_on::text as released_on`;

function allocationRow(row: Record<string, unknown>): AllocationRow {
  return {
    id: Number(row.id),
    paymentNumber: Number(row.payment_number),
    invoiceNumber: Number(row.invoice_number),
    amountCents: Number(row.amount_cents),
    appliedOn: String(row.applied_on),
    releasedOn: row.released_on === null ? null : String(row.released_on),
  };
}

/** One payment, its client, who entered it, and its allocations (released ones too, with their date). */
export async function getPayment(db: Executor, number: number) {
  const [found] = await db
    .select({ payment: payments, clientName: clients.name, enteredBy: users.name, batchDate: depositBatches.depositDate })
    .from(payments)
    .innerJoin(clients, eq(clients.number, payments.billedClientNumber))
    .innerJoin(users, eq(users.id, payments.createdBy))
    .leftJoin(depositBatches, eq(depositBatches.id, payments.depositBatchId))
    .where(eq(payments.number, number));
  if (!found) return null;
  const allocations = await queryRows<Record<string, unknown>>(
    db,
    sql`select ${allocationColumns} from payment_allocations a join payments p on p.id = a.payment_id join invoices i on i.id = a.invoice_id
         where a.payment_id = ${found.payment.id} order by a.id`,
  );
  return { ...found, allocations: allocations.map(allocationRow) };
}

/** The payments applied to an invoice (released ones too). */
export async function invoicePayments(db: Executor, invoiceId: number): Promise<AllocationRow[]> {
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`select ${allocationColumns} from payment_allocations a join payments p on p.id = a.payment_id join invoices i on i.id = a.invoice_id
         where a.invoice_id = ${invoiceId} order by a.id`,
  );
  return rows.map(allocationRow);
}
