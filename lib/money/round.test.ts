import { describe, expect, test } from 'vitest';
import { parseScaledDecimal, roundHalfUp } from './round';

describe('roundHalfUp', () => {
  test.each([
    [5n, 2n, 3n, '2.5 ¢ → 3 ¢ (half goes up)'],
    [4999n, 2000n, 2n, '2.4995 ¢ → 2 ¢'],
    [7n, 2n, 4n, '3.5 ¢ → 4 ¢'],
    [1n, 3n, 0n, '0.33 ¢ → 0 ¢'],
    [2n, 3n, 1n, '0.67 ¢ → 1 ¢'],
    [0n, 7n, 0n, '0 ¢ → 0 ¢'],
    [1999n, 100n, 20n, '19.99 ¢ → 20 ¢'],
  ])('%i / %i → %i (%s)', (numerator, denominator, expected) => {
    expect(roundHalfUp(numerator, denominator)).toBe(expected);
  });

  test('refuses a negative amount rather than rounding it the wrong way', () => {
    expect(() => roundHalfUp(-5n, 2n)).toThrow(RangeError);
  });
});

describe('parseScaledDecimal', () => {
  test.each([
    ['1.8750', 4, 18750n],
    ['1,875', 4, 18750n],
    ['12', 2, 1200n],
    ['12.4', 2, 1240n],
    ['0', 4, 0n],
    ['7.50', 1, 75n],
  ])('"%s" at scale %i → %i', (text, scale, expected) => {
    expect(parseScaledDecimal(text, scale)).toBe(expected);
  });

  test.each(['', 'abc', '-1', '1.2.3', '1.005'])('"%s" is refused', (text) => {
    expect(() => parseScaledDecimal(text, 2)).toThrow(RangeError);
  });
});
