/**
 * The billing list as CSV that opens correctly in a spreadsheet (format and neutralization of
 * formulas in lib/csv/write-csv.ts). One row per invoice to create, then, for a grouped list,
 * one row per member under its head. The dues (redevance) have their own column beside the fares.
 */
import { writeCsv, type CsvCell, type CsvSeparator } from '@/lib/csv/write-csv';
import type { BillingPreview } from './preview-billing';

export function billingListCsv(
  preview: BillingPreview,
  options: { separator: CsvSeparator; isGrouped: boolean; headers: string[]; rowKinds: { invoice: string; member: string; total: string } },
): string {
  const rows: CsvCell[][] = [options.headers];
  for (const invoice of preview.invoices) {
    rows.push([
      options.rowKinds.invoice,
      invoice.billedClientNumber,
      invoice.name,
      '',
      '',
      invoice.calls,
      { cents: invoice.subtotalCents },
      { cents: invoice.duesCents },
      { cents: invoice.gstCents },
      { cents: invoice.qstCents },
      { cents: invoice.totalCents },
    ]);
    if (options.isGrouped) {
      for (const member of invoice.members) {
        rows.push([
          options.rowKinds.member,
          invoice.billedClientNumber,
          invoice.name,
          member.clientNumber,
          member.name,
          member.calls,
          { cents: member.subtotalCents },
          { cents: member.duesCents },
          '',
          '',
          '',
        ]);
      }
    }
  }
  const totals = preview.totals;
  rows.push([
    options.rowKinds.total,
    '',
    '',
    '',
    '',
    totals.calls,
    { cents: totals.subtotalCents },
    { cents: totals.duesCents },
    { cents: totals.gstCents },
    { cents: totals.qstCents },
    { cents: totals.totalCents },
  ]);
  return writeCsv(rows, { separator: options.separator });
}
