/**
 * Receivables at scale, each figure beside its floor in the same run: a year of monthly
 * invoices for every billed client (about 150,000 at the full scale) and 100,000 payments
 * applied to them, written set-based by hand; then the aging as of a past date, one client's
 * ledger, a cheque applied across 500 invoices, and a batch of statements rendered.
 */
import postgres from 'postgres';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/db/index';
import { agingAsOf } from '@/lib/receivables/aging';
import { clientLedger } from '@/lib/receivables/ledger';
import { paymentInput } from '@/lib/receivables/payment-input';
import { recordPayment } from '@/lib/receivables/payments';
import { statementsRow, type BenchRow } from './documents-bench';
import { ms, sampleLatency, sampleLatencyBeside, timed } from './measure';

const MONTHS = 12;
const FIRST_INVOICE = 50_000_000;
const FIRST_PAYMENT = 50_000_000;
const CHEQUE_CLIENT = 950_000;
const CHEQUE_INVOICES = 500;
const AS_OF = '2026-09-30';

export async function measureReceivables(
  db: Db,
  bare: postgres.Sql,
  url: string,
  options: { invoices: number; payments: number; runs: number; statements: number },
): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const { seconds: loadSeconds } = await timed(() => writeHistory(db, options.invoices, options.payments));
  const [counts] = await queryRows<{ invoices: number; payments: number }>(
    db,
    sql`select (select count(*)::int from invoices) as invoices, (select count(*)::int from payments) as payments`,
  );
  console.log(`Comptes clients : ${counts!.invoices} factures, ${counts!.payments} paiements, écrits en ${loadSeconds.toFixed(1)} s`);

  // Aging as of a past date (every document read as of then), a page of 50 sorted by balance.
  // Sampled in turn with its floor, as the billing list: a busy moment falls on both.
  const { product: aging, floor: agingFloor } = await sampleLatencyBeside(
    () => agingAsOf(db, { asOf: AS_OF, isGrouped: false }),
    () => bare.unsafe(handWrittenAging(AS_OF)),
    Math.max(5, Math.floor(options.runs / 15)),
    2,
  );
  rows.push({
    measure: `âge des comptes au ${AS_OF} (${counts!.invoices} factures, ${counts!.payments} paiements) (p95)`,
    product: ms(aging.p95),
    floor: ms(agingFloor.p95),
    ratio: (aging.p95 / agingFloor.p95).toFixed(2),
    // The ratio is judged where the floor takes long enough to measure (the full scale), as for
    // the billing list; at the small scale both take tens of milliseconds, mostly fixed costs.
    target: agingFloor.p95 >= 100 ? '≤ 1000 ms, ≤ 1,5× plancher' : '≤ 1000 ms',
    verdict: aging.p95 <= 1000 && (agingFloor.p95 < 100 || aging.p95 / agingFloor.p95 <= 1.5) ? 'atteint' : 'MANQUÉ',
  });

  // One client's ledger (every document, running balance), clients taken in turn.
  const billed = await queryRows<{ number: number }>(
    db,
    sql`select distinct billed_client_number as number from invoices where number >= ${FIRST_INVOICE} order by 1 limit 500`,
  );
  let turn = 0;
  const nextClient = () => Number(billed[turn++ % billed.length]!.number);
  const ledger = await sampleLatency(() => clientLedger(db, nextClient()), options.runs);
  const ledgerFloor = await sampleLatency(() => bare.unsafe(handWrittenLedger(nextClient())), options.runs);
  rows.push({
    measure: 'grand livre d’un client (p95)',
    product: ms(ledger.p95),
    floor: ms(ledgerFloor.p95),
    ratio: (ledger.p95 / ledgerFloor.p95).toFixed(2),
    target: '≤ 50 ms',
    verdict: ledger.p95 <= 50 ? 'atteint' : 'MANQUÉ',
  });

  // One cheque across the 500 open invoices of a client, oldest due first.
  const chequeCents = await prepareChequeClient(db);
  const floorCheque = await timed(() => handWrittenCheque(bare));
  const cheque = await timed(() =>
    recordPayment(
      db,
      1,
      paymentInput('2026-11-30').parse({
        clientNumber: String(CHEQUE_CLIENT),
        amount: (chequeCents / 100).toFixed(2),
        receivedOn: '2026-11-15',
        method: 'cheque',
        allocation: 'auto',
      }),
    ),
  );
  if (cheque.value.invoices.length !== CHEQUE_INVOICES) throw new Error(`the cheque paid ${cheque.value.invoices.length} invoices`);
  rows.push({
    measure: `un chèque affecté à ${CHEQUE_INVOICES} factures`,
    product: ms(cheque.seconds * 1000),
    floor: ms(floorCheque.seconds * 1000),
    ratio: (cheque.seconds / floorCheque.seconds).toFixed(2),
    target: '≤ 200 ms',
    verdict: cheque.seconds * 1000 <= 200 ? 'atteint' : 'MANQUÉ',
  });

  // A batch of statements for October, beside invoices of as many pages (documents-bench.ts).
  rows.push(await statementsRow(url, options.statements));
  return rows;
}

