/**
 * The client portal at a large head's scale: a grouped account of 500 members and 100,000 calls
 * over eight months, the first six billed (lib/portal). Its calls' first page beside the same
 * page's rows read by hand through the index, its home, and its CSV export streamed whole with
 * the process's memory watched.
 */
import { sql } from 'drizzle-orm';
import type postgres from 'postgres';
import { queryRows, type Db } from '@/db/index';
import { billingInput } from '@/lib/billing/billing-input';
import { generateInvoices } from '@/lib/billing/generate-invoices';
import { portalCalls, portalCallSearchParams, portalSummary } from '@/lib/portal/find-portal';
import { portalCallsCsvStream } from '@/lib/portal/portal-calls-csv';
import type { BenchRow } from './documents-bench';
import { ms, sampleLatency, sampleLatencyBeside, timed } from './measure';

const PORTAL_HEAD = 950_000;
const MEMBERS = 500;
const CALLS_PER_MEMBER = 200;
/** From March 1 to October 31: 245 days; March to August billed. */
const DAYS = 245;

/** The account, its calls and its bills; on a database that has them already (a second run on `DATABASE_URL`), nothing. */
async function preparePortalAccount(db: Db): Promise<void> {
  const [existing] = await queryRows<{ found: boolean }>(
    db,
    sql`select exists (select 1 from clients where number = ${PORTAL_HEAD}) as found`,
  );
  if (existing?.found) return;
  await db.execute(sql`
    insert into clients (number, name, address_line1, city, postal_code, tariff_id, grouped_client_number)
    select ${PORTAL_HEAD}, 'Centre intégré de santé — compte regroupé', '2000, boul. Saint-Martin', 'Laval', 'H7S 1M9', min(id), ${PORTAL_HEAD} from tariffs`);
  await db.execute(sql`
    insert into clients (number, name, address_line1, city, postal_code, tariff_id, grouped_client_number)
    select ${PORTAL_HEAD} + m, 'Point de service ' || m, m || ', rue de l''Église', 'Laval', 'H7S 1M9',
           (select id from tariffs order by id offset m % 4 limit 1), ${PORTAL_HEAD}
      from generate_series(1, ${MEMBERS}) m`);
  // Each call's date is the day of its time in Montréal, as call taking writes them.
  await db.execute(sql`
    insert into calls (client_number, service_at, service_date, pickup_address, destination_address, client_reference,
                       tariff_id, tariff_code, gross_cents, discount_cents, price_cents, status, completed_at)
    select ${PORTAL_HEAD} + m, (d + time '07:00' + ((i * 7 + m) % 720 || ' minutes')::interval) at time zone 'America/Toronto', d,
           i || ', boul. des Laurentides, Laval', m || ', rue de l''Église, Laval', 'BC-' || m || '-' || i,
           c.tariff_id, t.code, 1500 + (i * 37) % 3000, 0, 1500 + (i * 37) % 3000, 'completed',
           (d + time '20:00') at time zone 'America/Toronto'
      from generate_series(1, ${MEMBERS}) m
      join clients c on c.number = ${PORTAL_HEAD} + m
      join tariffs t on t.id = c.tariff_id
     cross join generate_series(1, ${CALLS_PER_MEMBER}) i
     cross join lateral (select date '2026-03-01' + ((i * ${DAYS}) / ${CALLS_PER_MEMBER} + m) % ${DAYS} as d) day`);
  const input = billingInput.parse({
    cutoff: '2026-08-31',
    cycle: 'all',
    clientFrom: String(PORTAL_HEAD),
    clientTo: String(PORTAL_HEAD),
    isGrouped: 'on',
  });
  await generateInvoices(db, 1, input, '2026-09-01');
  await db.execute(sql`vacuum analyze calls`);
  await db.execute(sql`vacuum analyze invoice_lines`);
}

/** The whole export read as a browser would, the resident memory sampled all along. */
async function exportWatched(db: Db): Promise<{ bytes: number; lines: number; seconds: number; growthMb: number }> {
  const account = { number: PORTAL_HEAD, name: '', language: 'fr' as const, isHead: true };
  const search = portalCallSearchParams.parse({});
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  try {
    const { value, seconds } = await timed(async () => {
      let bytes = 0;
      let lines = 0;
      const reader = portalCallsCsvStream(db, account, search).getReader();
      for (;;) {
        const { done, value: chunk } = await reader.read();
        if (done) break;
        bytes += chunk.length;
        for (const byte of chunk) if (byte === 10) lines++;
        peak = Math.max(peak, process.memoryUsage().rss);
      }
      return { bytes, lines };
    });
    return { ...value, seconds, growthMb: Math.round((peak - baseline) / 2 ** 20) };
  } finally {
    clearInterval(sampler);
  }
}

export async function measurePortal(db: Db, bare: postgres.Sql, runs: number): Promise<BenchRow[]> {
  await preparePortalAccount(db);
  const rows: BenchRow[] = [];
  const search = portalCallSearchParams.parse({});
  const { product, floor } = await sampleLatencyBeside(
    () => portalCalls(db, PORTAL_HEAD, search),
    // The page's rows read by hand: the group's clients' latest calls through the same index, no scope.
    () =>
      bare`select number, service_date, service_at, price_cents from calls
            where client_number between ${PORTAL_HEAD} and ${PORTAL_HEAD + MEMBERS}
            order by service_date desc, service_at desc, number desc limit 51`,
    runs,
  );
  rows.push({
    measure: `portail : appels, première page (${MEMBERS} membres, ${MEMBERS * CALLS_PER_MEMBER} appels) (p95)`,
    product: ms(product.p95),
    floor: ms(floor.p95),
    ratio: (product.p95 / floor.p95).toFixed(2),
    target: '≤ 100 ms',
    verdict: product.p95 <= 100 ? 'atteint' : 'MANQUÉ',
  });
  const member = await sampleLatency(
    () => portalCalls(db, PORTAL_HEAD, portalCallSearchParams.parse({ member: String(PORTAL_HEAD + 1) })),
    runs,
  );
  rows.push({
    measure: 'portail : appels d’un membre, première page (p95)',
    product: ms(member.p95),
    floor: '—',
    ratio: '—',
    target: '≤ 100 ms',
    verdict: member.p95 <= 100 ? 'atteint' : 'MANQUÉ',
  });
  const home = await sampleLatency(() => portalSummary(db, PORTAL_HEAD, '2026-11-15'), runs);
  rows.push({
    measure: 'portail : accueil (solde, retard, dernier état, paiements) (p95)',
    product: ms(home.p95),
    floor: '—',
    ratio: '—',
    target: '≤ 200 ms',
    verdict: home.p95 <= 200 ? 'atteint' : 'MANQUÉ',
  });
  // The first export of the process watched: the memory grows by the pages in flight, not by the file.
  const csv = await exportWatched(db);
  const fileMb = csv.bytes / 2 ** 20;
  rows.push({
    measure: `portail : export CSV des appels (${csv.lines - 1} lignes, ${fileMb.toFixed(1)} Mo)`,
    product: `mémoire +${csv.growthMb} Mo, ${csv.seconds.toFixed(1)} s, ${Math.round((csv.lines - 1) / csv.seconds).toLocaleString('fr-CA')} lignes/s`,
    floor: '—',
    ratio: '—',
    // Flat: what is in flight (a few thousand rows), whatever the file's size; the rows of the whole
    // export held at once would take several times the file.
    target: '≤ 64 Mo',
    verdict: csv.growthMb <= 64 ? 'atteint' : 'MANQUÉ',
  });
  return rows;
}
