/**
 * Which billed clients get a statement for a period (docs/business-rules.md, Statements of
 * account): those with a document dated in the period or a balance other than zero at its end;
 * heads when "Facturation par client regroupé" is checked, the other billed clients otherwise
 * (as the aging report divides them). One client asked for by number is taken whatever its figures.
 */
import { isHeadSql } from '@/lib/clients/group-role';
import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '@/db/index';
import { voidedOn } from '@/lib/receivables/balances';
import type { StatementSelection } from './statement-input';

export type StatementCandidate = {
  clientNumber: number;
  name: string;
  language: 'fr' | 'en';
  invoiceEmails: string[];
  isHead: boolean;
  /** The head of the group the client is a member of (its grouped invoices are on the head's statement). */
  memberOf: number | null;
  openingCents: number;
  closingCents: number;
  documentCount: number;
};

/** The statements of a selection, in client order. */
export async function selectStatementClients(db: Executor, selection: StatementSelection): Promise<StatementCandidate[]> {
  const { from, to } = selection;
  const scope =
    selection.clientNumber !== undefined
      ? sql`c.number = ${selection.clientNumber}`
      : sql`${isHeadSql()} = ${selection.isGrouped}
            and (coalesce(s.documents, 0) > 0 or coalesce(s.closing, 0) <> 0)`;
  // The ledger's documents (lib/receivables/ledger.ts), for every billed client at once.
  const rows = await queryRows<{
    number: number;
    name: string;
    language: 'fr' | 'en';
    invoice_emails: string[];
    is_head: boolean;
    grouped_client_number: number | null;
    opening: number | string | null;
    closing: number | string | null;
    documents: number | string | null;
  }>(
    db,
    sql`
      with documents as (
        select billed_client_number as client, issue_date as date, total_cents as amount from invoices where issue_date <= ${to}::date
        union all
        select billed_client_number, ${voidedOn}, -total_cents from invoices where voided_at is not null and ${voidedOn} <= ${to}::date
        union all
        select i.billed_client_number, n.issue_date, -n.total_cents
          from credit_notes n join invoices i on i.id = n.invoice_id where n.issue_date <= ${to}::date
        union all
        select billed_client_number, received_on, -amount_cents from payments where status <> 'pending' and received_on <= ${to}::date
        union all
        select billed_client_number, reversed_on, amount_cents from payments where status = 'reversed' and reversed_on <= ${to}::date),
      s as (
        select client, sum(amount) filter (where date < ${from}::date) as opening, sum(amount) as closing,
               count(*) filter (where date >= ${from}::date) as documents
          from documents group by client)
      select c.number, c.name, c.language, c.invoice_emails, ${isHeadSql()} as is_head, c.grouped_client_number,
             coalesce(s.opening, 0)::int8 as opening, coalesce(s.closing, 0)::int8 as closing, coalesce(s.documents, 0)::int8 as documents
        from clients c left join s on s.client = c.number
       where ${scope}
       order by c.number`,
  );
  return rows.map((row) => ({
    clientNumber: Number(row.number),
    name: row.name,
    language: row.language,
    invoiceEmails: row.invoice_emails,
    isHead: row.is_head === true,
    memberOf: row.grouped_client_number !== null && row.is_head !== true ? Number(row.grouped_client_number) : null,
    openingCents: Number(row.opening ?? 0),
    closingCents: Number(row.closing ?? 0),
    documentCount: Number(row.documents ?? 0),
  }));
}
