import { BUSINESS_TIME_ZONE } from '@/lib/dates/montreal';
import { formattingLocale, type Locale } from './locale';

const money = {
  fr: new Intl.NumberFormat('fr-CA', { style: 'currency', currency: 'CAD' }),
  en: new Intl.NumberFormat('en-CA', { style: 'currency', currency: 'CAD' }),
};

/**
 * Integer cents as money for the reader: "1 234,56 $" (fr-CA) or "$1,234.56" (en-CA).
 * The narrow no-break spaces of fr-CA become plain spaces so that every font draws them.
 */
export function formatMoney(cents: number, locale: Locale): string {
  const whole = Math.trunc(cents / 100);
  const rest = Math.abs(cents % 100);
  // Format from an exact decimal string, never from cents / 100 as a float.
  const exact = Number(`${cents < 0 && whole === 0 ? '-' : ''}${whole}.${String(rest).padStart(2, '0')}`);
  return money[locale].format(exact).replace(/[\u202f\u00a0]/g, ' ');
}

/**
 * Date formats, made once per language: building an Intl.DateTimeFormat costs far more than
 * using one, and a table formats a date on every row.
 */
const dateFormats = {
  date: formatsByLocale({ dateStyle: 'long', timeZone: 'UTC' }),
  dateTime: formatsByLocale({ dateStyle: 'medium', timeStyle: 'short', timeZone: BUSINESS_TIME_ZONE }),
  dateTimeShort: formatsByLocale({ dateStyle: 'short', timeStyle: 'short', timeZone: BUSINESS_TIME_ZONE }),
};

function formatsByLocale(options: Intl.DateTimeFormatOptions): Record<Locale, Intl.DateTimeFormat> {
  return {
    fr: new Intl.DateTimeFormat(formattingLocale('fr'), options),
    en: new Intl.DateTimeFormat(formattingLocale('en'), options),
  };
}

/** A YYYY-MM-DD date as the reader writes it: "3 octobre 2026" / "October 3, 2026". */
export function formatDate(isoDate: string, locale: Locale): string {
  return dateFormats.date[locale].format(new Date(`${isoDate}T00:00:00Z`));
}

export function formatDateTime(instant: Date, locale: Locale): string {
  return dateFormats.dateTime[locale].format(instant);
}

/** Compact date and time for tables: "2026-11-25 18 h 25" / "2026-11-25, 6:25 p.m.". */
export function formatDateTimeShort(instant: Date, locale: Locale): string {
  return dateFormats.dateTimeShort[locale].format(instant);
}
