import { describe, expect, test } from 'vitest';
import { monthsOf, parseDuesPeriod, previousMonth, previousQuarter, previousYear } from './dues-return';

describe('the period of a dues return', () => {
  test('two dates in order, a year at most (a leap year’s included)', () => {
    expect(parseDuesPeriod({ from: '2026-10-01', to: '2026-12-31' })).toEqual({ period: { from: '2026-10-01', to: '2026-12-31' } });
    expect(parseDuesPeriod({ from: '2024-01-01', to: '2024-12-31' })).toEqual({ period: { from: '2024-01-01', to: '2024-12-31' } });
    expect(parseDuesPeriod({ from: '2026-03-15', to: '2026-03-15' })).toEqual({ period: { from: '2026-03-15', to: '2026-03-15' } });
    expect(parseDuesPeriod({ from: '2024-02-29', to: '2025-02-28' })).toEqual({ period: { from: '2024-02-29', to: '2025-02-28' } });
    expect(parseDuesPeriod({ from: '2024-02-29', to: '2025-03-01' })).toEqual({ problems: ['tooLong'] });
    expect(parseDuesPeriod({ from: '2026-12-31', to: '2026-10-01' })).toEqual({ problems: ['order'] });
    expect(parseDuesPeriod({ from: '2025-01-01', to: '2026-01-01' })).toEqual({ problems: ['tooLong'] });
    expect(parseDuesPeriod({ from: '2026-02-30', to: '2026-03-31' })).toEqual({ problems: ['date'] });
    expect(parseDuesPeriod({ to: '2026-03-31' })).toEqual({ problems: ['date'] });
  });

  test('the usual periods: the month, the quarter and the year before today', () => {
    expect(previousMonth('2026-12-06')).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(previousMonth('2026-01-15')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(previousMonth('2024-03-01')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(previousQuarter('2026-12-06')).toEqual({ from: '2026-07-01', to: '2026-09-30' });
    expect(previousQuarter('2026-02-10')).toEqual({ from: '2025-10-01', to: '2025-12-31' });
    expect(previousQuarter('2026-04-01')).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(previousYear('2026-12-06')).toEqual({ from: '2025-01-01', to: '2025-12-31' });
  });

  test('the months a period touches, across a new year', () => {
    expect(monthsOf({ from: '2025-11-15', to: '2026-02-03' })).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsOf({ from: '2026-03-01', to: '2026-03-31' })).toEqual(['2026-03']);
  });
});
