import { describe, expect, test } from 'vitest';
import golden from '@/test/golden/billing.json';
import { computeTaxes } from './taxes';

const dollars = (cents: number) => (cents / 100).toFixed(2);

describe('computeTaxes (golden cases)', () => {
  test.each(
    golden.taxes.map((c) => ({
      ...c,
      label: `${dollars(c.subtotalCents)} $ → GST ${dollars(c.expected.gstCents)} $, QST ${dollars(c.expected.qstCents)} $, total ${dollars(c.expected.totalCents)} $`,
    })),
  )('$label', ({ subtotalCents, expected }) => {
    expect(computeTaxes(subtotalCents)).toEqual(expected);
  });
});

describe('computeTaxes with exemptions', () => {
  test('76.12 $ exempt of QST → GST 3.81 $, QST 0, total 79.93 $', () => {
    expect(computeTaxes(7612, { isGstExempt: false, isQstExempt: true })).toEqual({ gstCents: 381, qstCents: 0, totalCents: 7993 });
  });

  test('83.42 $ exempt of both → no tax, total 83.42 $', () => {
    expect(computeTaxes(8342, { isGstExempt: true, isQstExempt: true })).toEqual({ gstCents: 0, qstCents: 0, totalCents: 8342 });
  });

  test('refuses a fractional or negative subtotal', () => {
    expect(() => computeTaxes(10.5)).toThrow(RangeError);
    expect(() => computeTaxes(-1)).toThrow(RangeError);
  });
});
