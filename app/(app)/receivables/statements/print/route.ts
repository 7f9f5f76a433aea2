import { definePrintRoute } from '@/actions/define-print-route';
import { statementDelivery } from '@/lib/delivery/kinds/statement';
import { documentTranslator } from '@/lib/i18n/document-words';

/**
 * Statements of account as one PDF in client order: a GET (the list's `Aperçu PDF` link)
 * previews one client's or a batch's; a POST (the screen's form) prints them, recorded printed.
 */
const statementsPrint = definePrintRoute({
  route: '/receivables/statements/print',
  kind: statementDelivery,
  logAs: '[statements] print not produced',
  messages: {
    invalid: 'fileRoutes.statementsPrint.invalid',
    notFound: 'fileRoutes.statementsPrint.notFound',
    unavailable: 'fileRoutes.statementsPrint.unavailable',
    unexpected: 'fileRoutes.statementsPrint.unexpected',
  },
  fileName: (statements, selection) => {
    const [first, last] = [statements[0]!.clientNumber, statements.at(-1)!.clientNumber];
    return documentTranslator('fr')('files.statements', { clients: first === last ? `${first}` : `${first}-${last}`, to: selection.to });
  },
});

export const GET = statementsPrint;
export const POST = statementsPrint;
