/**
 * How a payment is applied to a billed client's open invoices (docs/business-rules.md,
 * Receivables): automatically, oldest due date first (then lowest number), or invoice by
 * invoice with the amounts the clerk typed. What is not applied stays as a credit on account.
 */

export type OpenInvoice = { invoiceId: number; number: number; dueDate: string; balanceCents: number };
export type Allocation = { invoiceId: number; number: number; amountCents: number };
export type AllocationPlan = { allocations: Allocation[]; creditCents: number };

export function byOldestDue(a: OpenInvoice, b: OpenInvoice): number {
  return a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.number - b.number;
}

/** The amount spread over the invoices, oldest due first, each up to its balance. */
export function allocateOldestFirst(amountCents: number, openInvoices: readonly OpenInvoice[]): AllocationPlan {
  let left = amountCents;
  const allocations: Allocation[] = [];
  for (const invoice of [...openInvoices].sort(byOldestDue)) {
    if (left === 0) break;
    const amount = Math.min(left, invoice.balanceCents);
    if (amount <= 0) continue;
    allocations.push({ invoiceId: invoice.invoiceId, number: invoice.number, amountCents: amount });
    left -= amount;
  }
  return { allocations, creditCents: left };
}

export type ManualAllocationProblem =
  | { kind: 'unknownInvoice'; number: number }
  | { kind: 'aboveBalance'; number: number; balanceCents: number }
  | { kind: 'aboveAmount'; appliedCents: number };

/** The amounts typed by the clerk, checked against the open invoices and the payment. */
export function planManualAllocation(
  amountCents: number,
  openInvoices: readonly OpenInvoice[],
  typed: readonly { number: number; amountCents: number }[],
): { plan: AllocationPlan; problems: ManualAllocationProblem[] } {
  const byNumber = new Map(openInvoices.map((invoice) => [invoice.number, invoice]));
  const problems: ManualAllocationProblem[] = [];
  const allocations: Allocation[] = [];
  for (const entry of typed) {
    if (entry.amountCents === 0) continue;
    const invoice = byNumber.get(entry.number);
    if (!invoice) {
      problems.push({ kind: 'unknownInvoice', number: entry.number });
      continue;
    }
    if (entry.amountCents > invoice.balanceCents) {
      problems.push({ kind: 'aboveBalance', number: entry.number, balanceCents: invoice.balanceCents });
      continue;
    }
    allocations.push({ invoiceId: invoice.invoiceId, number: invoice.number, amountCents: entry.amountCents });
  }
  const appliedCents = allocations.reduce((sum, a) => sum + a.amountCents, 0);
  if (appliedCents > amountCents) problems.push({ kind: 'aboveAmount', appliedCents });
  return { plan: { allocations, creditCents: amountCents - appliedCents }, problems };
}
