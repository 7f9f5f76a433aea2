import type { AgingReport, MemberAging } from '@/lib/receivables/aging';
import { AgingDocument, type AgingLabels } from './aging-document';
import { renderPdfDocument } from './render-document';

/** The aging as a PDF file: one line per billed client owing or holding a credit, members under their head. */
export function renderAgingPdf(
  report: AgingReport,
  members: Map<number, MemberAging[]>,
  options: { labels: AgingLabels; money: (cents: number) => string },
): Promise<Buffer> {
  return renderPdfDocument(<AgingDocument report={report} members={members} labels={options.labels} money={options.money} />);
}
