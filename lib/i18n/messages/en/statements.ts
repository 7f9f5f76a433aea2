import type { frStatements } from '../fr/statements';

/** Statements of account: produced for one client or in a batch, printed or e-mailed. */
export const enStatements: typeof frStatements = {
  statements: {
    title: 'Statements of account',
    intro:
      'One statement per billed client: opening balance, the period’s documents with the running balance, closing balance, aging of the balance and open invoices at the end of the period.',
    from: 'From',
    to: 'To',
    grouped: 'Facturation par client regroupé',
    groupedHint: 'Checked: grouped accounts (group heads). Unchecked: the other billed clients.',
    clientNumber: 'Client no. (one client)',
    clientHint: 'Leave empty to produce the period’s batch.',
    show: 'Show',
    prompt: 'Choose a period, then a client or the kind of billing.',
    none: 'No client has a document in this period nor a balance at its end.',
    listTitle: '{count, plural, one {# statement} other {# statements}}',
    printButton: 'Print (one PDF for the whole batch)',
    printHint: 'Statements are recorded printed once the whole PDF has been produced.',
    preview: 'PDF preview',
    previewHint:
      'A client’s PDF preview does not record it printed. To print one client’s statement, enter its number above, show it, then print.',
    printed: 'Printed {date}',
    emailTitle: 'E-mail',
    counts:
      '{total, plural, one {# statement} other {# statements}}: {sent} sent · {pending} in progress · {failed} failed · {none} to send',
    send: 'Send by e-mail',
    retry: 'Retry failures',
    resend: 'Resend to {number}',
    queued:
      '{count, plural, =0 {No statement to send} one {# statement queued} other {# statements queued}}{missing, plural, =0 {} one { · # client without an e-mail address} other { · # clients without an e-mail address}}.',
    retried: '{count, plural, =0 {No failure to retry} one {# e-mail retried} other {# e-mails retried}}.',
    resent: 'The statement of {number} will be sent again.',
    outbox: 'No SMTP server is configured: e-mails are kept in the local outbox.',
    outboxLink: 'See the outbox',
    columns: {
      client: 'Client',
      language: 'Language',
      opening: 'Opening balance',
      documents: 'Documents',
      closing: 'Closing balance',
      recipients: 'Recipients',
      status: 'E-mail',
      detail: 'Detail',
    },
    languages: { fr: 'French', en: 'English (bilingual)' },
    head: 'grouped account',
    memberNotice: '{number} is a member of group {head}: its grouped invoices are on the statement of {head}.',
    headStatement: 'See the statement of {head}',
    noAddress: 'No e-mail address',
    statuses: { none: 'To send', pending: 'In progress', sent: 'Sent', failed: 'Failed' },
    attempts: '{count, plural, one {# attempt} other {# attempts}}',
  },
  errors: {
    statements: {
      range: 'The end of the period must follow its start.',
      clientNumber: 'Enter a client number (up to 8 digits).',
      clientNotFound: 'Client {number} does not exist.',
      noAddress: 'Client {number} has no billing e-mail address.',
      alreadyQueued: 'An e-mail of the statement of {number} is already in progress.',
    },
  },
};
