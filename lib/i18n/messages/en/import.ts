import type { frImport } from '../fr/import';

export const enImport: typeof frImport = {
  importAdmin: {
    intro:
      'Import clients (with their No. client regroupé), tariffs and historical calls from a CSV file saved by a spreadsheet: UTF-8 or Windows-1252, “;” or “,” as separator, decimal comma or point, dates YYYY-MM-DD. The file is checked whole first; it is imported only when it has no error, all or nothing.',
    order: 'Import in this order: tariffs, then clients, then calls.',
    importTitle: 'Import a file',
    kind: 'File content',
    kinds: { clients: 'Clients', tariffs: 'Tariffs', calls: 'Historical calls' },
    file: 'CSV file',
    fileHint: '{limit} MB at most.',
    check: 'Check the file',
    import: 'Import',
    checking: 'Checking…',
    importing: 'Importing…',
    progressSent: '{percent}% of the file read',
    progressRows: '{rows, plural, =0 {No line read} one {# line read} other {# lines read}}',
    valid:
      'Valid file ({encoding}, separator “{delimiter}”): {rows, plural, one {# line} other {# lines}} — {created, number} to create, {updated, number} to update, {unchanged, number} unchanged. Nothing is imported yet.',
    invalid: '{count, plural, one {# error} other {# errors}}: nothing was imported. Correct the file, then check it again.',
    moreErrors: '… and {count, plural, one {# more error} other {# more errors}} not listed.',
    imported:
      'Import done: {created, number} created, {updated, number} updated, {unchanged, number} unchanged. Each change is in the audit log under your name.',
    errorsLabel: 'Errors in the file',
    columns: { line: 'Line', column: 'Column', reason: 'Error' },
    wholeFile: 'file',
    wholeLine: '—',
    sessionExpired: 'Your session has expired. Sign in again, then start over.',
    networkError: 'The server could not be reached: nothing was imported. Try again.',
    chooseFile: 'Choose a file.',
    template: 'Template — {kind}',
    exportTitle: 'Export',
    exportIntro:
      'The same columns as the import: an exported file imports as is into another database. Calls are those of the chosen period (service dates).',
    exportKind: 'Data',
    from: 'From',
    to: 'To',
    separator: 'Separator',
    separators: { semicolon: 'Semicolon (French spreadsheet)', comma: 'Comma' },
    download: 'Download the CSV',
    columnsTitle: 'Columns of each file',
    columnsIntro:
      'Columns marked * are required. An absent column keeps the value of a client or tariff already there; calls are described whole.',
  },
  importedCall: {
    invoice: 'Billed in the former system (invoice {invoice})',
    readOnly:
      'This call was imported from the former system, where it was billed on invoice {invoice}: it cannot be changed nor billed again.',
  },
  errors: {
    import: {
      kind: 'Choose the file’s content: clients, tariffs or calls.',
      tooLarge: 'File too large: {limit} MB at most (setting IMPORT_MAX_MB). Nothing was imported.',
      empty: 'The file is empty.',
      utf16: 'This file is in UTF-16 (“Unicode text”): save it as “CSV UTF-8” or “CSV (semicolon delimited)”.',
      binary: 'This file is not a CSV text file: save the sheet as “CSV UTF-8” or “CSV (semicolon delimited)”.',
      mixedEncoding:
        'Inconsistent encoding from this line on: the file starts in UTF-8 then holds characters of another encoding. Save it again as “CSV UTF-8”.',
      switchedToUtf8:
        'Inconsistent encoding from this line on: the file starts in Windows-1252 then holds UTF-8 text (“Ã©” instead of “é”). Save it again as “CSV UTF-8”.',
      headerLine: 'The first line must name the columns, separated by semicolons or commas.',
      unknownColumn: 'Unknown column “{column}” (see this file’s template).',
      missingColumn: 'Required column missing: “{column}”.',
      duplicateColumn: 'Column “{column}” appears twice.',
      recordTooLong: 'Line too long (over {max} characters): the file is not read past it.',
      quote: 'Quote not closed or misplaced: the file is not read past this line.',
      extraCells: 'This line has more filled cells than columns.',
      noRows: 'The file holds no data line.',
      cellTooLong: 'Value too long: {max} characters at most.',
      controlCharacters: 'This value holds invisible control characters.',
      choice: '“{value}” is not an allowed value: {choices}.',
      duplicateClient: 'Client {number} is already on line {first}.',
      duplicateTariff: 'Tariff {code} is already on line {first}.',
      duplicateCall: 'Call {id} is already on line {first}.',
      unknownTariff: 'Tariff {code} does not exist: import the tariffs first.',
      unknownClient: 'Client {number} does not exist: import the clients first.',
      unknownMunicipality:
        'The municipality “{name}” is not on the list: an administrator adds it under Administration › Municipalities, or merges this spelling into the right one.',
      callId: 'No. appel: 1 to 93 letters, digits or “. _ : -”.',
      amountTooLarge: 'Amount too large: $999,999.99 at most.',
      priceMismatch: 'The price ({price}) must be the gross amount ({gross}) less the discount ({discount}).',
      discountAboveGross: 'The discount ({discount}) is above the gross amount ({gross}).',
      invoicedNotCompleted: 'A billed call (No. facture {invoice}) must have the status Completed.',
      invoiceNumber: 'No. facture: 50 characters at most.',
      callLocked: 'Call {id} was already imported and is billed (invoice {invoice}): it can no longer change.',
      callFromThisDatabase:
        'Call {id} is already a call of this database (same number, client and date): this file looks like an export of it.',
      callFromApi: 'Call {id} cannot be imported: its id import:{id} is that of a call received from the dispatch API.',
      conflict: 'The same data was changed by someone else during the import: nothing was imported. Check the file again.',
      callLegacyInvoiced: 'Call {number} was billed in the former system (invoice {invoice}): it can no longer be changed.',
    },
  },
};
