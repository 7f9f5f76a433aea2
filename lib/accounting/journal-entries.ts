/**
 * Each document as a journal entry of the books (docs/business-rules.md, Accounting export):
 *
 * | document            | debit                              | credit                             |
 * |---------------------|------------------------------------|------------------------------------|
 * | invoice             | receivables: total                 | sales: subtotal; dues; GST, QST    |
 * | credit note         | sales: subtotal; dues; GST, QST    | receivables: total                 |
 * | payment             | bank: amount                       | receivables: amount                |
 * | payment returned    | receivables: amount                | bank: amount                       |
 * | invoice voided      | sales: subtotal; dues; GST, QST    | receivables: total                 |
 *
 * The dues (redevance) of passenger trips go to their own account, owed to Revenu Québec.
 * An invoice's total is its subtotal, its dues and its taxes (held by the database), so every entry
 * balances to the cent. A line of zero (a tax the client is exempt of) is left out.
 */
import type { AccountMapping } from './account-mapping';
import type { AccountingDocument, AccountingDocumentKind } from './accounting-documents';

export type JournalLine = { account: string; debitCents: number; creditCents: number; isReceivables: boolean };

export type JournalEntry = {
  document: AccountingDocument;
  /** The entry's piece number in the books, short enough for Sage 50 (13 characters): F1042, NC12, P88R… */
  source: string;
  description: string;
  lines: JournalLine[];
};

const SOURCE_PREFIX: Record<AccountingDocumentKind, [string, string]> = {
  invoice: ['F', ''],
  invoice_void: ['F', 'A'],
  credit_note: ['NC', ''],
  payment: ['P', ''],
  payment_reversal: ['P', 'R'],
};

function descriptionOf(document: AccountingDocument): string {
  const client = `${document.clientNumber} ${document.clientName}`;
  switch (document.kind) {
    case 'invoice':
      return `Facture ${document.number} — ${client}`;
    case 'invoice_void':
      return `Annulation de la facture ${document.number} — ${client}`;
    case 'credit_note':
      return `Note de crédit ${document.number} (facture ${document.reference}) — ${client}`;
    case 'payment':
      return `Paiement ${document.number}${document.reference ? ` (${document.reference})` : ''} — ${client}`;
    case 'payment_reversal':
      return `Retour du paiement ${document.number}${document.reference ? ` (${document.reference})` : ''} — ${client}`;
  }
}

export function journalEntryOf(document: AccountingDocument, accounts: AccountMapping): JournalEntry {
  const debit = (account: string, cents: number, isReceivables = false): JournalLine => ({
    account,
    debitCents: cents,
    creditCents: 0,
    isReceivables,
  });
  const credit = (account: string, cents: number, isReceivables = false): JournalLine => ({
    account,
    debitCents: 0,
    creditCents: cents,
    isReceivables,
  });
  const sale = [
    [accounts.salesAccount, document.subtotalCents],
    // Exports written before the dues had no dues account, nor any dues.
    [accounts.duesAccount ?? accounts.salesAccount, document.duesCents],
    [accounts.gstAccount, document.gstCents],
    [accounts.qstAccount, document.qstCents],
  ] as const;
  let lines: JournalLine[];
  switch (document.kind) {
    case 'invoice':
      lines = [debit(accounts.receivablesAccount, document.totalCents, true), ...sale.map(([account, cents]) => credit(account, cents))];
      break;
    case 'credit_note':
    case 'invoice_void':
      lines = [...sale.map(([account, cents]) => debit(account, cents)), credit(accounts.receivablesAccount, document.totalCents, true)];
      break;
    case 'payment':
      lines = [debit(accounts.bankAccount, document.totalCents), credit(accounts.receivablesAccount, document.totalCents, true)];
      break;
    case 'payment_reversal':
      lines = [debit(accounts.receivablesAccount, document.totalCents, true), credit(accounts.bankAccount, document.totalCents)];
      break;
  }
  const [prefix, suffix] = SOURCE_PREFIX[document.kind];
  return {
    document,
    source: `${prefix}${document.number}${suffix}`,
    description: descriptionOf(document),
    lines: lines.filter((line) => line.debitCents !== 0 || line.creditCents !== 0),
  };
}

export function journalEntriesOf(documents: AccountingDocument[], accounts: AccountMapping): JournalEntry[] {
  return documents.map((document) => journalEntryOf(document, accounts)).filter((entry) => entry.lines.length > 0);
}

/** The sums of the debits and of the credits of `entries`, in cents. */
export function journalTotals(entries: JournalEntry[]): { debitCents: number; creditCents: number } {
  let debitCents = 0;
  let creditCents = 0;
  for (const entry of entries)
    for (const line of entry.lines) {
      debitCents += line.debitCents;
      creditCents += line.creditCents;
    }
  return { debitCents, creditCents };
}
