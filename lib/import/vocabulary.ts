/**
 * The words of the import files for the fields that are choices. The exports write the French
 * words of the screens (a test holds them to the interface's labels); the import also reads
 * the English words and the application's own codes, whatever the case and the accents.
 */
import { foldWord } from './columns';

type Choice<C extends string> = { code: C; word: string; also: readonly string[] };

function vocabulary<C extends string>(choices: readonly Choice<C>[]) {
  const byWord = new Map<string, C>();
  for (const choice of choices) for (const word of [choice.code, choice.word, ...choice.also]) byWord.set(foldWord(word), choice.code);
  return {
    /** The code a cell names, or null when it names none. */
    read: (cell: string): C | null => byWord.get(foldWord(cell)) ?? null,
    /** The French word an export writes for a code. */
    write: (code: C): string => choices.find((choice) => choice.code === code)!.word,
    /** The words to suggest in an error. */
    words: choices.map((choice) => choice.word).join(', '),
  };
}

export const yesNoWords = vocabulary([
  { code: 'yes', word: 'Oui', also: ['o', 'yes', 'y', 'vrai', 'true', '1', 'x'] },
  { code: 'no', word: 'Non', also: ['n', 'no', 'faux', 'false', '0'] },
] as const);

export const languageWords = vocabulary([
  { code: 'fr', word: 'Français', also: ['French'] },
  { code: 'en', word: 'Anglais', also: ['English', 'Anglais (facture bilingue)', 'English (bilingual invoice)', 'bilingue'] },
] as const);

export const deliveryMethodWords = vocabulary([
  { code: 'print', word: 'Impression', also: ['Print', 'Imprimé', 'Papier'] },
  { code: 'email', word: 'Courriel', also: ['E-mail', 'Email', 'Courrier électronique'] },
  { code: 'both', word: 'Impression et courriel', also: ['Print and e-mail', 'Print and email', 'Les deux', 'Both'] },
] as const);

export const billingCycleWords = vocabulary([
  { code: 'weekly', word: 'Hebdomadaire', also: ['Weekly', 'Semaine'] },
  { code: 'monthly', word: 'Mensuel', also: ['Monthly', 'Mensuelle', 'Mois'] },
] as const);

export const duesExemptionWords = vocabulary([
  { code: 'none', word: 'Non', also: ['No', 'n', 'faux', 'false', '0', 'Aucune'] },
  { code: 'municipal_contract', word: 'Contrat avec une municipalité', also: ['Contract with a municipality', 'Municipalité'] },
  {
    code: 'transit_contract',
    word: 'Contrat avec un organisme public de transport',
    also: ['Contract with a public transit authority', 'Organisme public de transport', 'Transport en commun'],
  },
  { code: 'act', word: 'Autre exemption prévue par la Loi', also: ['Other exemption under the Act', 'Loi'] },
] as const);

export const callStatusWords = vocabulary([
  { code: 'open', word: 'Ouvert', also: ['Open', 'Ouverte'] },
  { code: 'dispatched', word: 'Affecté', also: ['Dispatched', 'Affectée', 'Répartie', 'Réparti'] },
  { code: 'completed', word: 'Terminé', also: ['Completed', 'Terminée', 'Complété', 'Complétée'] },
  { code: 'cancelled', word: 'Annulé', also: ['Cancelled', 'Canceled', 'Annulée'] },
] as const);

export const serviceTypeWords = vocabulary([
  { code: 'standard', word: 'Régulier', also: ['Regular', 'Régulière'] },
  { code: 'express', word: 'Express', also: [] },
  { code: 'taxi', word: 'Taxi', also: [] },
] as const);

/** The mentions Revenu Québec prescribes for how a trip's price was set (documents.billingTypes), as the invoices print them. */
export const billingTypeWords = vocabulary([
  { code: 'taxi', word: 'Tarif taxi.', also: ['Tarif taxi', 'Taximètre'] },
  { code: 'odometer', word: 'Tarif odo.', also: ['Tarif odo', 'Odomètre'] },
  { code: 'fixed_regular', word: 'Tarif fixe r.', also: ['Tarif fixe r', 'Tarif fixe régulier'] },
  { code: 'fixed_contract', word: 'Tarif fixe c.', also: ['Tarif fixe c', 'Tarif fixe d’un contrat', 'Contrat'] },
  { code: 'hourly', word: 'Tarif horaire', also: ['Horaire', 'À l’heure', 'Hourly'] },
  { code: 'adapted', word: 'Tr. adapté', also: ['Tr adapté', 'Transport adapté', 'Paratransit'] },
  { code: 'collective', word: 'Tr. collectif', also: ['Tr collectif', 'Transport collectif'] },
  { code: 'app', word: 'Tarif app.', also: ['Tarif app', 'Application'] },
] as const);
