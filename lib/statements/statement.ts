/**
 * A statement of account (docs/business-rules.md, Statements of account): the ledger of a billed
 * client cut at the period (opening balance, the period's documents with a running balance,
 * closing balance), the aging of the closing balance and the open invoices as of the period's
 * end; for a head, its members' subtotals under each open invoice and what each member was
 * billed in the period. Every figure is read from the receivables' own functions as of a date,
 * so a statement of last month reads the same today.
 */
import { groupRoleOf } from '@/lib/clients/group-role';
import { eq, sql } from 'drizzle-orm';
import { queryRows, type Executor } from '@/db/index';
import { clients } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { AGING_BUCKETS, agingBucket, daysPastDue, type AgingBucket } from '@/lib/receivables/aging-buckets';
import { invoiceBalancesAsOf, paymentCreditsAsOf, voidedOn } from '@/lib/receivables/balances';
import { clientLedger, memberSubtotals, type LedgerEntry, type MemberSubtotal } from '@/lib/receivables/ledger';

export type StatementPeriod = { from: string; to: string };

export type StatementClient = {
  number: number;
  name: string;
  addressLine1: string;
  addressLine2: string | null;
  city: string;
  province: string;
  postalCode: string;
  language: 'fr' | 'en';
  invoiceEmails: string[];
  /** A head of a group: its statement shows its members. */
  isHead: boolean;
};

export type StatementOpenInvoice = {
  id: number;
  number: number;
  issueDate: string;
  dueDate: string;
  totalCents: number;
  balanceCents: number;
  daysPastDue: number;
  bucket: AgingBucket;
  /** A grouped invoice's members and their subtotals before taxes (empty otherwise). */
  members: MemberSubtotal[];
};

export type StatementMemberSummary = {
  clientNumber: number;
  name: string;
  invoiceCount: number;
  lineCount: number;
  subtotalCents: number;
};

export type Statement = StatementPeriod & {
  client: StatementClient;
  kind: 'normal' | 'grouped';
  openingCents: number;
  entries: LedgerEntry[];
  closingCents: number;
  /** The open invoices' balances as of the period's end, by age. */
  aging: Record<AgingBucket, number>;
  /** Payments not applied as of the period's end (credit on account), as a positive amount. */
  creditCents: number;
  openInvoices: StatementOpenInvoice[];
  /** For a head: what each member was billed in the period (grouped invoices standing at its end). */
  memberSummary: StatementMemberSummary[];
};

export async function getStatementClient(db: Executor, clientNumber: number): Promise<StatementClient | null> {
  const [client] = await db.select().from(clients).where(eq(clients.number, clientNumber));
  if (!client) return null;
  return {
    number: client.number,
    name: client.name,
    addressLine1: client.addressLine1,
    addressLine2: client.addressLine2,
    city: client.city,
    province: client.province,
    postalCode: client.postalCode,
    language: client.language,
    invoiceEmails: client.invoiceEmails,
    isHead: groupRoleOf(client) === 'head',
  };
}

/** The statement of billed client `clientNumber` for `period`. */
export async function loadStatement(db: Executor, clientNumber: number, period: StatementPeriod): Promise<Statement> {
  const client = await getStatementClient(db, clientNumber);
  if (!client) throw new AppError('statements.clientNotFound', { number: clientNumber });
  const { from, to } = period;
  const ledger = await clientLedger(db, clientNumber, { from, to });
  const open = await queryRows<{
    id: number | string;
    number: number | string;
    issue_date: string;
    due_date: string;
    total_cents: number | string;
    balance_cents: number | string;
  }>(
    db,
    sql`select id, number, issue_date::text, due_date::text, total_cents::int8, balance_cents::int8
          from (${invoiceBalancesAsOf(to, { clientNumber })}) b
         where balance_cents > 0
         order by due_date, number`,
  );
  const [credit] = await queryRows<{ credit: number | string | null }>(
    db,
    sql`select coalesce(sum(unapplied_cents), 0)::int8 as credit
          from (${paymentCreditsAsOf(to, { clientNumber })}) p where unapplied_cents > 0`,
  );
  const openIds = open.map((row) => Number(row.id));
  const members = client.isHead ? await memberSubtotals(db, openIds) : new Map<number, MemberSubtotal[]>();
  const aging = Object.fromEntries(AGING_BUCKETS.map((bucket) => [bucket, 0])) as Record<AgingBucket, number>;
  const openInvoices = open.map((row) => {
    const days = daysPastDue(row.due_date, to);
    const bucket = agingBucket(days);
    const balanceCents = Number(row.balance_cents);
    aging[bucket] += balanceCents;
    return {
      id: Number(row.id),
      number: Number(row.number),
      issueDate: row.issue_date,
      dueDate: row.due_date,
      totalCents: Number(row.total_cents),
      balanceCents,
      daysPastDue: days,
      bucket,
      members: members.get(Number(row.id)) ?? [],
    };
  });
  return {
    from,
    to,
    client,
    kind: client.isHead ? 'grouped' : 'normal',
    openingCents: ledger.openingCents,
    entries: ledger.entries,
    closingCents: ledger.closingCents,
    aging,
    creditCents: Number(credit?.credit ?? 0),
    openInvoices,
    memberSummary: client.isHead ? await memberSummary(db, clientNumber, period) : [],
  };
}

/** What each member of head `headNumber` was billed on the grouped invoices issued in the period and standing at its end. */
async function memberSummary(db: Executor, headNumber: number, { from, to }: StatementPeriod): Promise<StatementMemberSummary[]> {
  const rows = await queryRows<{
    client_number: number;
    name: string;
    invoices: number | string;
    lines: number | string;
    subtotal: number | string;
  }>(
    db,
    sql`select l.client_number, max(l.client_name) as name, count(distinct i.id)::int8 as invoices, count(*)::int8 as lines,
               sum(l.amount_cents)::int8 as subtotal
          from invoices i join invoice_lines l on l.invoice_id = i.id
         where i.billed_client_number = ${headNumber} and i.kind = 'grouped'
           and i.issue_date between ${from}::date and ${to}::date
           and (i.voided_at is null or ${voidedOn} > ${to}::date)
         group by l.client_number
         order by l.client_number`,
  );
  return rows.map((row) => ({
    clientNumber: Number(row.client_number),
    name: row.name,
    invoiceCount: Number(row.invoices),
    lineCount: Number(row.lines),
    subtotalCents: Number(row.subtotal),
  }));
}
