/** Billing runs, as the billing clerk reviews them. */
import { desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '@/db/index';
import { billingRuns, invoices, users } from '@/db/schema';

export async function listRuns(db: Executor, options: { limit?: number } = {}) {
  return db
    .select({ run: billingRuns, createdBy: users.name })
    .from(billingRuns)
    .innerJoin(users, eq(users.id, billingRuns.createdBy))
    .orderBy(desc(billingRuns.id))
    .limit(options.limit ?? 100);
}

export async function getRun(db: Executor, id: number) {
  const [row] = await db
    .select({ run: billingRuns, createdBy: users.name })
    .from(billingRuns)
    .innerJoin(users, eq(users.id, billingRuns.createdBy))
    .where(eq(billingRuns.id, id));
  return row ?? null;
}

/**
 * What the run page says of a run's invoices as a whole, whatever their number: the first and
 * last invoice numbers, and whether any went out (a run delivered in part cannot be reversed).
 */
export async function summarizeRunInvoices(db: Executor, runId: number) {
  const [row] = await db
    .select({
      first: sql<number | null>`min(${invoices.number})`.mapWith(Number),
      last: sql<number | null>`max(${invoices.number})`.mapWith(Number),
      isDelivered: sql<boolean>`coalesce(bool_or(${invoices.printedAt} is not null or ${invoices.emailedAt} is not null), false)`,
    })
    .from(invoices)
    .where(eq(invoices.billingRunId, runId));
  return { first: row?.first ?? null, last: row?.last ?? null, isDelivered: row?.isDelivered ?? false };
}
