import { BillingListDocument, type BillingListLabels } from '@/components/pdf/billing-list-document';
import { renderPdfDocument } from '@/lib/pdf/render-document';
import type { BillingPreview } from './preview-billing';

/** The billing list as a PDF file (a few pages at most: one line per invoice to create). */
export function renderBillingListPdf(
  preview: BillingPreview,
  options: { labels: BillingListLabels; money: (cents: number) => string; isGrouped: boolean },
): Promise<Buffer> {
  return renderPdfDocument(
    <BillingListDocument preview={preview} labels={options.labels} money={options.money} isGrouped={options.isGrouped} />,
  );
}
