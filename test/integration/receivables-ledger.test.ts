/**
 * The receivables' books balance whatever the clerks do, on a real PostgreSQL (property-based,
 * fast-check): random days of payments (applied oldest due first or as typed), credit applied
 * later, allocations released, cheques returned, credit notes and run reversals, between three
 * monthly billings. Each operation goes through or is refused exactly when the rules say so (an
 * AppError, nothing saved). After each history: the counters equal their documents, each
 * client's ledger ends on what it owes less its credit on account, the aging adds up to the open
 * invoices, and a date in the past reads the same as before the later days.
 */
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { queryRows, type Db } from '@/db/index';
import { billingInput } from '@/lib/billing/billing-input';
import { createCreditNote, creditNoteInput } from '@/lib/billing/credit-notes';
import { generateInvoices } from '@/lib/billing/generate-invoices';
import { reverseRun } from '@/lib/billing/reverse-run';
import { addDays, todayInMontreal } from '@/lib/dates/montreal';
import { AppError, type ErrorCode } from '@/lib/errors';
import { agingAsOf, memberAgingAsOf } from '@/lib/receivables/aging';
import { daysPastDue } from '@/lib/receivables/aging-buckets';
import { clientLedger } from '@/lib/receivables/ledger';
import { paymentInput } from '@/lib/receivables/payment-input';
import { applyPaymentCredit, recordPayment, releaseAllocation, reversePayment } from '@/lib/receivables/payments';
import { insertCall, insertClient, insertCompanySettings, insertTariff, insertUser } from '@/test/support/fixtures';
import { checkLedgerInvariants, NO_LEDGER_VIOLATION } from '@/test/support/ledger-invariants';
import { createTestDatabase } from '@/test/support/test-database';

const TODAY = todayInMontreal();
/** The first billing; the histories run from it to today. */
const START = '2026-09-01';
const SPAN = daysPastDue(START, TODAY);
/** Billed the first of the month for the month before (grouped run, then normal run). */
const BILLINGS = [
  { issueDate: '2026-09-01', cutoff: '2026-08-31' },
  { issueDate: '2026-10-01', cutoff: '2026-09-30' },
  { issueDate: '2026-11-01', cutoff: '2026-10-31' },
];
const CALL_DATES = ['2026-08-12', '2026-09-12', '2026-10-12'];
const HEAD = 500;
const MEMBERS = [501, 502];
const NORMAL = [600, 601, 602];
const CLIENTS = [HEAD, ...MEMBERS, ...NORMAL];
/** Who pays: the billed clients, a member (no invoice of its own: all on account), a client that does not exist. */
const UNKNOWN_CLIENT = 999;
const PAYERS = [HEAD, 501, ...NORMAL, UNKNOWN_CLIENT];
/** Taxes of Québec on a subtotal (GST 5 % + QST 9.975 %), to aim a credit note at a balance. */
const WITH_TAXES = 1.14975;

/** The day of an operation: after the first billing, up to today, billing days included. */
const day = fc.integer({ min: 1, max: SPAN });
const pick = fc.nat({ max: 1_000 });

type ManualLine = { pick: number; isOwn: boolean; permille: number; plusOne: boolean };
type Op = { day: number } & (
  | { kind: 'pay'; client: number; permille: number; extraCents: number; manual: ManualLine[] | null }
  | { kind: 'applyCredit'; pick: number }
  | { kind: 'release'; pick: number }
  | { kind: 'reversePayment'; pick: number; daysLate: number }
  | { kind: 'creditNote'; pick: number; permille: number; byLine: boolean }
  | { kind: 'reverseRun'; pick: number }
);
type Event = { date: string; order: number; op: Op | { kind: 'bill'; issueDate: string; cutoff: string } };

const opArbitrary: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('pay' as const),
      day,
      client: fc.constantFrom(...PAYERS),
      permille: fc.integer({ min: 1, max: 1_300 }),
      extraCents: fc.integer({ min: 0, max: 3_000 }),
      manual: fc.option(
        fc.array(fc.record({ pick, isOwn: fc.boolean(), permille: fc.integer({ min: 0, max: 1_100 }), plusOne: fc.boolean() }), {
          maxLength: 3,
        }),
        { freq: 2 },
      ),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('applyCredit' as const), day, pick }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('release' as const), day, pick }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('reversePayment' as const),
      day,
      pick,
      daysLate: fc.oneof(fc.constant(0), fc.nat({ max: 20 })),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('creditNote' as const),
      day,
      pick,
      permille: fc.integer({ min: 1, max: 1_200 }),
      byLine: fc.boolean(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('reverseRun' as const), day, pick }) },
);

