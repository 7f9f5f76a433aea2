import { BillingListDocument, type BillingListLabels } from './billing-list-document';
import { renderPdfDocument } from './render-document';
import type { BillingPreview } from '@/lib/billing/preview-billing';

/** The billing list as a PDF file (a few pages at most: one line per invoice to create). */
export function renderBillingListPdf(
  preview: BillingPreview,
  options: { labels: BillingListLabels; money: (cents: number) => string; isGrouped: boolean },
): Promise<Buffer> {
  return renderPdfDocument(
    <BillingListDocument preview={preview} labels={options.labels} money={options.money} isGrouped={options.isGrouped} />,
  );
}
