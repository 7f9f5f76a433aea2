import { describe, expect, test } from 'vitest';
import { createTranslator } from 'next-intl';
import { formatDate, formatMoney } from './format';
import { en } from './messages/en/index';
import { fr } from './messages/fr/index';

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

describe('amounts in messages', () => {
  // A refusal names an amount as the screens show money: « 31,98 $ » and « $31.98 », not the
  // international « 31,98 $CA » and « CA$31.98 ».
  test.each([
    ['fr', 'Le montant affecté à la facture 12 dépasse son solde dû (31,98 $).'],
    ['en', 'The amount applied to invoice 12 exceeds its balance due ($31.98).'],
  ] as const)('%s', (locale, expected) => {
    const t = createTranslator({ locale, messages: locale === 'fr' ? fr : en });
    const message = t('errors.payment.aboveBalance', { number: 12, balance: 31.98 }).replace(/[\u202f\u00a0]/g, ' ');
    expect(message).toBe(expected);
    expect(message).toContain(formatMoney(3198, locale));
  });

  test('every amount of every message, in both languages, is written with the narrow symbol', () => {
    const skeletons = JSON.stringify([fr, en]).match(/::currency\/[^}]*/g) ?? [];
    expect(skeletons.length).toBeGreaterThan(0);
    expect(skeletons.filter((skeleton) => !skeleton.includes('unit-width-narrow'))).toEqual([]);
  });
});
