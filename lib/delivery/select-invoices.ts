import { and, asc, eq, gte, inArray, lte, type SQL } from 'drizzle-orm';
import type { Executor } from '@/db/index';
import { invoices } from '@/db/schema';
import type { DeliverySelection } from './delivery-input';

export function selectionConditions(selection: DeliverySelection): SQL[] {
  const conditions: SQL[] = [
    eq(invoices.status, 'issued'),
    eq(invoices.kind, selection.isGrouped ? 'grouped' : 'normal'),
    inArray(invoices.deliveryMethod, selection.method === 'print' ? ['print', 'both'] : ['email', 'both']),
  ];
  if (selection.runId) conditions.push(eq(invoices.billingRunId, selection.runId));
  if (selection.from) conditions.push(gte(invoices.issueDate, selection.from));
  if (selection.to) conditions.push(lte(invoices.issueDate, selection.to));
  return conditions;
}

/** The invoices of a delivery batch, by number. */
export async function selectDeliveryInvoices(db: Executor, selection: DeliverySelection) {
  return db
    .select({
      id: invoices.id,
      number: invoices.number,
      billedClientNumber: invoices.billedClientNumber,
      billToName: invoices.billToName,
      printedAt: invoices.printedAt,
      emailedAt: invoices.emailedAt,
      totalCents: invoices.totalCents,
    })
    .from(invoices)
    .where(and(...selectionConditions(selection)))
    .orderBy(asc(invoices.number));
}