type InvoiceRow = { id: number; number: number; client: number; status: 'issued' | 'void'; balance: number; runId: number };
type PaymentRow = {
  number: number;
  client: number;
  status: 'pending' | 'posted' | 'reversed';
  receivedOn: string;
  applied: number;
  credit: number;
};

/** What the tables hold, document numbers included: a refused operation leaves it as it was. */
const snapshotSql = sql`select
  (select count(*) from payments)::int as payments,
  (select count(*) from payments where status = 'reversed')::int as reversed,
  (select count(*) from payment_allocations)::int as allocations,
  (select count(*) from payment_allocations where released_on is not null)::int as released,
  (select count(*) from credit_notes)::int as credit_notes,
  (select count(*) from invoices where status = 'void')::int as void_invoices,
  (select coalesce(sum(paid_cents), 0) from invoices)::text as paid,
  (select coalesce(sum(credited_cents), 0) from invoices)::text as credited,
  (select coalesce(sum(applied_cents), 0) from payments)::text as applied,
  (select json_object_agg(kind, last_number order by kind) from document_counters)::text as counters`;

async function invoiceRows(db: Db): Promise<InvoiceRow[]> {
  const rows = await queryRows<{ id: number; number: number; client: number; status: 'issued' | 'void'; balance: string; run_id: number }>(
    db,
    sql`select id, number, billed_client_number as client, status, (total_cents - credited_cents - paid_cents)::text as balance,
               billing_run_id as run_id
          from invoices order by number`,
  );
  return rows.map((r) => ({
    id: Number(r.id),
    number: Number(r.number),
    client: Number(r.client),
    status: r.status,
    balance: Number(r.balance),
    runId: Number(r.run_id),
  }));
}

async function paymentRows(db: Db): Promise<PaymentRow[]> {
  const rows = await queryRows<{
    number: number;
    client: number;
    status: PaymentRow['status'];
    received_on: string;
    applied: string;
    credit: string;
  }>(
    db,
    sql`select number, billed_client_number as client, status, received_on::text, applied_cents::text as applied,
               (amount_cents - applied_cents)::text as credit
          from payments order by number`,
  );
  return rows.map((r) => ({
    number: Number(r.number),
    client: Number(r.client),
    status: r.status,
    receivedOn: r.received_on,
    applied: Number(r.applied),
    credit: Number(r.credit),
  }));
}

/** Σ of the open balances of a client's issued invoices. */
async function owedBy(db: Db, client: number): Promise<number> {
  const invoices = await invoiceRows(db);
  return invoices.filter((i) => i.client === client && i.status === 'issued').reduce((sum, i) => sum + i.balance, 0);
}

/** Per client, from the tables: what its issued invoices still owe and what its payments hold on account. */
async function expectedBalances(db: Db) {
  const rows = await queryRows<{ number: number; is_head: boolean; owed: string; credit: string }>(
    db,
    sql`select c.number, (c.grouped_client_number is not distinct from c.number) as is_head,
               (select coalesce(sum(total_cents - credited_cents - paid_cents), 0) from invoices
                 where billed_client_number = c.number and status = 'issued')::text as owed,
               (select coalesce(sum(amount_cents - applied_cents), 0) from payments
                 where billed_client_number = c.number and status = 'posted')::text as credit
          from clients c order by c.number`,
  );
  return rows.map((r) => ({ number: Number(r.number), isHead: r.is_head, owed: Number(r.owed), credit: Number(r.credit) }));
}

/**
 * The aging as of a date, seen both ways (heads, other clients), a head's members (whole cents
 * adding up to the head's row), and every client's ledger up to that date.
 */
async function agingView(db: Db, asOf: string) {
  return {
    grouped: await agingAsOf(db, { asOf, isGrouped: true, pageSize: null }),
    others: await agingAsOf(db, { asOf, isGrouped: false, pageSize: null }),
    members: [...(await memberAgingAsOf(db, asOf, [HEAD])).entries()],
    ledgers: await Promise.all(CLIENTS.map((client) => clientLedger(db, client, { to: asOf }))),
  };
}
type AgingView = Awaited<ReturnType<typeof agingView>>;

