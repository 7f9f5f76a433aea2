import { getDb } from '@/db/index';
import { requireFileRoute } from '@/lib/auth/current-user';
import { invoicePdfStream } from '@/lib/pdf/invoice-pdf';
import { AppError } from '@/lib/errors';
import { parseRouteNumber } from '@/lib/url-state';

/** The invoice PDF, for signed-in users whose role may see invoices (others: the forbidden page or a 403, or sign-in). */
export async function GET(request: Request, { params }: { params: Promise<{ number: string }> }) {
  const access = await requireFileRoute(request, '/invoices/[number]/pdf');
  if (access.refusal) return access.refusal;
  const number = parseRouteNumber((await params).number);
  if (number === null) return new Response('Facture introuvable / Invoice not found', { status: 404 });
  try {
    const pdf = await invoicePdfStream(getDb(), number);
    if (!pdf) return new Response('Facture introuvable / Invoice not found', { status: 404 });
    return new Response(pdf, {
      headers: {
        'content-type': 'application/pdf',
        'content-disposition': `inline; filename="facture-${number}.pdf"`,
        'cache-control': 'private, no-store',
      },
    });
  } catch (error) {
    if (error instanceof AppError) {
      return new Response(
        'Les paramètres de l’entreprise (nom, adresse, numéros de TPS et TVQ) sont à remplir dans Administration › Paramètres. / Company settings are missing.',
        { status: 409 },
      );
    }
    throw error;
  }
}
