/**
 * A statement of account (docs/business-rules.md, Statements of account): the ledger of a billed
 * client cut at the period (opening balance, the period's documents with a running balance,
 * closing balance), the aging of the closing balance and the open invoices as of the period's
 * end; for a head, its members' subtotals under each open invoice and what each member was
 * billed in the period. Every figure is read from the receivables' own functions as of a date,
 * so a statement of last month reads the same today.
 */
import { eq, inArray, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '@/db/index';
import { clients } from '@/db/schema';
import { groupRoleOf } from '@/lib/clients/group-role';
import { AppError } from '@/lib/errors';
import { AGING_BUCKETS, agingBucket, daysPastDue, type AgingBucket } from '@/lib/receivables/aging-buckets';
import { invoiceBalancesAsOf, paymentCreditsAsOf, voidedOn } from '@/lib/receivables/balances';
import { settlementOf } from '@/lib/receivables/invoice-status';
import { memberSubtotals, type Ledger, type LedgerEntry, type LedgerKind, type MemberSubtotal } from '@/lib/receivables/ledger';

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
  const [statement] = await loadStatements(db, [clientNumber], period);
  return statement!;
}

/** Statements read at a time by readStatements: a few queries for all of them. */
export const STATEMENTS_PER_READ = 100;

/**
 * The statements of `clientNumbers` for `period`, in their order, read STATEMENTS_PER_READ at a
 * time (a batch to print: each yielded as soon as its batch is read).
 */
export async function* readStatements(
  db: Executor,
  clientNumbers: readonly number[],
  period: StatementPeriod,
): AsyncGenerator<Statement, void> {
  for (let at = 0; at < clientNumbers.length; at += STATEMENTS_PER_READ)
    yield* await loadStatements(db, clientNumbers.slice(at, at + STATEMENTS_PER_READ), period);
}

/**
 * The statements of `clientNumbers` for `period`, in their order, read together: the clients,
 * their ledgers, their invoices' balances, their credits and their heads' members in one query
 * each, whatever their number (a query a client and a kind of figure, one after the other, cost
 * more than the rendering of the statements). A client not found fails them all.
 */
