import { renderToBuffer } from '@react-pdf/renderer';
import { InvoiceDocument } from '@/components/pdf/invoice-document';
import type { Executor } from '@/db/index';
import { companySettings } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { registerPdfFonts } from '@/lib/pdf/fonts';
import { getInvoice } from './find-runs';

/** The PDF of invoice `number` as issued, or null when there is no such invoice. */
export async function renderInvoicePdf(db: Executor, number: number): Promise<Buffer | null> {
  const found = await getInvoice(db, number);
  if (!found) return null;
  const [company] = await db.select().from(companySettings).limit(1);
  return renderLoadedInvoice(found, company);
}

/** The PDF of an invoice already loaded with its member blocks (the e-mail worker's path). */
export function renderLoadedInvoice(found: Pick<NonNullable<Awaited<ReturnType<typeof getInvoice>>>, 'invoice' | 'blocks'>, company: typeof companySettings.$inferSelect | undefined): Promise<Buffer> {
  if (!company) throw new AppError('invoice.noCompanySettings');
  registerPdfFonts();
  return renderToBuffer(<InvoiceDocument invoice={found.invoice} blocks={found.blocks} company={company} />);
}
