import { parse } from 'csv-parse/sync';
import { describe, expect, test } from 'vitest';
import { csvAmount, neutralizeFormula, writeCsv } from './write-csv';

describe('neutralizeFormula', () => {
  test.each([
    ['=HYPERLINK("http://evil.example","x")', '\'=HYPERLINK("http://evil.example","x")'],
    ['+1+1', "'+1+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', "'\r=1+1"],
  ])('text starting a formula is prefixed with a quote: %j → %j', (text, expected) => {
    expect(neutralizeFormula(text)).toBe(expected);
  });

  test.each(['Pharmacie Centrale inc.', 'Café « Le Quai » = 2 succursales', '', ' =1+1', 'O’Neil', '1+1'])(
    'other text is left as written: %j',
    (text) => {
      expect(neutralizeFormula(text)).toBe(text);
    },
  );
});

describe('csvAmount', () => {
  test.each([
    [15092, ',', '150,92'],
    [-1930, ',', '-19,30'],
    [-5, '.', '-0.05'],
    [0, ',', '0,00'],
    [100000000, '.', '1000000.00'],
  ] as const)('%i ¢ with %j → %s', (cents, mark, expected) => {
    expect(csvAmount(cents, mark)).toBe(expected);
  });
});

describe('writeCsv', () => {
  test('neutralizes text cells only: a negative amount or count stays a number', () => {
    const csv = writeCsv(
      [
        ['=1+1', -3, { cents: -1930 }, '-5'],
        ['@cmd', 4, { cents: 250 }, 'texte'],
      ],
      { separator: 'semicolon' },
    );
    expect(csv).toBe("\uFEFF'=1+1;-3;-19,30;'-5\r\n'@cmd;4;2,50;texte\r\n");
  });

  test('quotes separators, quotes and line breaks of any kind, and reads back as written', () => {
    const rows = [['a;b', 'dit "oui"', 'ligne\nsuivante', 'retour\rchariot', 'a,b']];
    const csv = writeCsv(rows, { separator: 'semicolon' });
    expect(csv).toBe('\uFEFF"a;b";"dit ""oui""";"ligne\nsuivante";"retour\rchariot";a,b\r\n');
    expect(parse(csv, { bom: true, delimiter: ';' })).toEqual(rows);
  });

  test('with commas: decimal points, commas quoted', () => {
    expect(writeCsv([['a,b', { cents: 123456 }]], { separator: 'comma' })).toBe('\uFEFF"a,b",1234.56\r\n');
  });

  test('a neutralized cell reads back with its quote, so a spreadsheet shows it as text', () => {
    const csv = writeCsv([['=HYPERLINK("http://evil.example","x")']], { separator: 'semicolon' });
    expect(parse(csv, { bom: true, delimiter: ';' })).toEqual([['\'=HYPERLINK("http://evil.example","x")']]);
  });
});
