import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { allocateOldestFirst, byOldestDue, planManualAllocation, type OpenInvoice } from './allocation';

const invoice = (number: number, dueDate: string, balanceCents: number): OpenInvoice => ({
  invoiceId: number * 10,
  number,
  dueDate,
  balanceCents,
});

/** Three open invoices of one client: 7 and 12 due the same day, 3 due later. */
const open = [invoice(3, '2026-12-01', 5_000), invoice(12, '2026-10-31', 2_000), invoice(7, '2026-10-31', 1_500)];

describe('allocateOldestFirst', () => {
  test('oldest due date first; on the same due date, the lowest number first', () => {
    expect(allocateOldestFirst(8_500, open)).toEqual({
      allocations: [
        { invoiceId: 70, number: 7, amountCents: 1_500 },
        { invoiceId: 120, number: 12, amountCents: 2_000 },
        { invoiceId: 30, number: 3, amountCents: 5_000 },
      ],
      creditCents: 0,
    });
  });

  test('the last invoice reached is paid in part, the later ones not at all', () => {
    expect(allocateOldestFirst(2_000, open)).toEqual({
      allocations: [
        { invoiceId: 70, number: 7, amountCents: 1_500 },
        { invoiceId: 120, number: 12, amountCents: 500 },
      ],
      creditCents: 0,
    });
  });

  test('an amount equal to the first balance pays that invoice alone', () => {
    expect(allocateOldestFirst(1_500, open)).toEqual({ allocations: [{ invoiceId: 70, number: 7, amountCents: 1_500 }], creditCents: 0 });
  });

  test('what exceeds every balance stays as a credit on account', () => {
    const plan = allocateOldestFirst(10_000, open);
    expect(plan.allocations.map((a) => [a.number, a.amountCents])).toEqual([
      [7, 1_500],
      [12, 2_000],
      [3, 5_000],
    ]);
    expect(plan.creditCents).toBe(1_500);
  });

  test('no open invoice: the whole payment is on account', () => {
    expect(allocateOldestFirst(4_200, [])).toEqual({ allocations: [], creditCents: 4_200 });
  });

  test('an invoice with nothing left to pay gets no allocation', () => {
    const plan = allocateOldestFirst(3_000, [invoice(1, '2026-09-30', 0), invoice(2, '2026-10-31', 2_000), invoice(4, '2026-10-15', 0)]);
    expect(plan).toEqual({ allocations: [{ invoiceId: 20, number: 2, amountCents: 2_000 }], creditCents: 1_000 });
  });

  test('the order the invoices are given in changes nothing', () => {
    const expected = allocateOldestFirst(5_000, open);
    for (const order of [
      [0, 1, 2],
      [0, 2, 1],
      [1, 0, 2],
      [1, 2, 0],
      [2, 0, 1],
      [2, 1, 0],
    ]) {
      expect(
        allocateOldestFirst(
          5_000,
          order.map((i) => open[i]!),
        ),
      ).toEqual(expected);
    }
  });

  test('the invoices given are left as they were', () => {
    const given = open.map((i) => ({ ...i }));
    allocateOldestFirst(5_000, given);
    expect(given).toEqual(open);
  });
});

describe('planManualAllocation', () => {
  test('the amounts typed, partial ones included; the rest on account', () => {
    const { plan, problems } = planManualAllocation(5_000, open, [
      { number: 3, amountCents: 1_000 },
      { number: 12, amountCents: 2_000 },
    ]);
    expect(problems).toEqual([]);
    expect(plan).toEqual({
      allocations: [
        { invoiceId: 30, number: 3, amountCents: 1_000 },
        { invoiceId: 120, number: 12, amountCents: 2_000 },
      ],
      creditCents: 2_000,
    });
  });

  test('an invoice that is not one of the open invoices is refused', () => {
    const { problems } = planManualAllocation(5_000, open, [
      { number: 7, amountCents: 100 },
      { number: 99, amountCents: 100 },
    ]);
    expect(problems).toEqual([{ kind: 'unknownInvoice', number: 99 }]);
  });

  test('more than an invoice’s balance is refused, with that balance; its exact balance is not', () => {
    expect(planManualAllocation(5_000, open, [{ number: 12, amountCents: 2_001 }]).problems).toEqual([
      { kind: 'aboveBalance', number: 12, balanceCents: 2_000 },
    ]);
    expect(planManualAllocation(5_000, open, [{ number: 12, amountCents: 2_000 }]).problems).toEqual([]);
  });

  test('more in all than the payment is refused, with the amount applied; exactly the payment is not', () => {
    const typed = [
      { number: 7, amountCents: 1_500 },
      { number: 3, amountCents: 2_000 },
    ];
    expect(planManualAllocation(3_499, open, typed).problems).toEqual([{ kind: 'aboveAmount', appliedCents: 3_500 }]);
    const exact = planManualAllocation(3_500, open, typed);
    expect(exact.problems).toEqual([]);
    expect(exact.plan.creditCents).toBe(0);
  });

  test('an amount left at zero is ignored, even for an invoice that is not open', () => {
    const { plan, problems } = planManualAllocation(1_000, open, [
      { number: 7, amountCents: 0 },
      { number: 99, amountCents: 0 },
      { number: 3, amountCents: 400 },
    ]);
    expect(problems).toEqual([]);
    expect(plan).toEqual({ allocations: [{ invoiceId: 30, number: 3, amountCents: 400 }], creditCents: 600 });
  });

  test('nothing typed: the whole payment is on account', () => {
    expect(planManualAllocation(2_500, open, [])).toEqual({ plan: { allocations: [], creditCents: 2_500 }, problems: [] });
  });
});

