/**
 * The words of a statement of account PDF: French, or bilingual French first for a billed client
 * whose language is English, as invoices are (lib/pdf/invoice-labels.ts).
 */
const WORDS = {
  statement: ['ÉTAT DE COMPTE', 'STATEMENT OF ACCOUNT'],
  period: ['Période', 'Period'],
  periodFrom: ['Du', 'From'],
  periodTo: ['au', 'to'],
  asOf: ['En date du', 'As of'],
  client: ['No client', 'Client no.'],
  account: ['Compte', 'Account'],
  grouped: ['Compte regroupé', 'Grouped account'],
  opening: ['Solde d’ouverture', 'Opening balance'],
  closing: ['Solde de clôture', 'Closing balance'],
  date: ['Date', 'Date'],
  document: ['Document', 'Document'],
  due: ['Échéance', 'Due date'],
  debit: ['Débit', 'Debit'],
  credit: ['Crédit', 'Credit'],
  balance: ['Solde', 'Balance'],
  invoice: ['Facture', 'Invoice'],
  void: ['Annulation de la facture', 'Void of invoice'],
  creditNote: ['Note de crédit', 'Credit note'],
  creditNoteOn: ['sur la facture', 'on invoice'],
  payment: ['Paiement', 'Payment'],
  reversal: ['Paiement renversé', 'Payment reversed'],
  noDocument: ['Aucun document durant la période', 'No document in the period'],
  aging: ['Âge du solde', 'Aging of the balance'],
  current: ['Courant', 'Current'],
  days1to30: ['1-30', '1-30'],
  days31to60: ['31-60', '31-60'],
  days61to90: ['61-90', '61-90'],
  over90: ['Plus de 90', 'Over 90'],
  creditOnAccount: ['Crédit au compte', 'Credit on account'],
  openInvoices: ['Factures ouvertes', 'Open invoices'],
  noOpenInvoice: ['Aucune facture ouverte', 'No open invoice'],
  invoiceNumber: ['No de facture', 'Invoice no.'],
  total: ['Total', 'Total'],
  balanceDue: ['Solde dû', 'Balance due'],
  daysPastDue: ['Jours de retard', 'Days past due'],
  memberSubtotal: ['Sous-total', 'Subtotal'],
  memberSummary: ['Facturé par membre durant la période', 'Billed by member in the period'],
  member: ['Membre', 'Member'],
  invoices: ['Factures', 'Invoices'],
  calls: ['Appels', 'Calls'],
  subtotalBeforeTaxes: ['Sous-total avant taxes', 'Subtotal before taxes'],
  amountDue: ['Montant dû', 'Amount due'],
} as const;

export type StatementWord = keyof typeof WORDS;

export function statementLabel(word: StatementWord, language: 'fr' | 'en'): string {
  const [fr, en] = WORDS[word];
  return language === 'en' && fr !== en ? `${fr} / ${en}` : fr;
}
