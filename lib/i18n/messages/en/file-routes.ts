import type { frFileRoutes } from '../fr/file-routes';

/** What a file route (a PDF, a CSV) answers when it produces no file (lib/actions/define-file-route.ts). */
export const enFileRoutes: typeof frFileRoutes = {
  fileRoutes: {
    invalid: 'This request is invalid: no file was produced. Make it again from the application’s screen.',
    notFound: 'This file cannot be found.',
    unavailable: 'The database cannot be reached for the moment: no file was produced. Try again in a few moments.',
    unexpected: 'The file could not be produced. Try again; if the problem persists, tell an administrator.',
    invoice: { notFound: 'This invoice cannot be found.' },
    outboxAttachment: { notFound: 'This message is not in the outbox, or it has no attachment.' },
    accountingExport: { notFound: 'This accounting export cannot be found.' },
    deliveryPrint: {
      invalid: 'Invalid selection: choose a billing run or a period, then print again.',
      notFound: 'No invoice to print in this selection.',
      unavailable:
        'The database cannot be reached for the moment: nothing was printed and no invoice was marked printed. Try again in a few moments.',
      unexpected:
        'The print batch could not be produced: no invoice was marked printed. Try again; if the problem persists, tell an administrator.',
    },
    statementsPrint: {
      invalid: 'Invalid selection: choose a period, then print again.',
      notFound: 'No statement of account to print in this selection.',
      unavailable:
        'The database cannot be reached for the moment: the statements of account were not produced. Try again in a few moments.',
      unexpected: 'The statements of account could not be produced. Try again; if the problem persists, tell an administrator.',
    },
  },
};
