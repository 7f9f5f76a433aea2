import { unstable_rethrow } from 'next/navigation';
import { isConnectionLost } from '@/db/errors';
import { getDb } from '@/db/index';
import { requireFileRoute } from '@/lib/auth/current-user';
import { deliverySelection } from '@/lib/delivery/delivery-input';
import { invoiceDelivery } from '@/lib/delivery/kinds/invoice';
import { printDocuments } from '@/lib/delivery/print';
import { AppError } from '@/lib/errors';

/**
 * Prints a batch: the merged PDF of the selected invoices whose delivery method includes print.
 * The browser shows what this answers in place of the page (the form is a plain POST that
 * downloads the file): a failure answers a short message the clerk can act on, never a stack
 * trace or an error page. A POST sent from another site is refused (requireFileRoute).
 */
export async function POST(request: Request) {
  try {
    const access = await requireFileRoute(request, '/billing/delivery/print');
    if (access.refusal) return access.refusal;
    const user = access.user;
    const form = Object.fromEntries((await request.formData()).entries());
    const parsed = deliverySelection.safeParse({ ...form, method: 'print' });
    if (!parsed.success) return message(400, 'Sélection invalide / Invalid selection');
    const printed = await printDocuments(getDb(), invoiceDelivery, parsed.data, user.id);
    if (!printed) return message(404, 'Aucune facture à imprimer / No invoice to print');
    const { stream, documents } = printed;
    const name = `factures-${documents[0]!.number}-${documents.at(-1)!.number}.pdf`;
    return new Response(stream, {
      headers: { 'content-type': 'application/pdf', 'content-disposition': `attachment; filename="${name}"`, 'cache-control': 'no-store' },
    });
  } catch (error) {
    unstable_rethrow(error);
    if (error instanceof AppError) {
      return message(409, 'Les paramètres de l’entreprise sont à remplir (Administration › Paramètres). / Company settings are missing.');
    }
    console.error('[print] batch not produced', error);
    if (isConnectionLost(error)) {
      return message(
        503,
        'La base de données est momentanément injoignable : l’impression n’a pas été produite et aucune facture n’a été marquée imprimée. Réessayez dans quelques instants. / The database is unreachable for the moment: nothing was printed or marked printed. Try again shortly.',
      );
    }
    return message(
      500,
      'L’impression n’a pas pu être produite : aucune facture n’a été marquée imprimée. Réessayez ; si le problème persiste, avisez un administrateur. / The print batch could not be produced: nothing was marked printed. Try again or tell an administrator.',
    );
  }
}

function message(status: number, text: string): Response {
  return new Response(text, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });
}