/**
 * What a clerk reading the statements and the aging of one date sees agree: each ledger line's
 * balance is the one before plus the document, in date order; the ledger ends on what the aging
 * shows the client owes less its credit on account.
 */
function expectStatementsMatchAging(view: AgingView, asOf: string) {
  const head = view.grouped.rows.find((r) => r.clientNumber === HEAD);
  const members = new Map(view.members).get(HEAD) ?? [];
  for (const member of members) expect(Number.isInteger(member.balance), `share of ${member.clientNumber} as of ${asOf}`).toBe(true);
  expect(
    members.reduce((sum, m) => sum + m.balance, 0),
    `members of ${HEAD} as of ${asOf}`,
  ).toBe(head?.balance ?? 0);
  const agingOf = new Map([...view.grouped.rows, ...view.others.rows].map((r) => [r.clientNumber, r.balance - r.credit]));
  CLIENTS.forEach((client, i) => {
    const ledger = view.ledgers[i]!;
    let balance = ledger.openingCents;
    let previousDate = '';
    for (const entry of ledger.entries) {
      balance += entry.amountCents;
      expect(entry.date >= previousDate && entry.date <= asOf, `${client}: ${entry.kind} ${entry.number} of ${entry.date}`).toBe(true);
      expect(entry.balanceCents, `${client}: balance after ${entry.kind} ${entry.number} of ${entry.date}`).toBe(balance);
      previousDate = entry.date;
    }
    expect(ledger.closingCents, `closing balance of ${client} as of ${asOf}`).toBe(balance);
    expect(ledger.closingCents, `ledger and aging of ${client} as of ${asOf}`).toBe(agingOf.get(client) ?? 0);
  });
}

/** The refusals a manual allocation deserves, worked out from the invoices as the clerk saw them. */
function manualRefusals(client: number, amount: number, typed: { number: number; cents: number }[], invoices: InvoiceRow[]): ErrorCode[] {
  const open = new Map(invoices.filter((i) => i.client === client && i.status === 'issued' && i.balance > 0).map((i) => [i.number, i]));
  const refusals = new Set<ErrorCode>();
  const applied = new Map<number, number>();
  for (const line of typed) {
    if (line.cents === 0) continue;
    const invoice = open.get(line.number);
    if (!invoice) refusals.add('payment.invoiceNotOpen');
    else if (line.cents > invoice.balance) refusals.add('payment.aboveBalance');
    else applied.set(line.number, (applied.get(line.number) ?? 0) + line.cents);
  }
  if ([...applied.values()].reduce((sum, cents) => sum + cents, 0) > amount) refusals.add('payment.aboveAmount');
  // The same invoice typed twice, each within its balance but not together: the database refuses.
  if (refusals.size === 0 && [...applied].some(([number, cents]) => cents > open.get(number)!.balance)) refusals.add('payment.overApplied');
  return [...refusals];
}

/** How often each operation went through or was refused, over all the histories (to see that both happen). */
const outcomes = new Map<string, number>();

