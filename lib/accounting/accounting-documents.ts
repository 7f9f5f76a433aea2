/**
 * The documents the books receive (docs/business-rules.md, Accounting export), each on its own
 * date: an invoice on its issue date and, if voided, its voiding on the day it was voided
 * (Montréal); a credit note on its date; a payment on the day it was received once posted (a
 * payment waiting in a deposit batch is not in the books yet) and, if returned, its reversal on
 * the day of the reversal. The same dates as the receivables ledger, so that the books and the
 * aging agree.
 */
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '@/db/index';
import { voidedOnOf } from '@/lib/receivables/balances';

export const ACCOUNTING_DOCUMENT_KINDS = ['invoice', 'invoice_void', 'credit_note', 'payment', 'payment_reversal'] as const;
export type AccountingDocumentKind = (typeof ACCOUNTING_DOCUMENT_KINDS)[number];

export type AccountingDocument = {
  kind: AccountingDocumentKind;
  documentId: number;
  date: string;
  number: number;
  clientNumber: number;
  clientName: string;
  subtotalCents: number;
  /** Dues (redevance) on passenger trips, owed apart from the sales. */
  duesCents: number;
  gstCents: number;
  qstCents: number;
  totalCents: number;
  /** The invoice a credit note is on; a payment's cheque number or transfer id. */
  reference: string | null;
};

/** Which documents: those dated in a period, or those of an export already written. */
export type DocumentSelection = { period: { from: string; to: string }; isReexport: boolean } | { exportId: number };

/**
 * The documents of `selection`, in the order of the books: by date, then invoices, credit notes,
 * payments, reversals and voidings, each by number. Outside a re-export, only the documents not
 * exported yet.
 */
export async function findAccountingDocuments(db: Executor, selection: DocumentSelection): Promise<AccountingDocument[]> {
  const rows = await queryRows<{
    kind: AccountingDocumentKind;
    document_id: string | number;
    date: string;
    number: string | number;
    client_number: number;
    client_name: string;
    subtotal_cents: string | number;
    dues_cents: string | number;
    gst_cents: string | number;
    qst_cents: string | number;
    total_cents: string | number;
    reference: string | null;
  }>(db, accountingDocumentsQuery(selection));
  return rows.map((row) => ({
    kind: row.kind,
    documentId: Number(row.document_id),
    date: row.date,
    number: Number(row.number),
    clientNumber: Number(row.client_number),
    clientName: row.client_name,
    subtotalCents: Number(row.subtotal_cents),
    duesCents: Number(row.dues_cents),
    gstCents: Number(row.gst_cents),
    qstCents: Number(row.qst_cents),
    totalCents: Number(row.total_cents),
    reference: row.reference,
  }));
}

/** The same documents as rows kind, document_id, date, … (for INSERT … SELECT). */
export function accountingDocumentsQuery(selection: DocumentSelection): SQL {
  const filter = (kind: AccountingDocumentKind, id: SQL, date: SQL): SQL => {
    const typed = sql`${kind}::accounting_document_kind`;
    if ('exportId' in selection)
      return sql`exists (select 1 from accounting_exported_documents e
                          where e.export_id = ${selection.exportId} and e.kind = ${typed} and e.document_id = ${id})`;
    const inPeriod = sql`${date} between ${selection.period.from}::date and ${selection.period.to}::date`;
    if (selection.isReexport) return inPeriod;
    return sql`${inPeriod} and not exists (select 1 from accounting_exported_documents e where e.kind = ${typed} and e.document_id = ${id})`;
  };
  // The day an invoice was voided, in Montréal (as the receivables ledger dates it).
  const voided = voidedOnOf(sql`i.voided_at`);
  return sql`
    select * from (
      select 'invoice'::accounting_document_kind as kind, 1 as rank, i.id as document_id, i.issue_date::text as date, i.number,
             i.billed_client_number as client_number, i.bill_to_name as client_name,
             i.subtotal_cents, i.dues_cents, i.gst_cents, i.qst_cents, i.total_cents, null::text as reference
        from invoices i where ${filter('invoice', sql`i.id`, sql`i.issue_date`)}
      union all
      select 'credit_note', 2, n.id, n.issue_date::text, n.number, i.billed_client_number, i.bill_to_name,
             n.subtotal_cents, n.dues_cents, n.gst_cents, n.qst_cents, n.total_cents, i.number::text
        from credit_notes n join invoices i on i.id = n.invoice_id where ${filter('credit_note', sql`n.id`, sql`n.issue_date`)}
      union all
      select 'payment', 3, p.id, p.received_on::text, p.number, p.billed_client_number, c.name,
             p.amount_cents, 0, 0, 0, p.amount_cents, p.reference
        from payments p join clients c on c.number = p.billed_client_number
       where p.status <> 'pending' and ${filter('payment', sql`p.id`, sql`p.received_on`)}
      union all
      select 'payment_reversal', 4, p.id, p.reversed_on::text, p.number, p.billed_client_number, c.name,
             p.amount_cents, 0, 0, 0, p.amount_cents, p.reference
        from payments p join clients c on c.number = p.billed_client_number
       where p.status = 'reversed' and ${filter('payment_reversal', sql`p.id`, sql`p.reversed_on`)}
      union all
      select 'invoice_void', 5, i.id, ${voided}::text, i.number, i.billed_client_number, i.bill_to_name,
             i.subtotal_cents, i.dues_cents, i.gst_cents, i.qst_cents, i.total_cents, null
        from invoices i where i.voided_at is not null and ${filter('invoice_void', sql`i.id`, voided)}
    ) d
    order by d.date, d.rank, d.number`;
}
