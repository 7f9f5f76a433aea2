/** How the reports write their months and their counts for the reader. */
import { formattingLocale, type Locale } from '@/lib/i18n/locale';

const monthFormats = {
  fr: new Intl.DateTimeFormat(formattingLocale('fr'), { month: 'long', year: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat(formattingLocale('en'), { month: 'long', year: 'numeric', timeZone: 'UTC' }),
};
const countFormats = {
  fr: new Intl.NumberFormat(formattingLocale('fr'), { maximumFractionDigits: 0 }),
  en: new Intl.NumberFormat(formattingLocale('en'), { maximumFractionDigits: 0 }),
};

/** A month of the reports (YYYY-MM) as the reader writes it: "mars 2026" / "March 2026". */
export function formatMonth(month: string, locale: Locale): string {
  return monthFormats[locale].format(new Date(`${month}-01T00:00:00Z`));
}

/** A count of trips: "12 345" / "12,345" (the narrow no-break spaces of fr-CA as plain spaces, as formatMoney writes them). */
export function formatCount(count: number, locale: Locale): string {
  return countFormats[locale].format(count).replace(/[\u202f\u00a0]/g, ' ');
}
