import { requireRoute } from '@/lib/auth/current-user';

/** The invoice PDF. Access is checked now; the document itself comes with the PDF work. */
export async function GET() {
  await requireRoute('/invoices/[number]/pdf');
  return new Response('La production des factures en PDF n’est pas encore disponible. / Invoice PDFs are not available yet.', {
    status: 501,
    headers: { 'content-type': 'text/plain; charset=utf-8' },
  });
}
