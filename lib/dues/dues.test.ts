import { describe, expect, test } from 'vitest';
import { creditNoteTaxes } from '@/lib/billing/credit-notes';
import golden from '@/test/golden/billing.json';
import { duesRateOn, invoiceAmounts } from './dues';

const RATES = [{ effectiveFrom: '2021-01-01', rateCents: golden.dues.ratePerTripCents }];

describe('dues on an invoice (golden cases)', () => {
  test.each(golden.dues.cases)('$name', (c) => {
    const amounts = invoiceAmounts(
      c.lines.map((line) => ({ priceCents: line.priceCents, isPassenger: line.passenger, serviceDate: line.serviceDate })),
      {
        rates: RATES,
        isDuesExempt: 'dues_exempt' in c && c.dues_exempt === true,
        exemptions: { isGstExempt: 'gst_exempt' in c && c.gst_exempt === true, isQstExempt: false },
      },
    );
    const { gstCents, qstCents, totalCents, fareSubtotalCents, duesTrips, duesCents } = amounts;
    expect({ fareSubtotalCents, duesTrips, duesCents, gstCents, qstCents, totalCents }).toEqual(c.expected);
  });
});

describe('a rate by service date', () => {
  const rates = [
    { effectiveFrom: '2021-01-01', rateCents: 90 },
    { effectiveFrom: '2027-01-01', rateCents: 110 },
    { effectiveFrom: '2028-01-01', rateCents: 0 },
  ];
  test('none before the first; each from its date; a rate of 0 ends the dues', () => {
    expect(duesRateOn(rates, '2020-12-31')).toBe(0);
    expect(duesRateOn(rates, '2021-01-01')).toBe(90);
    expect(duesRateOn(rates, '2026-12-31')).toBe(90);
    expect(duesRateOn(rates, '2027-01-01')).toBe(110);
    expect(duesRateOn(rates, '2028-06-30')).toBe(0);
  });
});

describe('credit notes and dues (golden)', () => {
  const first = golden.dues.cases[0]!.expected;
  const rest = {
    remainingSubtotalCents: first.fareSubtotalCents,
    remainingDuesCents: first.duesCents,
    remainingGstCents: first.gstCents,
    remainingQstCents: first.qstCents,
    exemptions: { isGstExempt: false, isQstExempt: false },
  };

  test('crediting one whole trip credits its fare, its dues and their taxes', () => {
    const { creditedFareCents, expected } = golden.dues.creditNote;
    const taxes = creditNoteTaxes({ subtotalCents: creditedFareCents, duesCents: expected.duesCents }, rest);
    expect({
      duesCents: expected.duesCents,
      ...taxes,
      totalCents: creditedFareCents + expected.duesCents + taxes.gstCents + taxes.qstCents,
    }).toEqual(expected);
  });

  test('crediting an amount credits no dues', () => {
    const { creditedAmountCents, expected } = golden.dues.amountCredit;
    const taxes = creditNoteTaxes({ subtotalCents: creditedAmountCents, duesCents: 0 }, rest);
    expect({ duesCents: 0, ...taxes, totalCents: creditedAmountCents + taxes.gstCents + taxes.qstCents }).toEqual(expected);
  });
});
