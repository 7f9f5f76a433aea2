/**
 * The dues return and the registered dispatcher's annual report over a year of passenger trips,
 * on a database of their own (the other measures keep their two months of calls): the bench's
 * clients and groups, a million calls over 2026 taken from and to 1,100 municipalities (a hundred
 * of them merged variants), passenger tariffs but one (deliveries), paratransit exempt for 5 % of
 * the clients, 2 % of the clients exempt under a municipal contract and two groups under a transit
 * authority's; eleven months billed (a normal and a grouped run each month, a run of a hundred
 * clients reversed and billed again in November), credit notes of whole trips and of amounts,
 * December waiting to be billed. Target: each report under a second.
 *
 * `npx tsx scripts/bench/reports-bench.ts [--scale small|full]` runs it on its own throwaway
 * PostgreSQL; `npm run bench -- --only reports` runs it from the benchmark's runner.
 */
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { sql } from 'drizzle-orm';
import { openPostgres, queryRows, type Db } from '@/db/index';
import { billingInput } from '@/lib/billing/billing-input';
import { createCreditNote, creditNoteInput } from '@/lib/billing/credit-notes';
import { generateInvoices } from '@/lib/billing/generate-invoices';
import { reverseRun } from '@/lib/billing/reverse-run';
import { addDays } from '@/lib/dates/montreal';
import { ctqReport } from '@/lib/reports/ctq-report';
import { duesReturn } from '@/lib/reports/dues-return';
import { startPgCluster } from '@/test/support/pg-cluster';
import { withDatabase } from '@/test/support/database-url';
import type { BenchRow } from './documents-bench';
import { generateBenchData } from './generate-data';
import { ms, sampleLatency, timed } from './measure';

export const REPORTS_SCALES = {
  small: { clients: 2_000, groups: 50, calls: 50_000, creditNotes: 60, runs: 5 },
  full: { clients: 20_000, groups: 500, calls: 1_000_000, creditNotes: 300, runs: 10 },
} as const;
type ReportsScale = (typeof REPORTS_SCALES)[keyof typeof REPORTS_SCALES];

const YEAR = 2026;
const MUNICIPALITIES = 1_100;
const MERGED_VARIANTS = 100;
const TARGET_MS = 1000;

/** h(i, salt) in [0, 1): a deterministic hash of a row number, as generate-data.ts draws. */
const h = (row: string, salt: number) => sql.raw(`(abs(hashtextextended(${row}::text || ':${salt}', 42)) % 1000000) / 1000000.0`);

