/**
 * The words a customer reads — on a PDF, in an e-mail, in a file's name — in one place: the
 * `documents` namespace of the messages, read through one translator for documents. A document
 * speaks its client's language, not the reader's interface: an e-mail is in the client's
 * language; a PDF is in French, bilingual French first for a client whose language is English
 * (Charter of the French language, docs/business-rules.md).
 */
import { createTranslator } from 'next-intl';
import { BUSINESS_TIME_ZONE } from '@/lib/dates/montreal';
import type { Locale } from './locale';
import { en } from './messages/en/index';
import { fr, type Messages } from './messages/fr/index';

const translators = {
  fr: createTranslator<Messages, 'documents'>({ locale: 'fr', messages: fr, namespace: 'documents', timeZone: BUSINESS_TIME_ZONE }),
  en: createTranslator<Messages, 'documents'>({ locale: 'en', messages: en, namespace: 'documents', timeZone: BUSINESS_TIME_ZONE }),
};

export type DocumentTranslator = (typeof translators)['fr'];
type DocumentKey = Parameters<DocumentTranslator>[0];
type Values = Record<string, string | number>;

/** The documents' words in one language (an e-mail, a file name). */
export function documentTranslator(language: Locale): DocumentTranslator {
  return translators[language];
}

/** A PDF's words: French, or French / English for an English client (once when both say the same). */
export function documentLabel(key: DocumentKey, language: Locale, values?: Values): string {
  const french = translators.fr(key, values);
  if (language === 'fr') return french;
  const english = translators.en(key, values);
  return english === french ? french : `${french} / ${english}`;
}

export type InvoiceWord = keyof Messages['documents']['invoice'];
export type StatementWord = keyof Messages['documents']['statement'];

export const invoiceLabel = (word: InvoiceWord, language: Locale) => documentLabel(`invoice.${word}`, language);
export const statementLabel = (word: StatementWord, language: Locale) => documentLabel(`statement.${word}`, language);
export const termsLabel = (days: number, language: Locale) => documentLabel('terms', language, { days });
export const pageLabel = (page: number, pages: number, language: Locale) => documentLabel('page', language, { page, pages });

/**
 * A trip's description as Revenu Québec prescribes it (QST Regulation s. 350.62R5): how its price
 * was set (the mention, in French on every invoice), its hours to the tenth, its SEV bill number
 * unless it is the invoice's (`invoiceSev`, printed once at the top).
 */
export function tripMentions(
  trip: {
    billingType: keyof Messages['documents']['billingTypes'] | null;
    billingHoursTenths: number | null;
    sevNumber: string | null;
  },
  invoiceSev: string | null,
): string {
  const t = translators.fr;
  return [
    trip.billingType ? t(`billingTypes.${trip.billingType}`) : null,
    trip.billingHoursTenths ? t('hours', { hours: (trip.billingHoursTenths / 10).toFixed(1).replace('.', ',') }) : null,
    trip.sevNumber && trip.sevNumber !== invoiceSev ? t('sev', { number: trip.sevNumber }) : null,
  ]
    .filter(Boolean)
    .join(' · ');
}

/** The values of a trip's required references, as its invoice line prints them: « Bon de commande : BC-004512 · Centre de coûts : 100 ». */
export function referenceMentions(values: Record<string, string>): string {
  return Object.entries(values)
    .map(([label, value]) => `${label} : ${value}`)
    .join(' · ');
}