/**
 * A year of monthly invoices (issued on each month's last day, due 30 days later) for about
 * five billed clients in eight, then payments: each of the first `payments` invoices (in a
 * scattered order) paid 20 days after its date, in full or half.
 */
export async function writeHistory(db: Db, invoiceCount: number, paymentCount: number): Promise<void> {
  await db.execute(sql`
    insert into billing_runs (kind, cutoff_date, issue_date, created_by)
    select 'normal', (date '2025-11-01' + (m || ' months')::interval - interval '1 day')::date,
           (date '2025-11-01' + (m || ' months')::interval - interval '1 day')::date, 1
      from generate_series(1, ${MONTHS}) m`);
  // About `invoiceCount` invoices: each billed client invoiced in five months in eight, as many
  // times a month (daily at most) as the count needs for the clients there are.
  await db.execute(sql`
    with billed as (
      select * from clients where (grouped_client_number is null or grouped_client_number = number) and number < ${CHEQUE_CLIENT}),
    per_month as (select least(28, greatest(1, ceil(${invoiceCount}::numeric * 8 / 5 / (count(*) * ${MONTHS}))))::int as k from billed)
    insert into invoices (number, billing_run_id, kind, billed_client_number, issue_date, due_date, bill_to_name, bill_to_address_line1,
                          bill_to_city, bill_to_province, bill_to_postal_code, language, delivery_method, payment_terms_days,
                          line_count, subtotal_cents, gst_cents, qst_cents, total_cents)
    select ${FIRST_INVOICE} + row_number() over (order by r.issue_date - (j - 1), c.number), r.id,
           case when c.grouped_client_number = c.number then 'grouped' else 'normal' end::billing_kind,
           c.number, r.issue_date - (j - 1), r.issue_date - (j - 1) + 30, c.name, c.address_line1, c.city, c.province,
           c.postal_code, c.language, c.delivery_method, 30, 1, s.subtotal, round(s.subtotal * 0.05), round(s.subtotal * 0.09975),
           s.subtotal + round(s.subtotal * 0.05) + round(s.subtotal * 0.09975)
      from billing_runs r
     cross join billed c
     cross join per_month
     cross join lateral generate_series(1, per_month.k) j
     cross join lateral (select 2000 + (c.number::int8 * 7919 + r.id * 104729 + j * 31) % 90000 as subtotal) s
     where r.cutoff_date >= '2025-11-01' and r.cutoff_date = r.issue_date and (c.number::int8 * 31 + r.id * 17 + j * 3) % 8 < 5`);
  await db.execute(sql`
    insert into payments (number, billed_client_number, received_on, amount_cents, method, reference, created_by)
    select ${FIRST_PAYMENT} + row_number() over (order by i.id), i.billed_client_number, i.issue_date + 20,
           case when i.id % 3 = 0 then i.total_cents / 2 else i.total_cents end, 'cheque', 'CHQ-' || i.id, 1
      from (select * from invoices where number >= ${FIRST_INVOICE} order by (id * 2654435761) % 1000003 limit ${paymentCount}) i`);
  await db.execute(sql`
    insert into payment_allocations (payment_id, invoice_id, amount_cents, applied_on, created_by)
    select p.id, i.id, p.amount_cents, p.received_on, 1
      from payments p join invoices i on i.number >= ${FIRST_INVOICE} and i.id = (substring(p.reference from 5))::bigint
     where p.number >= ${FIRST_PAYMENT}
     order by i.id`);
  await db.execute(sql`analyze`);
}

