import { describe, expect, test } from 'vitest';
import { parseRate } from '@/lib/money/parse';
import { formatRate, rateToInput } from './format-rate';

describe('formatRate', () => {
  test.each([
    ['1.8750', 'fr', 'km', '1,8750 $/km'],
    ['1.8750', 'en', 'km', '$1.8750/km'],
    ['0.6500', 'fr', 'min', '0,6500 $/min'],
    ['0.0000', 'en', 'min', '$0.0000/min'],
    ['1234.5000', 'fr', 'km', '1 234,5000 $/km'],
    ['1234.5000', 'en', 'km', '$1,234.5000/km'],
    ['2', 'fr', 'km', '2,0000 $/km'],
  ] as const)('"%s" in %s per %s → %s', (value, locale, unit, expected) => {
    expect(formatRate(value, locale, unit)).toBe(expected);
  });
});

describe('rateToInput', () => {
  test.each([
    ['1.8750', 'fr', '1,875'],
    ['1.8750', 'en', '1.875'],
    ['0.6500', 'fr', '0,65'],
    ['2.0000', 'fr', '2,00'],
    ['0.0001', 'en', '0.0001'],
  ] as const)('"%s" in %s → "%s"', (value, locale, expected) => {
    expect(rateToInput(value, locale)).toBe(expected);
  });

  test('what is shown in the form parses back to the stored value', () => {
    for (const value of ['1.8750', '0.6500', '2.0000', '0.0001', '123456.1234']) {
      expect(parseRate(rateToInput(value, 'fr'))).toEqual({ ok: true, value });
    }
  });
});
