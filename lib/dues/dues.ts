/**
 * The dues (redevance) on passenger trips (docs/business-rules.md, Dues): the rate in force on a
 * trip's service date (a rate applies from its date until the next one; a rate of 0 ends the
 * dues), on every completed passenger trip unless its tariff or its billed client is exempt, shown
 * apart from the fare; GST and QST are computed on the fares and the dues together, each rounded
 * once per invoice. Generation applies the same rule in SQL (lib/billing/billable-calls.ts).
 */
import { computeTaxes, type InvoiceTaxes, type TaxExemptions } from '@/lib/money/taxes';

export type DuesRate = { effectiveFrom: string; rateCents: number };
export type Trip = { priceCents: number; isPassenger: boolean; serviceDate: string };

/** The rate in force on `serviceDate` (YYYY-MM-DD): the latest one from that date or before; 0 before the first. */
export function duesRateOn(rates: readonly DuesRate[], serviceDate: string): number {
  let rate = 0;
  let from = '';
  for (const r of rates) if (r.effectiveFrom <= serviceDate && r.effectiveFrom > from) [rate, from] = [r.rateCents, r.effectiveFrom];
  return rate;
}

/** A trip's dues: the rate of its service date for a passenger trip of a client and tariff not exempt, else 0. */
export function tripDuesCents(trip: Trip, rates: readonly DuesRate[], isExempt = false): number {
  return trip.isPassenger && !isExempt ? duesRateOn(rates, trip.serviceDate) : 0;
}

export type InvoiceAmounts = InvoiceTaxes & { fareSubtotalCents: number; duesTrips: number; duesCents: number };

/** An invoice's fares, dues and taxes (on both), as generation stores them. */
export function invoiceAmounts(
  trips: readonly Trip[],
  options: { rates: readonly DuesRate[]; isDuesExempt?: boolean; exemptions?: TaxExemptions },
): InvoiceAmounts {
  const dues = trips.map((trip) => tripDuesCents(trip, options.rates, options.isDuesExempt));
  const fareSubtotalCents = trips.reduce((sum, trip) => sum + trip.priceCents, 0);
  const duesCents = dues.reduce((sum, d) => sum + d, 0);
  return {
    fareSubtotalCents,
    duesTrips: dues.filter((d) => d > 0).length,
    duesCents,
    ...computeTaxes(fareSubtotalCents + duesCents, options.exemptions),
  };
}
