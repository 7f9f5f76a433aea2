import { describe, expect, test } from 'vitest';
import { centsToInput, parseMoneyToCents, parseRate } from './parse';

describe('parseMoneyToCents', () => {
  test.each([
    ['12,50', 1250],
    ['12.50', 1250],
    ['12,5', 1250],
    ['1234.5', 123450],
    ['1 234,56', 123456],
    ['1\u00a0234,56', 123456],
    ['1\u202f234,56 $', 123456],
    ['1,234.56', 123456],
    ['1.234,56', 123456],
    ['1,234,567', 123456700],
    ['12', 1200],
    ['0', 0],
    ['0,05', 5],
    [',75', 75],
    ['$12.00', 1200],
    ['  7,00 $ ', 700],
  ])('"%s" → %i ¢', (text, cents) => {
    expect(parseMoneyToCents(text)).toEqual({ ok: true, cents });
  });

  test.each([
    ['12,345', 'money.ambiguous'],
    ['12.345', 'money.ambiguous'],
    ['-5', 'money.negative'],
    ['−5,00', 'money.negative'],
    ['12,3456', 'money.tooManyDecimals'],
    ['1.2345', 'money.tooManyDecimals'],
    ['', 'money.invalid'],
    ['abc', 'money.invalid'],
    ['12,50,1', 'money.invalid'],
    ['1 23,00', 'money.invalid'],
    ['1,23.00', 'money.invalid'],
    ['1e5', 'money.invalid'],
    ['9999999999999', 'money.tooLarge'],
  ])('"%s" is refused: %s', (text, code) => {
    expect(parseMoneyToCents(text)).toEqual({ ok: false, code });
  });
});

describe('parseRate', () => {
  test.each([
    ['1,875', '1.8750'],
    ['1.8750', '1.8750'],
    ['0,65', '0.6500'],
    ['2', '2.0000'],
    ['.5', '0.5000'],
    ['007,1', '7.1000'],
  ])('"%s" → %s', (text, value) => {
    expect(parseRate(text)).toEqual({ ok: true, value });
  });

  test.each([
    ['-1', 'rate.negative'],
    ['1,23456', 'rate.tooManyDecimals'],
    ['1 000,5', 'rate.invalid'],
    ['abc', 'rate.invalid'],
    ['', 'rate.invalid'],
  ])('"%s" is refused: %s', (text, code) => {
    expect(parseRate(text)).toEqual({ ok: false, code });
  });
});

test('centsToInput writes the decimal mark of the language', () => {
  expect(centsToInput(123456, 'fr')).toBe('1234,56');
  expect(centsToInput(5, 'en')).toBe('0.05');
});
