/**
 * The words of an invoice PDF. Invoices are in French; for a billed client whose language is
 * English they are bilingual, French first (Charter of the French language). The language is
 * the invoice's own (snapshotted at generation), not the reader's interface.
 */
const WORDS = {
  invoice: ['FACTURE', 'INVOICE'],
  number: ['No de facture', 'Invoice no.'],
  issueDate: ['Date', 'Date'],
  dueDate: ['Échéance', 'Due date'],
  terms: ['Conditions', 'Terms'],
  billedTo: ['Facturé à', 'Bill to'],
  client: ['No client', 'Client no.'],
  call: ['No d’appel', 'Call no.'],
  date: ['Date', 'Date'],
  route: ['Départ → destination', 'Pickup → destination'],
  reference: ['Référence', 'Reference'],
  amount: ['Montant', 'Amount'],
  memberSubtotal: ['Sous-total', 'Subtotal'],
  subtotal: ['Sous-total', 'Subtotal'],
  gst: ['TPS (5 %)', 'GST (5%)'],
  qst: ['TVQ (9,975 %)', 'QST (9.975%)'],
  total: ['Total', 'Total'],
  gstNumber: ['No TPS', 'GST no.'],
  qstNumber: ['No TVQ', 'QST no.'],
  gstExempt: ['Exempté de la TPS', 'GST exempt'],
  qstExempt: ['Exempté de la TVQ', 'QST exempt'],
  void: ['ANNULÉE', 'VOID'],
  grouped: ['Facture regroupée', 'Grouped invoice'],
} as const;

export type InvoiceWord = keyof typeof WORDS;

export function invoiceLabel(word: InvoiceWord, language: 'fr' | 'en'): string {
  const [fr, en] = WORDS[word];
  return language === 'en' && fr !== en ? `${fr} / ${en}` : fr;
}

export function termsLabel(days: number, language: 'fr' | 'en'): string {
  const fr = days === 0 ? 'Payable sur réception' : `Net ${days} jours`;
  const en = days === 0 ? 'Due on receipt' : `Net ${days} days`;
  return language === 'en' ? `${fr} / ${en}` : fr;
}

export function pageLabel(page: number, pages: number, language: 'fr' | 'en'): string {
  return language === 'en' ? `Page ${page} de ${pages} / Page ${page} of ${pages}` : `Page ${page} de ${pages}`;
}