export async function loadStatements(db: Executor, clientNumbers: readonly number[], period: StatementPeriod): Promise<Statement[]> {
  if (clientNumbers.length === 0) return [];
  const { from, to } = period;
  const numbers = sql`${sql.param([...clientNumbers])}::int[]`;
  // One client reads its own rows only; several, every client's balances once, kept to theirs.
  const scope = clientNumbers.length === 1 ? { clientNumber: clientNumbers[0]! } : {};
  const found = await db
    .select({
      number: clients.number,
      name: clients.name,
      addressLine1: clients.addressLine1,
      addressLine2: clients.addressLine2,
      city: clients.city,
      province: clients.province,
      postalCode: clients.postalCode,
      language: clients.language,
      invoiceEmails: clients.invoiceEmails,
      groupedClientNumber: clients.groupedClientNumber,
    })
    .from(clients)
    .where(inArray(clients.number, [...clientNumbers]));
  const byNumber = new Map(found.map((client) => [client.number, client]));
  const missing = clientNumbers.find((number) => !byNumber.has(number));
  if (missing !== undefined) throw new AppError('statements.clientNotFound', { number: missing });

  // Every invoice of the clients standing at the period's end, with its balance then.
  const standing = await queryRows<{
    id: number | string;
    billed_client_number: number;
    number: number | string;
    issue_date: string;
    due_date: string;
    total_cents: number | string;
    balance_cents: number | string;
  }>(
    db,
    sql`select id, billed_client_number, number, issue_date::text, due_date::text, total_cents::int8, balance_cents::int8
          from (${invoiceBalancesAsOf(to, scope)}) b
         where billed_client_number = any(${numbers})
         order by billed_client_number, due_date, number`,
  );
  const balances = new Map(standing.map((row) => [Number(row.id), Number(row.balance_cents)]));
  const credits = await queryRows<{ client: number; credit: number | string }>(
    db,
    sql`select billed_client_number as client, sum(unapplied_cents)::int8 as credit
          from (${paymentCreditsAsOf(to, scope)}) p
         where billed_client_number = any(${numbers}) and unapplied_cents > 0
         group by billed_client_number`,
  );
  const creditOf = new Map(credits.map((row) => [Number(row.client), Number(row.credit)]));
  const ledgers = await clientLedgers(db, numbers, period, balances);
  const heads = found.filter((client) => groupRoleOf(client) === 'head').map((client) => client.number);
  const headSet = new Set(heads);
  // The open invoices by client, in their order (due date, then number).
  const open = new Map<number, typeof standing>();
  for (const row of standing) {
    if (Number(row.balance_cents) <= 0) continue;
    const client = Number(row.billed_client_number);
    const list = open.get(client) ?? [];
    list.push(row);
    open.set(client, list);
  }
  const members = await memberSubtotals(
    db,
    heads.flatMap((head) => (open.get(head) ?? []).map((row) => Number(row.id))),
  );
  const summaries = await memberSummaries(db, heads, period);

  return clientNumbers.map((clientNumber) => {
    const row = byNumber.get(clientNumber)!;
    const client: StatementClient = {
      number: row.number,
      name: row.name,
      addressLine1: row.addressLine1,
      addressLine2: row.addressLine2,
      city: row.city,
      province: row.province,
      postalCode: row.postalCode,
      language: row.language,
      invoiceEmails: row.invoiceEmails,
      isHead: headSet.has(row.number),
    };
    const ledger = ledgers.get(clientNumber) ?? { openingCents: 0, entries: [], closingCents: 0 };
    const aging = Object.fromEntries(AGING_BUCKETS.map((bucket) => [bucket, 0])) as Record<AgingBucket, number>;
    const openInvoices = (open.get(clientNumber) ?? []).map((invoice) => {
      const days = daysPastDue(invoice.due_date, to);
      const bucket = agingBucket(days);
      const balanceCents = Number(invoice.balance_cents);
      aging[bucket] += balanceCents;
      return {
        id: Number(invoice.id),
        number: Number(invoice.number),
        issueDate: invoice.issue_date,
        dueDate: invoice.due_date,
        totalCents: Number(invoice.total_cents),
        balanceCents,
        daysPastDue: days,
        bucket,
        members: members.get(Number(invoice.id)) ?? [],
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
      creditCents: creditOf.get(clientNumber) ?? 0,
      openInvoices,
      memberSummary: summaries.get(clientNumber) ?? [],
    };
  });
}

/**
 * The ledgers of the clients cut at the period, as clientLedger (lib/receivables/ledger.ts) reads
 * one: the same documents, order and running balance, for every client at once; an invoice's
 * status and balance due at the period's end taken from `balances` (its balance by id, for the
 * invoices standing then).
 */
async function clientLedgers(
  db: Executor,
  numbers: SQL,
  { from, to }: StatementPeriod,
  balances: ReadonlyMap<number, number>,
): Promise<Map<number, Ledger>> {
  const rows = await queryRows<{
    client: number;
    date: string | null;
    kind: LedgerKind | null;
    number: number | string | null;
    detail: string | null;
    amount: number | string;
    running: number | string;
    invoice_id: number | string | null;
    due_date: string | null;
  }>(
    db,
    sql`
      with documents as (
        select billed_client_number as client, issue_date as date, 1 as rank, 'invoice' as kind, number, null::text as detail,
               total_cents as amount, id as invoice_id, due_date
          from invoices where billed_client_number = any(${numbers})
        union all
        select billed_client_number, ${voidedOn}, 2, 'void', number, null, -total_cents, null, null
          from invoices where billed_client_number = any(${numbers}) and voided_at is not null
        union all
        select i.billed_client_number, n.issue_date, 3, 'credit_note', n.number, i.number::text, -n.total_cents, null, null
          from credit_notes n join invoices i on i.id = n.invoice_id where i.billed_client_number = any(${numbers})
        union all
        select billed_client_number, received_on, 4, 'payment', number, reference, -amount_cents, null, null
          from payments where billed_client_number = any(${numbers}) and status <> 'pending'
        union all
        select billed_client_number, reversed_on, 5, 'reversal', number, reversal_reason, amount_cents, null, null
          from payments where billed_client_number = any(${numbers}) and status = 'reversed'),
      ordered as (
        select *, sum(amount) over (partition by client order by date, rank, number rows unbounded preceding) as running
          from documents where date <= ${to}::date)
      select client, date::text as date, rank, kind, number, detail, amount::int8 as amount, running::int8 as running, invoice_id,
             due_date::text
        from ordered
       where date >= ${from}::date
       union all
      select client, null, null, null, null, null, 0, sum(amount)::int8, null, null from ordered where date < ${from}::date group by client
       -- As clientLedger: the balance before the period first, then the documents in the order they are summed.
       order by client, date nulls first, rank, number`,
  );
  const ledgers = new Map<number, Ledger>();
  for (const row of rows) {
    const client = Number(row.client);
    let ledger = ledgers.get(client);
    if (!ledger) ledgers.set(client, (ledger = { openingCents: 0, entries: [], closingCents: 0 }));
    if (row.kind === null) {
      ledger.openingCents = Number(row.running);
      continue;
    }
    const amountCents = Number(row.amount);
    const invoiceId = row.invoice_id === null ? null : Number(row.invoice_id);
    // An invoice not standing at the period's end was voided by then.
    const balanceDueCents = invoiceId === null ? null : (balances.get(invoiceId) ?? null);
    ledger.entries.push({
      date: row.date!,
      kind: row.kind,
      number: Number(row.number),
      detail: row.detail,
      amountCents,
      balanceCents: Number(row.running),
      invoiceId,
      dueDate: row.due_date,
      invoiceStatus:
        invoiceId === null
          ? null
          : balanceDueCents === null
            ? 'void'
            : settlementOf({ status: 'issued', totalCents: amountCents, creditedCents: 0, paidCents: amountCents - balanceDueCents }),
      balanceDueCents,
    });
  }
  for (const ledger of ledgers.values()) ledger.closingCents = ledger.entries.at(-1)?.balanceCents ?? ledger.openingCents;
  return ledgers;
}

/** What each member of the heads was billed on their grouped invoices issued in the period and standing at its end, by head. */
async function memberSummaries(
  db: Executor,
  heads: readonly number[],
  { from, to }: StatementPeriod,
): Promise<Map<number, StatementMemberSummary[]>> {
  const summaries = new Map<number, StatementMemberSummary[]>();
  if (heads.length === 0) return summaries;
  const rows = await queryRows<{
    head: number;
    client_number: number;
    name: string;
    invoices: number | string;
    lines: number | string;
    subtotal: number | string;
  }>(
    db,
    sql`select i.billed_client_number as head, l.client_number, max(l.client_name) as name, count(distinct i.id)::int8 as invoices,
               count(*)::int8 as lines, sum(l.amount_cents)::int8 as subtotal
          from invoices i join invoice_lines l on l.invoice_id = i.id
         where i.billed_client_number = any(${sql.param([...heads])}::int[]) and i.kind = 'grouped'
           and i.issue_date between ${from}::date and ${to}::date
           and (i.voided_at is null or ${voidedOn} > ${to}::date)
         group by i.billed_client_number, l.client_number
         order by i.billed_client_number, l.client_number`,
  );
  for (const row of rows) {
    const head = Number(row.head);
    const list = summaries.get(head) ?? [];
    list.push({
      clientNumber: Number(row.client_number),
      name: row.name,
      invoiceCount: Number(row.invoices),
      lineCount: Number(row.lines),
      subtotalCents: Number(row.subtotal),
    });
    summaries.set(head, list);
  }
  return summaries;
}
