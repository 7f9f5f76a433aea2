import { expect, test } from 'vitest';
import { normalizePostalCode } from './postal-code';

test.each([
  ['H2X 1Y4', 'H2X 1Y4'],
  ['h2x1y4', 'H2X 1Y4'],
  ['  g1v 4g2 ', 'G1V 4G2'],
  ['K1A 0B1', 'K1A 0B1'],
  ['T2P 2M5', 'T2P 2M5'],
])('"%s" is the postal code %s', (input, expected) => {
  expect(normalizePostalCode(input)).toBe(expected);
});

test.each([
  ['90210', 'a ZIP code'],
  ['D2X 1Y4', 'D never starts a postal code'],
  ['W2X 1Y4', 'W never starts a postal code'],
  ['H2O 1Y4', 'O is never used'],
  ['H2X 1Y', 'too short'],
  ['H2X-1Y4', 'a dash is not a space'],
  ['H2X  1Y4', 'two spaces'],
  ['', 'empty'],
])('"%s" is refused (%s)', (input) => {
  expect(normalizePostalCode(input)).toBeNull();
});