describe('allocateOldestFirst, whatever the balances and the amount', () => {
  const dueDates = ['2026-09-30', '2026-10-15', '2026-10-31', '2026-11-30', '2026-12-01'];
  const openInvoices = fc.uniqueArray(fc.integer({ min: 1, max: 500 }), { maxLength: 8 }).chain((numbers) =>
    fc.tuple(
      ...numbers.map((number) =>
        fc.record({
          invoiceId: fc.constant(number * 10),
          number: fc.constant(number),
          dueDate: fc.constantFrom(...dueDates),
          balanceCents: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 100_000 })),
        }),
      ),
    ),
  );

  test('never more than a balance, every cent accounted for, older invoices paid in full before a newer one', () => {
    fc.assert(
      fc.property(openInvoices, fc.integer({ min: 1, max: 1_000_000 }), (invoices, amount) => {
        const plan = allocateOldestFirst(amount, invoices);
        const byNumber = new Map(invoices.map((i) => [i.number, i]));
        const paid = new Map(plan.allocations.map((a) => [a.number, a.amountCents]));

        expect(plan.allocations.length).toBe(paid.size);
        for (const allocation of plan.allocations) {
          const target = byNumber.get(allocation.number)!;
          expect(allocation.invoiceId).toBe(target.invoiceId);
          expect(allocation.amountCents).toBeGreaterThan(0);
          expect(allocation.amountCents).toBeLessThanOrEqual(target.balanceCents);
        }
        expect(plan.creditCents).toBeGreaterThanOrEqual(0);
        expect(plan.allocations.reduce((sum, a) => sum + a.amountCents, 0) + plan.creditCents).toBe(amount);

        const sorted = [...invoices].sort(byOldestDue);
        sorted.forEach((current, index) => {
          const paidCents = paid.get(current.number) ?? 0;
          // Paid at all (in part or in full): every older invoice is paid in full.
          if (paidCents > 0) for (const older of sorted.slice(0, index)) expect(paid.get(older.number) ?? 0).toBe(older.balanceCents);
          // Paid in part: no later invoice gets anything.
          if (paidCents > 0 && paidCents < current.balanceCents)
            for (const later of sorted.slice(index + 1)) expect(paid.get(later.number) ?? 0).toBe(0);
        });
        // A credit on account only when every invoice is paid in full.
        if (plan.creditCents > 0) for (const i of invoices) expect(paid.get(i.number) ?? 0).toBe(i.balanceCents);
        // The allocations come oldest due first.
        const order = plan.allocations.map((a) => sorted.findIndex((i) => i.number === a.number));
        expect(order).toEqual([...order].sort((a, b) => a - b));
      }),
      { numRuns: 500 },
    );
  });

  test('the order the invoices are given in changes nothing', () => {
    fc.assert(
      fc.property(
        openInvoices.chain((invoices) => fc.tuple(fc.constant(invoices), fc.shuffledSubarray(invoices, { minLength: invoices.length }))),
        fc.integer({ min: 1, max: 1_000_000 }),
        ([invoices, shuffled], amount) => {
          expect(allocateOldestFirst(amount, shuffled)).toEqual(allocateOldestFirst(amount, invoices));
        },
      ),
      { numRuns: 300 },
    );
  });
});
