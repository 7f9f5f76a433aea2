import { renderToBuffer } from '@react-pdf/renderer';
import { BillingListDocument, type BillingListLabels } from '@/components/pdf/billing-list-document';
import { registerPdfFonts } from '@/lib/pdf/fonts';
import type { BillingPreview } from './preview-billing';

/** The billing list as a PDF file (a few pages at most: one line per invoice to create). */
export async function renderBillingListPdf(preview: BillingPreview, options: { labels: BillingListLabels; money: (cents: number) => string; isGrouped: boolean }): Promise<Buffer> {
  registerPdfFonts();
  return renderToBuffer(<BillingListDocument preview={preview} labels={options.labels} money={options.money} isGrouped={options.isGrouped} />);
}
