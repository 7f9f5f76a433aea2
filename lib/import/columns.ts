/**
 * The columns of the import files, one list per kind, in the order the templates and the exports
 * write them (docs/business-rules.md, Import). Headers are French, the words of the forms'
 * labels (a test holds them to those labels), and are matched whatever the case, the accents,
 * the spaces and the kind of apostrophe. Only the columns marked `isRequired` must be in a file:
 * an absent column keeps an existing record's value, and takes the form's default for a new one.
 */
export const IMPORT_KINDS = ['clients', 'tariffs', 'calls'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export function isImportKind(value: unknown): value is ImportKind {
  return typeof value === 'string' && (IMPORT_KINDS as readonly string[]).includes(value);
}

export type ColumnSpec<K extends string = string> = {
  key: K;
  header: string;
  /** The column must be in the file's first line. */
  isRequired?: boolean;
  /** Other headers read as this column. */
  aliases?: readonly string[];
};

export const CLIENT_COLUMNS = [
  { key: 'number', header: 'No. client', isRequired: true },
  { key: 'name', header: 'Nom' },
  { key: 'contactName', header: 'Personne-ressource' },
  { key: 'phone', header: 'Téléphone' },
  { key: 'addressLine1', header: 'Adresse' },
  { key: 'addressLine2', header: 'Adresse (suite)' },
  { key: 'city', header: 'Ville' },
  { key: 'province', header: 'Province' },
  { key: 'postalCode', header: 'Code postal' },
  { key: 'invoiceEmails', header: 'Courriels de facturation' },
  { key: 'language', header: 'Langue de la facture' },
  { key: 'deliveryMethod', header: 'Mode d’envoi' },
  { key: 'paymentTermsDays', header: 'Conditions de paiement (jours)' },
  { key: 'billingCycle', header: 'Cycle de facturation' },
  { key: 'gstExempt', header: 'Exempté de la TPS' },
  { key: 'gstExemptionNumber', header: 'No. d’exemption TPS' },
  { key: 'qstExempt', header: 'Exempté de la TVQ' },
  { key: 'qstExemptionNumber', header: 'No. d’exemption TVQ' },
  // The dues exemption: its reason (or "Non"), the Act's other exemption named, its first and last days.
  { key: 'duesExemption', header: 'Exempté de la redevance' },
  { key: 'duesExemptionDetail', header: 'Exemption prévue par la Loi' },
  { key: 'duesExemptFrom', header: 'Du' },
  { key: 'duesExemptTo', header: 'Au' },
  { key: 'tariff', header: 'Tarif' },
  { key: 'discountPercent', header: 'Escompte (%)' },
  { key: 'groupedClientNumber', header: 'No. client regroupé' },
  // The date a change of group of an existing client takes effect (empty: today), as on the form.
  { key: 'groupedEffectiveDate', header: 'En vigueur le' },
  { key: 'isActive', header: 'Client actif' },
  { key: 'notes', header: 'Notes' },
] as const satisfies readonly ColumnSpec[];

export const TARIFF_COLUMNS = [
  { key: 'code', header: 'Code', isRequired: true },
  { key: 'name', header: 'Nom' },
  { key: 'baseCents', header: 'Montant de base' },
  { key: 'perKm', header: 'Taux au km' },
  { key: 'perMinute', header: 'Taux par minute d’attente' },
  { key: 'minimumChargeCents', header: 'Frais minimum' },
  { key: 'isActive', header: 'Tarif actif' },
] as const satisfies readonly ColumnSpec[];

/** A call file describes each call whole: its absent optional columns take their defaults. */
export const CALL_COLUMNS = [
  { key: 'callId', header: 'No. appel', isRequired: true, aliases: ['No. d’appel'] },
  { key: 'clientNumber', header: 'No. client', isRequired: true },
  { key: 'serviceDate', header: 'Date du service', isRequired: true },
  { key: 'serviceTime', header: 'Heure' },
  { key: 'caller', header: 'Appelant' },
  { key: 'pickupAddress', header: 'Adresse de départ', isRequired: true },
  { key: 'destinationAddress', header: 'Destination', isRequired: true },
  { key: 'distanceKm', header: 'Distance (km)' },
  { key: 'waitingMinutes', header: 'Attente (minutes)' },
  { key: 'serviceType', header: 'Type de service' },
  { key: 'clientReference', header: 'Référence du client' },
  { key: 'notes', header: 'Notes' },
  { key: 'status', header: 'Statut', isRequired: true },
  { key: 'tariff', header: 'Tarif', isRequired: true },
  { key: 'grossCents', header: 'Montant brut', isRequired: true },
  { key: 'discountPercent', header: 'Escompte (%)' },
  { key: 'discountCents', header: 'Escompte' },
  { key: 'priceCents', header: 'Prix', isRequired: true },
  // A passenger trip's (docs/business-rules.md, Passenger transport), between its price and its invoice, which stays last.
  { key: 'billingType', header: 'Type de facturation' },
  { key: 'billingHours', header: 'Heures' },
  { key: 'originMunicipality', header: 'Municipalité de départ' },
  { key: 'destinationMunicipality', header: 'Municipalité de destination' },
  { key: 'sevNumber', header: 'No. de facture SEV' },
  // The values of the required references of its client and head: `Libellé : valeur ; Libellé : valeur`.
  { key: 'references', header: 'Références' },
  { key: 'invoiceNumber', header: 'No. facture' },
] as const satisfies readonly ColumnSpec[];

export type ClientColumnKey = (typeof CLIENT_COLUMNS)[number]['key'];
export type TariffColumnKey = (typeof TARIFF_COLUMNS)[number]['key'];
export type CallColumnKey = (typeof CALL_COLUMNS)[number]['key'];

export const COLUMNS_BY_KIND: Record<ImportKind, readonly ColumnSpec[]> = {
  clients: CLIENT_COLUMNS,
  tariffs: TARIFF_COLUMNS,
  calls: CALL_COLUMNS,
};

/** The header of a column by its key, to name it in an error. */
export function headerOf(kind: ImportKind, key: string): string {
  return COLUMNS_BY_KIND[kind].find((column) => column.key === key)?.header ?? key;
}

/**
 * A header or a word of a cell as compared: "Mode d'envoi " and "MODE D’ENVOI" are the same, so
 * are "Exempte de la TPS" and "Exempté de la TPS" (a file saved by a spreadsheet that lost its
 * accents still reads).
 */
export function foldWord(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’‘`´]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}
