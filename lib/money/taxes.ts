import { roundHalfUp, toSafeCents } from './round';

/** GST (TPS) 5 % and QST (TVQ) 9.975 %, as exact fractions. */
const GST_RATE = { numerator: 5n, denominator: 100n } as const;
const QST_RATE = { numerator: 9975n, denominator: 100_000n } as const;

export type TaxExemptions = { isGstExempt: boolean; isQstExempt: boolean };
export type InvoiceTaxes = { gstCents: number; qstCents: number; totalCents: number };

/**
 * Quebec taxes of an invoice (or of a credit note, on its own subtotal): each tax is computed
 * on the subtotal and rounded half-up to the cent on its own; an exempt tax is 0.
 * total = subtotal + GST + QST. For passenger trips the taxed subtotal is the fares and the dues
 * together (docs/business-rules.md, Dues).
 */
export function computeTaxes(subtotalCents: number, exemptions: TaxExemptions = { isGstExempt: false, isQstExempt: false }): InvoiceTaxes {
  if (!Number.isSafeInteger(subtotalCents) || subtotalCents < 0) {
    throw new RangeError('subtotal must be a non-negative integer number of cents');
  }
  const subtotal = BigInt(subtotalCents);
  const gst = exemptions.isGstExempt ? 0n : roundHalfUp(subtotal * GST_RATE.numerator, GST_RATE.denominator);
  const qst = exemptions.isQstExempt ? 0n : roundHalfUp(subtotal * QST_RATE.numerator, QST_RATE.denominator);
  return { gstCents: toSafeCents(gst), qstCents: toSafeCents(qst), totalCents: toSafeCents(subtotal + gst + qst) };
}
