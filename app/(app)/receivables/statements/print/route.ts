import { unstable_rethrow } from 'next/navigation';
import { isConnectionLost } from '@/db/errors';
import { getDb } from '@/db/index';
import { requireFileRoute } from '@/lib/auth/current-user';
import { AppError } from '@/lib/errors';
import { statementDelivery } from '@/lib/delivery/kinds/statement';
import { printDocuments } from '@/lib/delivery/print';
import { statementSelection } from '@/lib/statements/statement-input';

/**
 * Statements of account as one PDF in client order, streamed as it is written: a GET (the list's
 * `Aperçu PDF` link) previews one client's or a batch's without recording anything; a POST (the
 * screen's form, from the application's own page) prints them and records them printed. A failure
 * answers a short message the clerk can act on, never a stack trace or an error page.
 */
export async function GET(request: Request) {
  return answer(request, Object.fromEntries(new URL(request.url).searchParams.entries()), 'preview');
}

export async function POST(request: Request) {
  return answer(request, null, 'print');
}

async function answer(request: Request, query: Record<string, string> | null, purpose: 'preview' | 'print') {
  try {
    const access = await requireFileRoute(request, '/receivables/statements/print');
    if (access.refusal) return access.refusal;
    const fields = query ?? Object.fromEntries([...(await request.formData()).entries()].map(([k, v]) => [k, String(v)]));
    const parsed = statementSelection.safeParse(fields);
    if (!parsed.success) return message(400, 'Sélection invalide / Invalid selection');
    // A preview records nothing: no actor.
    const produced = await printDocuments(getDb(), statementDelivery, parsed.data, purpose === 'print' ? access.user.id : null);
    if (!produced) return message(404, 'Aucun état de compte à imprimer / No statement to print');
    const { documents } = produced;
    const clients =
      documents.length === 1 ? `${documents[0]!.clientNumber}` : `${documents[0]!.clientNumber}-${documents.at(-1)!.clientNumber}`;
    const name = `etats-de-compte-${clients}-${parsed.data.to}.pdf`;
    return new Response(produced.stream, {
      headers: {
        'content-type': 'application/pdf',
        'content-disposition': `${purpose === 'print' ? 'attachment' : 'inline'}; filename="${name}"`,
        'cache-control': 'no-store',
      },
    });
  } catch (error) {
    unstable_rethrow(error);
    if (error instanceof AppError && error.code === 'billing.noCompanySettings') {
      return message(409, 'Les paramètres de l’entreprise sont à remplir (Administration › Paramètres). / Company settings are missing.');
    }
    console.error('[statements] print not produced', error);
    if (isConnectionLost(error)) {
      return message(
        503,
        'La base de données est momentanément injoignable : les états de compte n’ont pas été produits. Réessayez dans quelques instants. / The database is unreachable for the moment: try again shortly.',
      );
    }
    return message(
      500,
      'Les états de compte n’ont pas pu être produits. Réessayez ; si le problème persiste, avisez un administrateur. / The statements could not be produced. Try again or tell an administrator.',
    );
  }
}

function message(status: number, text: string): Response {
  return new Response(text, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });
}
