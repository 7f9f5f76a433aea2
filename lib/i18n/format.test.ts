import { describe, expect, test } from 'vitest';
import { formatDate, formatMoney } from './format';

describe('formatMoney', () => {
  test.each([
    [123456, 'fr', '1 234,56 $'],
    [123456, 'en', '$1,234.56'],
    [5, 'fr', '0,05 $'],
    [-1999, 'fr', '-19,99 $'],
    [-5, 'en', '-$0.05'],
    [100000000, 'fr', '1 000 000,00 $'],
  ] as const)('%i ¢ in %s → %s', (cents, locale, expected) => {
    expect(formatMoney(cents, locale)).toBe(expected);
  });
});

describe('formatDate', () => {
  test('fr-CA and en-CA long dates', () => {
    expect(formatDate('2026-10-03', 'fr')).toBe('3 octobre 2026');
    expect(formatDate('2026-10-03', 'en')).toBe('October 3, 2026');
  });
});
