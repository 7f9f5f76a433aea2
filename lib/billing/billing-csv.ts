/**
 * The billing list as CSV that opens correctly in a spreadsheet: UTF-8 with a byte-order mark
 * (accents survive Excel), and for a French spreadsheet a semicolon separator with decimal
 * commas ("151,92"); otherwise commas with decimal points. One row per invoice to create, then,
 * for a grouped list, one row per member under its head.
 */
import type { BillingPreview } from './preview-billing';

export type CsvSeparator = 'semicolon' | 'comma';

const BOM = '\uFEFF';

function cell(value: string, separator: string): string {
  return /["\r\n]/.test(value) || value.includes(separator) ? `"${value.replaceAll('"', '""')}"` : value;
}

function amount(cents: number, decimalMark: string): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.trunc(abs / 100)}${decimalMark}${String(abs % 100).padStart(2, '0')}`;
}

export function billingListCsv(
  preview: BillingPreview,
  options: { separator: CsvSeparator; isGrouped: boolean; headers: string[]; rowKinds: { invoice: string; member: string; total: string } },
): string {
  const separator = options.separator === 'semicolon' ? ';' : ',';
  const decimalMark = options.separator === 'semicolon' ? ',' : '.';
  const line = (values: (string | number)[]) => values.map((v) => cell(String(v), separator)).join(separator);
  const lines = [line(options.headers)];
  for (const invoice of preview.invoices) {
    lines.push(
      line([
        options.rowKinds.invoice,
        invoice.billedClientNumber,
        invoice.name,
        '',
        '',
        invoice.calls,
        amount(invoice.subtotalCents, decimalMark),
        amount(invoice.gstCents, decimalMark),
        amount(invoice.qstCents, decimalMark),
        amount(invoice.totalCents, decimalMark),
      ]),
    );
    if (options.isGrouped) {
      for (const member of invoice.members) {
        lines.push(
          line([
            options.rowKinds.member,
            invoice.billedClientNumber,
            invoice.name,
            member.clientNumber,
            member.name,
            member.calls,
            amount(member.subtotalCents, decimalMark),
            '',
            '',
            '',
          ]),
        );
      }
    }
  }
  const totals = preview.totals;
  lines.push(
    line([
      options.rowKinds.total,
      '',
      '',
      '',
      '',
      totals.calls,
      amount(totals.subtotalCents, decimalMark),
      amount(totals.gstCents, decimalMark),
      amount(totals.qstCents, decimalMark),
      amount(totals.totalCents, decimalMark),
    ]),
  );
  return BOM + lines.join('\r\n') + '\r\n';
}
