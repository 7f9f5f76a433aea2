/**
 * The ledger of a billed client (docs/business-rules.md, Receivables): invoices (+), their
 * voiding (−), credit notes (−), payments (−) and payment reversals (+), in date order, with a
 * running balance. The same documents, cut at two dates, make a statement of account.
 */
import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '@/db/index';
import { invoiceBalancesAsOf, voidedOn } from './balances';
import { settlementOf, type InvoiceSettlement } from './invoice-status';

export const LEDGER_KINDS = ['invoice', 'void', 'credit_note', 'payment', 'reversal'] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

export type LedgerEntry = {
  date: string;
  kind: LedgerKind;
  /** The document's number (invoice, credit note or payment). */
  number: number;
  /** For a credit note, the invoice it credits; for a payment, its method's reference. */
  detail: string | null;
  amountCents: number;
  balanceCents: number;
  /** The invoice's id, for an invoice (its members' subtotals on a head's ledger). */
  invoiceId: number | null;
  dueDate: string | null;
  /** For an invoice: its status and balance due at the end of the period. */
  invoiceStatus: InvoiceSettlement | null;
  balanceDueCents: number | null;
};

export type Ledger = { openingCents: number; entries: LedgerEntry[]; closingCents: number };

/** Every document of the client dated from `from` to `to` (both optional), with the balance before them. */
export async function clientLedger(
  db: Executor,
  clientNumber: number,
  period: { from?: string | null; to?: string | null } = {},
): Promise<Ledger> {
  const from = period.from ?? '0001-01-01';
  const to = period.to ?? '9999-12-31';
  const rows = await queryRows<{
    date: string;
    kind: LedgerKind;
    number: number;
    detail: string | null;
    amount: string | number;
    running: string | number;
    invoice_id: number | null;
    due_date: string | null;
    status: 'issued' | 'void' | null;
    balance_due: string | number | null;
  }>(
    db,
    sql`
      with documents as (
        select i.issue_date as date, 1 as rank, 'invoice' as kind, i.number, null::text as detail, i.total_cents as amount, i.id as invoice_id,
               i.due_date, case when b.id is null then 'void' else 'issued' end as status, b.balance_cents as balance_due
          from invoices i
          left join (${invoiceBalancesAsOf(to, { clientNumber })}) b on b.id = i.id
         where i.billed_client_number = ${clientNumber}
        union all
        select ${voidedOn}, 2, 'void', number, null, -total_cents, null, null, null, null
          from invoices where billed_client_number = ${clientNumber} and voided_at is not null
        union all
        select n.issue_date, 3, 'credit_note', n.number, i.number::text, -n.total_cents, null, null, null, null
          from credit_notes n join invoices i on i.id = n.invoice_id where i.billed_client_number = ${clientNumber}
        union all
        select received_on, 4, 'payment', number, reference, -amount_cents, null, null, null, null
          from payments where billed_client_number = ${clientNumber} and status <> 'pending'
        union all
        select reversed_on, 5, 'reversal', number, reversal_reason, amount_cents, null, null, null, null
          from payments where billed_client_number = ${clientNumber} and status = 'reversed'),
      ordered as (
        select *, sum(amount) over (order by date, rank, number rows unbounded preceding) as running from documents
         where date <= ${to}::date)
      select date::text as date, rank, kind, number, detail, amount::int8 as amount, running::int8 as running, invoice_id, due_date::text,
             status, balance_due::int8 as balance_due
        from ordered
       where date >= ${from}::date
       union all
      select null, null, null, null, null, 0, coalesce(sum(amount), 0)::int8, null, null, null, null from ordered where date < ${from}::date
       -- Listed in the order they are summed (date, kind of document, number): the running
       -- balance of each line follows the one above it.
       order by date nulls first, rank, number`,
  );
  // The first row is the balance before the period (its `running`), then the period's documents.
  const [opening, ...documents] = rows;
  const openingCents = Number(opening?.running ?? 0);
  const entries = documents.map((row) => ({
    date: row.date,
    kind: row.kind,
    number: Number(row.number),
    detail: row.detail,
    amountCents: Number(row.amount),
    balanceCents: Number(row.running),
    invoiceId: row.invoice_id === null ? null : Number(row.invoice_id),
    dueDate: row.due_date,
    // An invoice's status and balance due at the end of the period (today without one).
    invoiceStatus:
      row.status === null
        ? null
        : row.status === 'void'
          ? ('void' as const)
          : settlementOf({
              status: 'issued',
              totalCents: Number(row.amount),
              creditedCents: 0,
              paidCents: Number(row.amount) - Number(row.balance_due),
            }),
    balanceDueCents: row.balance_due === null ? null : Number(row.balance_due),
  }));
  return { openingCents, entries, closingCents: entries.at(-1)?.balanceCents ?? openingCents };
}

export type MemberSubtotal = { invoiceId: number; clientNumber: number; name: string; subtotalCents: number; lineCount: number };

/** The members' subtotals (before taxes) of grouped invoices: what each member's calls came to. */
export async function memberSubtotals(db: Executor, invoiceIds: readonly number[]): Promise<Map<number, MemberSubtotal[]>> {
  const result = new Map<number, MemberSubtotal[]>();
  if (invoiceIds.length === 0) return result;
  const rows = await queryRows<{
    invoice_id: number;
    client_number: number;
    name: string;
    subtotal: string | number;
    lines: string | number;
  }>(
    db,
    sql`select l.invoice_id, l.client_number, max(l.client_name) as name, sum(l.amount_cents)::int8 as subtotal, count(*)::int8 as lines
          from invoice_lines l join invoices i on i.id = l.invoice_id and i.kind = 'grouped'
         where l.invoice_id = any(${sql.param(invoiceIds)}::bigint[])
         group by l.invoice_id, l.client_number
         order by l.invoice_id, l.client_number`,
  );
  for (const row of rows) {
    const id = Number(row.invoice_id);
    const list = result.get(id) ?? [];
    list.push({
      invoiceId: id,
      clientNumber: Number(row.client_number),
      name: row.name,
      subtotalCents: Number(row.subtotal),
      lineCount: Number(row.lines),
    });
    result.set(id, list);
  }
  return result;
}

export type MemberShare = {
  invoiceNumber: number;
  issueDate: string;
  headNumber: number;
  subtotalCents: number;
  lineCount: number;
  isVoid: boolean;
};

/** A member's share of what its heads were billed: its calls on each grouped invoice. */
export async function memberShares(db: Executor, memberNumber: number): Promise<MemberShare[]> {
  const rows = await queryRows<{
    number: number;
    issue_date: string;
    head: number;
    subtotal: string | number;
    lines: string | number;
    is_void: boolean;
  }>(
    db,
    sql`select i.number, i.issue_date::text, i.billed_client_number as head, sum(l.amount_cents)::int8 as subtotal, count(*)::int8 as lines,
               (i.status = 'void') as is_void
          from calls c
          join invoice_lines l on l.call_number = c.number
          join invoices i on i.id = l.invoice_id and i.kind = 'grouped' and i.billed_client_number <> ${memberNumber}
         where c.client_number = ${memberNumber}
         group by i.id
         order by i.issue_date desc, i.number desc`,
  );
  return rows.map((row) => ({
    invoiceNumber: Number(row.number),
    issueDate: row.issue_date,
    headNumber: Number(row.head),
    subtotalCents: Number(row.subtotal),
    lineCount: Number(row.lines),
    isVoid: row.is_void,
  }));
}
