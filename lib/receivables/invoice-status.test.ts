import { describe, expect, test } from 'vitest';
import { balanceDue, settlementOf } from './invoice-status';

describe('invoice status', () => {
  const invoice = { status: 'issued' as const, totalCents: 11_498, creditedCents: 0, paidCents: 0 };
  test('open, partly paid, paid, void', () => {
    expect(settlementOf(invoice)).toBe('open');
    expect(settlementOf({ ...invoice, paidCents: 1 })).toBe('partial');
    expect(settlementOf({ ...invoice, paidCents: 10_000, creditedCents: 1_498 })).toBe('paid');
    expect(settlementOf({ ...invoice, status: 'void' })).toBe('void');
  });
  test('the balance due is what credit notes and payments leave; nothing is due on a void invoice', () => {
    expect(balanceDue({ ...invoice, paidCents: 5_000, creditedCents: 498 })).toBe(6_000);
    expect(balanceDue({ ...invoice, status: 'void' })).toBe(0);
  });
});
