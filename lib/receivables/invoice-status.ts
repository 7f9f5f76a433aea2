/**
 * An invoice's status for receivables (docs/business-rules.md, Receivables): open while nothing
 * settles it, partly paid while a balance is left, paid at zero balance; void stays void.
 */
export type InvoiceSettlement = 'open' | 'partial' | 'paid' | 'void';

type Settled = { status: 'issued' | 'void'; totalCents: number; creditedCents: number; paidCents: number };

export function balanceDue(invoice: Settled): number {
  return invoice.status === 'void' ? 0 : invoice.totalCents - invoice.creditedCents - invoice.paidCents;
}

export function settlementOf(invoice: Settled): InvoiceSettlement {
  if (invoice.status === 'void') return 'void';
  const balance = balanceDue(invoice);
  if (balance === 0) return 'paid';
  return balance === invoice.totalCents ? 'open' : 'partial';
}
