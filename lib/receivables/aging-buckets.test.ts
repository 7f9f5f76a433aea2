import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { addDays, todayInMontreal } from '@/lib/dates/montreal';
import { AGING_BUCKETS, agingBucket, daysPastDue } from './aging-buckets';

describe('agingBucket', () => {
  test.each([
    [-45, 'current'],
    [-1, 'current'],
    [0, 'current'],
    [1, 'days1to30'],
    [15, 'days1to30'],
    [30, 'days1to30'],
    [31, 'days31to60'],
    [60, 'days31to60'],
    [61, 'days61to90'],
    [90, 'days61to90'],
    [91, 'over90'],
    [400, 'over90'],
  ] as const)('%i days past due: %s', (days, bucket) => {
    expect(agingBucket(days)).toBe(bucket);
  });

  test('the buckets are shown in this order, from current to over 90 days', () => {
    expect(AGING_BUCKETS).toEqual(['current', 'days1to30', 'days31to60', 'days61to90', 'over90']);
  });

  test('a bucket never goes back as days pass', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000, max: 1_000 }), (days) => {
        expect(AGING_BUCKETS.indexOf(agingBucket(days + 1))).toBeGreaterThanOrEqual(AGING_BUCKETS.indexOf(agingBucket(days)));
      }),
    );
  });
});

// Calendar days between two AAAA-MM-JJ dates: no clock is involved, so the day of a change of
// time counts one like any other. Where the clock matters, an instant becoming a Montréal date,
// is tested below ('the aging as of an instant').
describe('daysPastDue', () => {
  test('due today is 0, not yet due is negative', () => {
    expect(daysPastDue('2026-11-29', '2026-11-29')).toBe(0);
    expect(daysPastDue('2026-12-01', '2026-11-29')).toBe(-2);
    expect(agingBucket(daysPastDue('2026-11-29', '2026-11-29'))).toBe('current');
  });

  test.each([
    ['2026-10-31', '2026-11-01', 1],
    ['2026-10-31', '2026-11-30', 30],
    ['2026-10-31', '2026-12-01', 31],
    ['2026-01-31', '2026-03-01', 29],
    ['2026-02-28', '2026-03-01', 1],
    ['2024-02-28', '2024-03-01', 2],
    ['2025-12-31', '2026-01-01', 1],
    ['2025-12-01', '2026-03-01', 90],
    ['2025-12-01', '2026-03-02', 91],
  ])('across the end of a month: due %s, as of %s, %i days', (due, asOf, days) => {
    expect(daysPastDue(due, asOf)).toBe(days);
  });

  test.each([
    // Spring forward on Sunday March 8, 2026 (a 23-hour day).
    ['2026-03-07', '2026-03-08', 1],
    ['2026-03-08', '2026-03-09', 1],
    ['2026-03-07', '2026-03-09', 2],
    ['2026-02-07', '2026-03-09', 30],
    ['2026-02-06', '2026-03-09', 31],
    // Fall back on Sunday November 1, 2026 (a 25-hour day).
    ['2026-10-31', '2026-11-01', 1],
    ['2026-11-01', '2026-11-02', 1],
    ['2026-10-02', '2026-11-01', 30],
    ['2026-10-02', '2026-11-02', 31],
    ['2026-08-03', '2026-11-01', 90],
    ['2026-08-03', '2026-11-02', 91],
  ])('across the date of a change of time: due %s, as of %s, %i days', (due, asOf, days) => {
    expect(daysPastDue(due, asOf)).toBe(days);
  });

  test('a bucket boundary falls on the right date across a change of time', () => {
    expect(agingBucket(daysPastDue('2026-02-07', '2026-03-09'))).toBe('days1to30');
    expect(agingBucket(daysPastDue('2026-02-06', '2026-03-09'))).toBe('days31to60');
    expect(agingBucket(daysPastDue('2026-08-03', '2026-11-01'))).toBe('days61to90');
    expect(agingBucket(daysPastDue('2026-08-03', '2026-11-02'))).toBe('over90');
  });

  test('n calendar days after the due date is n days past due, and the reverse is −n', () => {
    const start = Date.UTC(2024, 0, 1);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 365 * 4 }), fc.integer({ min: -400, max: 400 }), (offset, days) => {
        const due = new Date(start + offset * 86_400_000).toISOString().slice(0, 10);
        const asOf = addDays(due, days);
        expect(daysPastDue(due, asOf)).toBe(days);
        expect(daysPastDue(asOf, due)).toBe(0 - days);
      }),
      { numRuns: 500 },
    );
  });
});

describe('the aging as of an instant', () => {
  // The aging's "as of" is today in Montréal (todayInMontreal), taken from the instant the clerk
  // opens it. Near midnight the Montréal date is not the UTC date, and across a change of time
  // Montréal is UTC−4 on one side and UTC−5 on the other.
  test.each([
    // Fall back on Sunday November 1, 2026 at 02:00 EDT: from then on, UTC−5.
    ['2026-11-02T04:30:00Z', '23:30 EST on Nov 1', '2026-10-02', '2026-11-01', 30, 'days1to30'],
    ['2026-11-02T05:00:00Z', '00:00 EST on Nov 2', '2026-10-02', '2026-11-02', 31, 'days31to60'],
    ['2026-11-02T04:59:59Z', '23:59:59 EST on Nov 1', '2026-08-03', '2026-11-01', 90, 'days61to90'],
    // Spring forward on Sunday March 8, 2026 at 02:00 EST: from then on, UTC−4.
    ['2026-03-09T03:59:00Z', '23:59 EDT on Mar 8', '2026-02-06', '2026-03-08', 30, 'days1to30'],
    ['2026-03-09T04:30:00Z', '00:30 EDT on Mar 9', '2026-02-06', '2026-03-09', 31, 'days31to60'],
  ] as const)('at %s (%s), an invoice due %s is as of %s: %i days past due, %s', (instant, _wallClock, due, asOf, days, bucket) => {
    const asOfDate = todayInMontreal(new Date(instant));
    expect(asOfDate).toBe(asOf);
    expect(daysPastDue(due, asOfDate)).toBe(days);
    expect(agingBucket(daysPastDue(due, asOfDate))).toBe(bucket);
  });
});