/** A client of its own with 500 open invoices; returns their total. */
async function prepareChequeClient(db: Db): Promise<number> {
  await db.execute(sql`
    insert into clients (number, name, address_line1, city, postal_code, tariff_id)
    select ${CHEQUE_CLIENT}, 'Entrepôts du Port — 500 factures', '1, rue du Port', 'Montréal', 'H3C 1G1', min(id) from tariffs`);
  const [row] = await queryRows<{ total: number }>(
    db,
    sql`with inserted as (
          insert into invoices (number, billing_run_id, kind, billed_client_number, issue_date, due_date, bill_to_name, bill_to_address_line1,
                                bill_to_city, bill_to_province, bill_to_postal_code, language, delivery_method, payment_terms_days,
                                line_count, subtotal_cents, gst_cents, qst_cents, total_cents)
          select ${FIRST_INVOICE - CHEQUE_INVOICES} + n, (select min(id) from billing_runs), 'normal', ${CHEQUE_CLIENT},
                 date '2025-01-01' + n / 2, date '2025-01-31' + n / 2, 'Entrepôts du Port', '1, rue du Port', 'Montréal', 'QC', 'H3C 1G1',
                 'fr', 'print', 30, 1, 10000, 500, 998, 11498
            from generate_series(1, ${CHEQUE_INVOICES}) n
          returning total_cents)
        select sum(total_cents)::int8 as total from inserted`,
  );
  return Number(row!.total);
}

/** The floor of a cheque: the same 500 allocations written by hand after reading the open invoices, rolled back. */
async function handWrittenCheque(bare: postgres.Sql) {
  await bare
    .begin(async (tx) => {
      const [payment] = await tx.unsafe(`insert into payments (number, billed_client_number, received_on, amount_cents, method, created_by)
        values (${FIRST_PAYMENT - 1}, ${CHEQUE_CLIENT}, '2026-11-15', ${CHEQUE_INVOICES * 11498}, 'cheque', 1) returning id`);
      await tx.unsafe(`insert into payment_allocations (payment_id, invoice_id, amount_cents, applied_on, created_by)
        select ${payment!.id}, id, total_cents - credited_cents - paid_cents, greatest(date '2026-11-15', issue_date), 1
          from (select * from invoices where billed_client_number = ${CHEQUE_CLIENT} and status = 'issued'
                  and credited_cents + paid_cents < total_cents order by id for update) i order by id`);
      throw new Rollback();
    })
    .catch((error: unknown) => {
      if (!(error instanceof Rollback)) throw error;
    });
}
class Rollback extends Error {}

/**
 * The floor of the aging: the same figures by hand — open balances as of the date by days past
 * due, the payments' credit on account, one row per client with its name and the totals of all
 * — the first page by balance.
 */
function handWrittenAging(asOf: string) {
  const active = `applied_on <= '${asOf}' and (released_on is null or released_on > '${asOf}')`;
  return `with paid as (select invoice_id, sum(amount_cents) as s from payment_allocations where ${active} group by invoice_id),
               applied as (select payment_id, sum(amount_cents) as s from payment_allocations where ${active} group by payment_id),
               credited as (select invoice_id, sum(total_cents) as s from credit_notes where issue_date <= '${asOf}' group by invoice_id),
               open as (select i.billed_client_number as c, date '${asOf}' - i.due_date as days,
                               i.total_cents - coalesce(credited.s, 0) - coalesce(paid.s, 0) as b
                          from invoices i left join paid on paid.invoice_id = i.id left join credited on credited.invoice_id = i.id
                         where i.issue_date <= '${asOf}' and (i.voided_at is null or i.voided_at::date > '${asOf}')),
               owed as (select c, sum(b) filter (where days <= 0) as b0, sum(b) filter (where days between 1 and 30) as b1,
                               sum(b) filter (where days between 31 and 60) as b2, sum(b) filter (where days between 61 and 90) as b3,
                               sum(b) filter (where days > 90) as b4, sum(b) as balance
                          from open where b > 0 group by c),
               credit as (select p.billed_client_number as c, sum(p.amount_cents - coalesce(applied.s, 0)) as credit
                            from payments p left join applied on applied.payment_id = p.id
                           where p.status <> 'pending' and p.received_on <= '${asOf}' and (p.reversed_on is null or p.reversed_on > '${asOf}')
                           group by 1 having sum(p.amount_cents - coalesce(applied.s, 0)) > 0)
          select k.number, k.name, o.b0, o.b1, o.b2, o.b3, o.b4, coalesce(o.balance, 0) as balance, coalesce(cr.credit, 0) as credit,
                 count(*) over (), sum(o.balance) over (), sum(cr.credit) over ()
            from owed o full join credit cr on cr.c = o.c join clients k on k.number = coalesce(o.c, cr.c)
           where k.grouped_client_number is distinct from k.number
           order by balance desc, k.number limit 50`;
}

/** The floor of a ledger: the client's invoices and payments in date order with a running balance. */
function handWrittenLedger(client: number) {
  return `select d, amount, sum(amount) over (order by d, number) from (
            select issue_date as d, number, total_cents as amount from invoices where billed_client_number = ${client}
            union all select received_on, number, -amount_cents from payments where billed_client_number = ${client}) x order by d, number`;
}
