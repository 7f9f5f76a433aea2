import { describe, expect, test } from 'vitest';
import { addDays, montrealDateTime, toMontrealDate } from './montreal';

describe('Montréal dates', () => {
  test('23:30 in Montréal on Oct 3 is already Oct 4 in UTC but stays Oct 3 here', () => {
    const instant = montrealDateTime('2026-10-03', '23:30');
    expect(instant.toISOString()).toBe('2026-10-04T03:30:00.000Z');
    expect(toMontrealDate(instant)).toBe('2026-10-03');
  });

  test('winter time is UTC−5', () => {
    expect(montrealDateTime('2026-01-15', '08:00').toISOString()).toBe('2026-01-15T13:00:00.000Z');
  });

  test('addDays crosses months and years', () => {
    expect(addDays('2026-10-31', 1)).toBe('2026-11-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
  });
});
