import type { frAccounting } from '../fr/accounting';

/** The accounting export screen (/admin/accounting). */
export const enAccounting: typeof frAccounting = {
  accounting: {
    intro:
      'The invoices, credit notes and payments of a period, as journal entries for the books: receivables, sales, GST payable, QST payable and bank. Each document is exported once; a re-export takes it again on purpose.',
    waiting: '{count, plural, one {# document is} other {# documents are}} waiting to be exported, dated {from} to {to}.',
    nothingWaiting: 'Every document has been exported.',
    newTitle: 'New export',
    from: 'From',
    to: 'To',
    isReexport: 'Also re-export the documents of the period already exported',
    create: 'Export the period',
    created: 'Export {id}: {count, plural, one {# document} other {# documents}}, debits and credits of {total} each. Download it below.',
    exportsTitle: 'Exports',
    exportsLabel: 'Accounting exports',
    none: 'No export yet.',
    columns: {
      id: 'No.',
      period: 'Period',
      documents: 'Documents',
      total: 'Debits = credits',
      createdAt: 'Exported on',
      createdBy: 'By',
      files: 'Files',
    },
    periodRange: '{from} to {to}',
    reexport: 're-export',
    layouts: { journal: 'General journal (CSV)', quickbooks: 'QuickBooks (CSV)', sage50: 'Sage 50 (TXT)' },
    mappingTitle: 'General ledger accounts',
    mappingHint: 'The number or name of each account as the accounting software knows it (QuickBooks imports by name).',
    mappingReadOnly: 'Only an administrator may change the accounts.',
    accounts: {
      receivablesAccount: 'Accounts receivable',
      salesAccount: 'Sales',
      gstAccount: 'GST payable',
      qstAccount: 'QST payable',
      duesAccount: 'Dues payable',
      bankAccount: 'Bank',
    },
    saveMapping: 'Save the accounts',
    mappingSaved: 'Accounts saved.',
    journal: {
      headers: {
        date: 'Date',
        source: 'Source',
        kind: 'Type',
        clientNumber: 'Client no.',
        client: 'Client',
        account: 'Account',
        description: 'Description',
        debit: 'Debit',
        credit: 'Credit',
      },
      kinds: {
        invoice: 'Invoice',
        invoice_void: 'Invoice voided',
        credit_note: 'Credit note',
        payment: 'Payment',
        payment_reversal: 'Payment returned',
      },
    },
  },
  errors: {
    accounting: {
      nothingToExport: 'No document to export from {from} to {to}: all were exported already (check re-export to take them again).',
      nothingInPeriod: 'No document dated from {from} to {to}.',
      periodOrder: 'The end of the period must follow its start.',
      accountText: 'An account is written on one line, without quotes.',
    },
  },
};