async function runHistory(prices: number[], ops: Op[], pastOffset: number) {
  const database = await createTestDatabase();
  const db = database.db;
  try {
    await insertCompanySettings(db);
    const clerkId = await insertUser(db, 'commis@courses.local');
    const tariffId = (await insertTariff(db)).id;
    await insertClient(db, HEAD, tariffId, { groupedClientNumber: HEAD });
    for (const member of MEMBERS) await insertClient(db, member, tariffId, { groupedClientNumber: HEAD });
    await insertClient(db, 600, tariffId);
    await insertClient(db, 601, tariffId, { paymentTermsDays: 15 });
    await insertClient(db, 602, tariffId, { paymentTermsDays: 45 });
    let priceIndex = 0;
    for (const date of CALL_DATES) {
      for (const client of [...MEMBERS, ...NORMAL]) {
        const cents = prices[priceIndex++ % prices.length]!;
        await insertCall(db, client, tariffId, {
          serviceDate: date,
          serviceAt: new Date(`${date}T14:00:00Z`),
          grossCents: cents,
          priceCents: cents,
        });
      }
    }

    const pastDate = addDays(START, pastOffset);
    const events: Event[] = [
      ...BILLINGS.map((billing, order) => ({ date: billing.issueDate, order, op: { kind: 'bill' as const, ...billing } })),
      ...ops.map((op, i) => ({ date: addDays(START, op.day), order: BILLINGS.length + i, op })),
    ].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.order - b.order));
    const later = (a: string, b: string) => (a > b ? a : b);

    /**
     * The operation goes through when `refusals` is empty; otherwise it is refused, with an
     * AppError of one of those codes, and nothing is saved (no document number burned either).
     * `mayRefuse`: other refusals it may also meet. Anything but an AppError fails the history.
     */
    async function attempt<T>(kind: string, refusals: ErrorCode[], operation: () => Promise<T>, mayRefuse: ErrorCode[] = []) {
      const [before] = await queryRows(db, snapshotSql);
      let outcome: { value: T } | { code: ErrorCode };
      try {
        outcome = { value: await operation() };
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        outcome = { code: error.code };
        const [after] = await queryRows(db, snapshotSql);
        expect(after, `${kind} refused (${error.code}) but something was saved`).toEqual(before);
      }
      const code = 'code' in outcome ? outcome.code : null;
      outcomes.set(`${kind}: ${code ?? 'done'}`, (outcomes.get(`${kind}: ${code ?? 'done'}`) ?? 0) + 1);
      if (refusals.length === 0) expect([null, ...mayRefuse], kind).toContain(code);
      else expect([...refusals, ...mayRefuse], kind).toContain(code);
      return 'value' in outcome ? outcome.value : null;
    }

    /** `floor`: no operation of these days is dated before it (a returned cheque is entered a few days late, not earlier). */
    async function play({ date, op }: Event, floor: string) {
      switch (op.kind) {
        case 'bill': {
          for (const isGrouped of [true, false]) {
            const input = billingInput.parse({ cutoff: op.cutoff, cycle: 'all', isGrouped: isGrouped ? 'on' : undefined });
            await generateInvoices(db, clerkId, input, op.issueDate);
          }
          return;
        }
        case 'pay': {
          const invoices = await invoiceRows(db);
          const owedBefore = await owedBy(db, op.client);
          const amount = Math.max(1, Math.floor((owedBefore * op.permille) / 1_000) + op.extraCents);
          const own = invoices.filter((i) => i.client === op.client);
          // Its own invoices mostly; or any invoice, another client's or a void one; or a number that does not exist.
          const typed = (op.manual ?? []).map((line) => {
            const candidates = line.isOwn && own.length > 0 ? own : invoices;
            const invoice = candidates[line.pick % (candidates.length + 1)];
            if (!invoice) return { number: 90_000 + line.pick, cents: 100 };
            const balance = invoice.status === 'issued' ? invoice.balance : 0;
            return { number: invoice.number, cents: Math.floor((balance * line.permille) / 1_000) + (line.plusOne ? 1 : 0) };
          });
          const input = paymentInput(TODAY).parse({
            clientNumber: String(op.client),
            amount: (amount / 100).toFixed(2),
            receivedOn: date,
            method: 'cheque',
            reference: `Chèque ${op.day}`,
            allocation: op.manual ? 'manual' : 'auto',
            invoiceNumbers: typed.map((t) => String(t.number)),
            appliedAmounts: typed.map((t) => (t.cents / 100).toFixed(2)),
          });
          const refusals: ErrorCode[] =
            op.client === UNKNOWN_CLIENT ? ['payment.unknownClient'] : op.manual ? manualRefusals(op.client, amount, typed, invoices) : [];
          const recorded = await attempt(op.manual ? 'manual payment' : 'auto payment', refusals, () => recordPayment(db, clerkId, input));
          if (recorded) {
            expect(recorded.appliedCents + recorded.creditCents).toBe(amount);
            // What was applied is what the client owes less; automatically, all it can.
            expect(await owedBy(db, op.client)).toBe(owedBefore - recorded.appliedCents);
            if (!op.manual) expect(recorded.appliedCents).toBe(Math.min(amount, owedBefore));
            else expect(recorded.appliedCents).toBe(typed.reduce((sum, t) => sum + t.cents, 0));
          }
          return;
        }
        case 'applyCredit': {
          const payments = await paymentRows(db);
          const payment = payments[op.pick % Math.max(1, payments.length)];
          if (!payment) return;
          const owedBefore = await owedBy(db, payment.client);
          const refusals: ErrorCode[] =
            payment.status !== 'posted'
              ? ['payment.notPosted']
              : payment.credit === 0
                ? ['payment.nothingLeft']
                : owedBefore === 0
                  ? ['payment.noOpenInvoice']
                  : [];
          const applied = await attempt('apply credit', refusals, () =>
            applyPaymentCredit(db, clerkId, payment.number, later(date, payment.receivedOn)),
          );
          if (applied) {
            expect(applied.appliedCents).toBe(Math.min(payment.credit, owedBefore));
            expect(await owedBy(db, payment.client)).toBe(owedBefore - applied.appliedCents);
          }
          return;
        }
        case 'release': {
          const allocations = await queryRows<{ id: number; amount: string; client: number; is_released: boolean }>(
            db,
            sql`select a.id, a.amount_cents::text as amount, p.billed_client_number as client, (a.released_on is not null) as is_released
                  from payment_allocations a join payments p on p.id = a.payment_id order by a.id`,
          );
          const allocation = allocations[op.pick % Math.max(1, allocations.length)];
          if (!allocation) return;
          const owedBefore = await owedBy(db, Number(allocation.client));
          const released = await attempt('release allocation', allocation.is_released ? ['payment.allocationReleased'] : [], () =>
            releaseAllocation(db, clerkId, Number(allocation.id), date),
          );
          // Its amount is owed again.
          if (released) expect(await owedBy(db, Number(allocation.client))).toBe(owedBefore + Number(allocation.amount));
          return;
        }
        case 'reversePayment': {
          const payments = await paymentRows(db);
          const payment = payments[op.pick % Math.max(1, payments.length)];
          if (!payment) return;
          const owedBefore = await owedBy(db, payment.client);
          const reversed = await attempt('reverse payment', payment.status === 'reversed' ? ['payment.alreadyReversed'] : [], () =>
            reversePayment(db, clerkId, {
              number: payment.number,
              reversedOn: later(later(addDays(date, -op.daysLate), payment.receivedOn), floor),
              reason: 'Chèque sans provision',
            }),
          );
          if (reversed) {
            // Nothing of it stays applied: what it paid is owed again.
            const after = (await paymentRows(db)).find((p) => p.number === payment.number)!;
            expect(after).toMatchObject({ status: 'reversed', applied: 0 });
            expect(await owedBy(db, payment.client)).toBe(owedBefore + payment.applied);
          }
          return;
        }
        case 'creditNote': {
          const invoices = await invoiceRows(db);
          const invoice = invoices[op.pick % Math.max(1, invoices.length)];
          if (!invoice) return;
          let fields: { lineIds?: string[]; amount?: string };
          let refusals: ErrorCode[] = [];
          if (op.byLine) {
            const lines = await queryRows<{ id: number; is_credited: boolean }>(
              db,
              sql`select l.id, exists (select from credit_note_lines c where c.invoice_line_id = l.id) as is_credited
                    from invoice_lines l where l.invoice_id = ${invoice.id} order by l.id`,
            );
            const line = lines[op.pick % lines.length]!;
            fields = { lineIds: [String(line.id)] };
            if (line.is_credited) refusals = ['credit.lineAlreadyCredited'];
          } else {
            const cents = Math.max(1, Math.floor((invoice.balance / WITH_TAXES) * (op.permille / 1_000)));
            fields = { amount: (cents / 100).toFixed(2) };
          }
          if (invoice.status === 'void') refusals = ['credit.invoiceVoid'];
          const input = creditNoteInput.parse({ invoiceNumber: String(invoice.number), reason: 'Rabais consenti', ...fields });
          // Within what is left of the invoice's subtotal and of its balance due; the exact taxes are the credit notes' tests.
          const note = await attempt(
            `credit note${op.byLine ? ' (line)' : ''}`,
            refusals,
            () => createCreditNote(db, clerkId, input, date),
            ['credit.tooMuch', 'credit.exceedsBalance'],
          );
          if (note) {
            const after = (await invoiceRows(db)).find((i) => i.id === invoice.id)!;
            expect(after.balance).toBe(invoice.balance - note.totalCents);
          }
          return;
        }
        case 'reverseRun': {
          const runs = await queryRows<{ id: number; status: string; credited: boolean; paid: boolean }>(
            db,
            sql`select r.id, r.status,
                       exists (select from invoices i where i.billing_run_id = r.id and i.credited_cents > 0) as credited,
                       exists (select from invoices i where i.billing_run_id = r.id and i.paid_cents > 0) as paid
                  from billing_runs r order by r.id`,
          );
          const run = runs[op.pick % Math.max(1, runs.length)];
          if (!run) return;
          const refusals: ErrorCode[] =
            run.status === 'reversed'
              ? ['billing.alreadyReversed']
              : run.credited
                ? ['billing.hasCreditNotes']
                : run.paid
                  ? ['billing.hasPayments']
                  : [];
          const reversed = await attempt('reverse run', refusals, () => reverseRun(db, clerkId, Number(run.id)));
          if (reversed) {
            const invoices = (await invoiceRows(db)).filter((i) => i.runId === Number(run.id));
            expect(invoices.map((i) => i.status)).toEqual(invoices.map(() => 'void'));
          }
          return;
        }
      }
    }

    // The days up to the past date, its aging read then; the later days; the same aging read again.
    for (const event of events.filter((e) => e.date <= pastDate)) await play(event, START);
    const pastBefore = await agingView(db, pastDate);
    expectStatementsMatchAging(pastBefore, pastDate);
    expect(await checkLedgerInvariants(db, TODAY)).toEqual(NO_LEDGER_VIOLATION);
    for (const event of events.filter((e) => e.date > pastDate)) await play(event, addDays(pastDate, 1));
    expect(await agingView(db, pastDate), `as of ${pastDate}`).toEqual(pastBefore);

    expect(await checkLedgerInvariants(db, TODAY)).toEqual(NO_LEDGER_VIOLATION);

    const expected = await expectedBalances(db);
    for (const client of expected) {
      const ledger = await clientLedger(db, client.number);
      expect(ledger.closingCents, `ledger of ${client.number}`).toBe(client.owed - client.credit);
    }

    const today = await agingView(db, TODAY);
    expectStatementsMatchAging(today, TODAY);
    for (const [isGrouped, report] of [
      [true, today.grouped],
      [false, today.others],
    ] as const) {
      const clients = expected.filter((c) => c.isHead === isGrouped);
      expect(report.totals.balance, `aging balance, isGrouped ${isGrouped}`).toBe(clients.reduce((sum, c) => sum + c.owed, 0));
      expect(report.totals.credit, `aging credit, isGrouped ${isGrouped}`).toBe(clients.reduce((sum, c) => sum + c.credit, 0));
      const { totals } = report;
      expect(totals.current + totals.days1to30 + totals.days31to60 + totals.days61to90 + totals.over90).toBe(totals.balance);
      // One row per client owing something or holding a credit, with its own figures.
      expect(report.clientCount).toBe(report.rows.length);
      expect(new Map(report.rows.map((r) => [r.clientNumber, [r.balance, r.credit]]))).toEqual(
        new Map(clients.filter((c) => c.owed > 0 || c.credit > 0).map((c) => [c.number, [c.owed, c.credit]])),
      );
    }
  } finally {
    await database.drop();
  }
}

describe('the receivables’ books, whatever the clerks do', () => {
  test('counters, ledgers and aging agree after random days of payments, credits, releases and reversals', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 500, max: 40_000 }), { minLength: 15, maxLength: 15 }),
        fc.array(opArbitrary, { minLength: 8, maxLength: 28 }),
        fc.integer({ min: 0, max: SPAN - 1 }),
        (prices, ops, pastOffset) => runHistory(prices, ops, pastOffset),
      ),
      { numRuns: 25 },
    );
    // The histories went both ways: payments and credit notes were recorded, and refused.
    const seen = [...outcomes.keys()];
    expect(seen).toContain('auto payment: done');
    expect(seen).toContain('manual payment: done');
    expect(seen.some((k) => k.startsWith('manual payment: payment.'))).toBe(true);
    expect(seen).toContain('credit note: done');
    expect(seen.some((k) => k.startsWith('credit note') && !k.endsWith('done'))).toBe(true);
  }, 180_000);
});
