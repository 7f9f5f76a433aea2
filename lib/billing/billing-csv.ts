/**
 * The billing list as CSV that opens correctly in a spreadsheet (format and neutralization of
 * formulas in lib/csv/write-csv.ts). One row per invoice to create, then, for a grouped list,
 * one row per member under its head; under a billed client with `Sous-totaux par`, a row per
 * value of that reference (under each member, or under the invoice of a client billed alone), as
 * its invoice will print them. The dues (redevance) have their own column beside the fares.
 */
import { writeCsv, type CsvCell, type CsvSeparator } from '@/lib/csv/write-csv';
import type { BillingPreview, PreviewInvoice, PreviewMember } from './preview-billing';

/** What names a reference subtotal's row: the reference's label and the value (null: the calls without one). */
export type SubtotalKind = (label: string, value: string | null) => string;

export function billingListCsv(
  preview: BillingPreview,
  options: {
    separator: CsvSeparator;
    isGrouped: boolean;
    headers: string[];
    rowKinds: { invoice: string; member: string; total: string; subtotal: SubtotalKind };
  },
): string {
  const rows: CsvCell[][] = [options.headers];
  const subtotalRows = (invoice: PreviewInvoice, member: PreviewMember, memberCells: CsvCell[]) => {
    if (invoice.subtotalLabel === null) return;
    for (const subtotal of member.referenceSubtotals ?? [])
      rows.push([
        options.rowKinds.subtotal(invoice.subtotalLabel, subtotal.value),
        invoice.billedClientNumber,
        invoice.name,
        ...memberCells,
        subtotal.calls,
        { cents: subtotal.subtotalCents },
        '',
        '',
        '',
        '',
      ]);
  };
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
    if (!options.isGrouped && invoice.members[0]) subtotalRows(invoice, invoice.members[0], ['', '']);
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
        subtotalRows(invoice, member, [member.clientNumber, member.name]);
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
