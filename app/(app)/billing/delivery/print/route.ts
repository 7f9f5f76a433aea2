import { getDb } from '@/db/index';
import { requireRoute } from '@/lib/auth/current-user';
import { deliverySelection } from '@/lib/delivery/delivery-input';
import { renderPrintBatch } from '@/lib/delivery/print-batch';
import { selectDeliveryInvoices } from '@/lib/delivery/select-invoices';
import { AppError } from '@/lib/errors';

/** Prints a batch: the merged PDF of the selected invoices whose delivery method includes print. */
export async function POST(request: Request) {
  const user = await requireRoute('/billing/delivery/print');
  const form = Object.fromEntries((await request.formData()).entries());
  const parsed = deliverySelection.safeParse({ ...form, method: 'print' });
  if (!parsed.success) return new Response('Sélection invalide / Invalid selection', { status: 400 });
  const db = getDb();
  const selected = await selectDeliveryInvoices(db, parsed.data);
  if (selected.length === 0) return new Response('Aucune facture à imprimer / No invoice to print', { status: 404 });
  try {
    const stream = await renderPrintBatch(db, user.id, selected.map((i) => i.id));
    const name = `factures-${selected[0]!.number}-${selected.at(-1)!.number}.pdf`;
    return new Response(stream, {
      headers: { 'content-type': 'application/pdf', 'content-disposition': `attachment; filename="${name}"`, 'cache-control': 'no-store' },
    });
  } catch (error) {
    if (error instanceof AppError) {
      return new Response('Les paramètres de l’entreprise sont à remplir (Administration › Paramètres). / Company settings are missing.', { status: 409 });
    }
    throw error;
  }
}
