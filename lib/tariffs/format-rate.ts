/**
 * Rates finer than a cent, read from numeric(10,4) as strings ("1.8750"), shown and typed back
 * without ever going through a float.
 */
import type { Locale } from '@/lib/i18n/locale';

export type RateUnit = 'km' | 'min';

function splitDecimal(value: string): { whole: string; fraction: string } {
  const [whole = '0', fraction = ''] = value.trim().split('.');
  return { whole: whole.replace(/^0+(?=\d)/, '') || '0', fraction };
}

function groupThousands(whole: string, separator: string): string {
  return whole.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/** "1.8750" → "1,8750 $/km" (fr-CA) or "$1.8750/km" (en-CA), with the four stored decimals. */
export function formatRate(value: string, locale: Locale, unit: RateUnit): string {
  const { whole, fraction } = splitDecimal(value);
  const decimals = fraction.padEnd(4, '0');
  return locale === 'fr' ? `${groupThousands(whole, ' ')},${decimals} $/${unit}` : `$${groupThousands(whole, ',')}.${decimals}/${unit}`;
}

/** "1.8750" → "1,875" in French, "1.875" in English: as a person would type it (at least two decimals). */
export function rateToInput(value: string, locale: Locale): string {
  const { whole, fraction } = splitDecimal(value);
  const decimals = fraction.replace(/0+$/, '').padEnd(2, '0');
  return `${whole}${locale === 'fr' ? ',' : '.'}${decimals}`;
}