/** Creates the year's database beside the server's others, measures, and drops it. */
export async function measureReports(serverUrl: string, scale: ReportsScale): Promise<BenchRow[]> {
  const name = `bench_reports_${Date.now()}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const app = openPostgres(withDatabase(serverUrl, name), { max: 10 });
  try {
    await app.migrate();
    const { seconds } = await timed(() => writeReportsYear(app.db, scale));
    const [counts] = await queryRows<{ calls: number; invoices: number; lines: number; notes: number }>(
      app.db,
      sql`select (select count(*)::int from calls) as calls, (select count(*)::int from invoices) as invoices,
                 (select count(*)::int from invoice_lines) as lines, (select count(*)::int from credit_notes) as notes`,
    );
    console.log(
      `Déclarations : ${counts!.calls} appels en ${YEAR}, ${counts!.invoices} factures (${counts!.lines} lignes), ${counts!.notes} notes de crédit, écrits en ${seconds.toFixed(1)} s`,
    );
    const measures: { label: string; run: () => Promise<unknown> }[] = [
      {
        label: `déclaration de la redevance, année ${YEAR}`,
        run: () => duesReturn(app.db, { from: `${YEAR}-01-01`, to: `${YEAR}-12-31` }),
      },
      { label: `déclaration de la redevance, 4e trimestre`, run: () => duesReturn(app.db, { from: `${YEAR}-10-01`, to: `${YEAR}-12-31` }) },
      { label: `rapport annuel du répartiteur (CTQ), ${YEAR}`, run: () => ctqReport(app.db, YEAR) },
    ];
    const rows: BenchRow[] = [];
    for (const measure of measures) {
      const latency = await sampleLatency(measure.run, scale.runs, 2);
      rows.push({
        measure: `${measure.label} (${counts!.calls} appels) (p95)`,
        product: ms(latency.p95),
        floor: '—',
        ratio: '—',
        target: `≤ ${TARGET_MS} ms`,
        verdict: latency.p95 <= TARGET_MS ? 'atteint' : 'MANQUÉ',
      });
    }
    return rows;
  } finally {
    await app.close();
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

async function writeReportsYear(db: Db, scale: ReportsScale): Promise<void> {
  await generateBenchData(db, { clients: scale.clients, groups: scale.groups, calls: 0, seed: 42, endDate: `${YEAR}-12-31` });
  // Passenger tariffs but the corporate one (deliveries); paratransit (ADAPTE, 5 % of the clients)
  // exempt, as a transit authority's contract makes it.
  await db.execute(sql`update tariffs set is_passenger = code <> 'CORP'`);
  await db.execute(sql`
    insert into tariffs (code, name, base_cents, per_km, per_minute, minimum_charge_cents, is_passenger, is_dues_exempt)
    values ('ADAPTE', 'Transport adapté', 375, 2.0500, 0.7000, 800, true, true)`);
  await db.execute(sql`
    update clients set tariff_id = (select id from tariffs where code = 'ADAPTE')
     where grouped_client_number is distinct from number and ${h('number', 32)} < 0.05`);
  // 2 % of the clients billed on their own are exempt under a municipal contract.
  await db.execute(sql`
    update clients set dues_exemption = 'municipal_contract', dues_exempt_from = ${`${YEAR}-01-01`}::date
     where grouped_client_number is null and ${h('number', 31)} < 0.02`);
  // Two grouped accounts of 200 members under a transit authority's contract: their members' trips too.
  await db.execute(sql`
    update clients set dues_exemption = 'transit_contract', dues_exempt_from = ${`${YEAR}-01-01`}::date where number in (100001, 100002)`);
  await db.execute(sql`
    insert into municipalities (name, name_folded)
    select 'Municipalité ' || i, 'municipalite' || i from generate_series(1, ${MUNICIPALITIES}) as i`);
  await db.execute(sql`
    insert into municipalities (name, name_folded, merged_into_id)
    select 'Mun. ' || i, 'mun' || i, (select min(id) from municipalities) + i - 1 from generate_series(1, ${MERGED_VARIANTS}) as i`);
  const municipality = (salt: number) =>
    sql`case when ${h('n', salt)} < 0.03 then null else 1 + floor(${h('n', salt + 1)} * ${MUNICIPALITIES + MERGED_VARIANTS})::int end`;
  await db.execute(sql`
    insert into calls (number, client_number, service_at, service_date, pickup_address, destination_address, status,
                       tariff_id, tariff_code, gross_cents, discount_cents, price_cents, completed_at,
                       origin_municipality_id, destination_municipality_id)
    select n, q.client_number, q.service_date + time '08:00', q.service_date, 'Départ ' || n, 'Arrivée ' || n, q.status,
           t.id, t.code, q.price, 0, q.price, case when q.status = 'completed' then q.service_date + time '09:00' end,
           ${municipality(41)}, ${municipality(43)}
      from generate_series(1, ${scale.calls}) as n
      cross join lateral (
        select 100000 + floor(${h('n', 11)} * ${scale.clients})::int as client_number,
               -- Taken in time order, as a dispatch system numbers them: January's first.
               (${`${YEAR}-01-01`}::date + floor((n - 1) * 365.0 / ${scale.calls})::int) as service_date,
               800 + floor(${h('n', 13)} * 4000)::int as price,
               case when ${h('n', 17)} < 0.92 then 'completed'::call_status else 'cancelled'::call_status end as status) q
      join clients cl on cl.number = q.client_number
      join tariffs t on t.id = cl.tariff_id`);
  await db.execute(sql`select setval(pg_get_serial_sequence('calls', 'number'), (select max(number) from calls))`);
  await db.execute(sql`vacuum analyze`);

  // January to November billed at the end of each month, a normal and a grouped run each. In
  // November a run of the last hundred clients (billed on their own) is generated, reversed (a
  // correction) and billed again with the others; December waits to be billed.
  const run = (cutoff: string, issue: string, options: { isGrouped?: boolean; range?: [number, number] } = {}) =>
    generateInvoices(
      db,
      1,
      billingInput.parse({
        cutoff,
        cycle: 'all',
        isGrouped: options.isGrouped ? 'on' : undefined,
        clientFrom: options.range ? String(options.range[0]) : undefined,
        clientTo: options.range ? String(options.range[1]) : undefined,
      }),
      issue,
    );
  for (let month = 1; month <= 11; month++) {
    const next = `${YEAR}-${String(month + 1).padStart(2, '0')}-01`;
    if (month === 11) {
      const corrected = await run(addDays(next, -1), next, { range: [100000 + scale.clients - 100, 100000 + scale.clients - 1] });
      if (corrected.runId !== null) await reverseRun(db, 1, corrected.runId);
    }
    for (const isGrouped of [false, true]) await run(addDays(next, -1), next, { isGrouped });
  }
  // Credit notes through the product: a whole trip, then an amount, on invoices spread over the year.
  const lines = await queryRows<{ number: number; line_id: number; issue_date: string }>(
    db,
    sql`select distinct on (i.id) i.number::int as number, l.id::int as line_id, i.issue_date::text
          from invoices i join invoice_lines l on l.invoice_id = i.id and l.dues_cents > 0 and l.amount_cents > 1000
         where i.status = 'issued' and i.id % 97 = 0
         order by i.id, l.id limit ${scale.creditNotes}`,
  );
  for (const [index, line] of lines.entries()) {
    const input = index % 3 === 2 ? { amount: '5,00' } : { lineIds: [String(line.line_id)] };
    await createCreditNote(
      db,
      1,
      creditNoteInput.parse({ invoiceNumber: String(line.number), reason: 'Course annulée', ...input }),
      addDays(line.issue_date, 10),
    );
  }
  await db.execute(sql`vacuum analyze`);
}

async function main() {
  const { values } = parseArgs({ options: { scale: { type: 'string', default: 'full' } } });
  const scale = REPORTS_SCALES[values.scale as keyof typeof REPORTS_SCALES];
  if (!scale) throw new Error(`--scale small|full (not ${values.scale})`);
  const cluster = await startPgCluster();
  try {
    console.table(await measureReports(cluster.url, scale));
  } finally {
    cluster.stop();
  }
}

if (process.argv[1]?.endsWith('reports-bench.ts'))
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
