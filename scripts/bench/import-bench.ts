/**
 * The CSV import at scale beside its floor, in the same run: 20,000 clients (500 groups, heads
 * after their members in the file) and 100,000 historical calls imported through the product's
 * runImport (upload streamed in 64 KB chunks, decoded, parsed, checked, written by batches in one
 * transaction), beside PostgreSQL's COPY of the same rows through the bare postgres.js driver into
 * the same tables (the same triggers, indexes and checks run for both). Each sample starts from a
 * fresh copy of one migrated database; the medians of the samples are compared (target ≤ 3×).
 *
 * `npx tsx scripts/bench/import-bench.ts [--scale small|full]` runs it on its own throwaway
 * PostgreSQL; `npm run bench -- --only import` runs it from the benchmark's runner.
 */
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { sql } from 'drizzle-orm';
import { openPostgres, queryRows } from '@/db/index';
import { users } from '@/db/schema';
import { runImport, type ImportOutcome } from '@/lib/import/run-import';
import { startPgCluster } from '@/test/support/pg-cluster';
import type { BenchRow } from './documents-bench';
import { percentile, timed } from './measure';

export const IMPORT_SCALES = {
  small: { clients: 2_000, calls: 10_000, samples: 3 },
  full: { clients: 20_000, calls: 100_000, samples: 3 },
} as const;

const FIRST_CLIENT = 100_000;
const GROUP_SIZE = 20;
const CALL_HEADERS =
  'No. appel;No. client;Date du service;Heure;Appelant;Adresse de départ;Destination;Distance (km);Attente (minutes);Type de service;Référence du client;Notes;Statut;Tarif;Montant brut;Escompte (%);Escompte;Prix;No. facture';

type ClientRow = { number: number; grouped: number | null };
type CallRow = { id: string; client: number; date: string; time: string; i: number; invoice: string | null };

/** Half the clients in groups of 20, each head written after its members; the others billed alone. */
function clientRows(count: number): ClientRow[] {
  return Array.from({ length: count }, (_, i) => {
    const number = FIRST_CLIENT + count - 1 - i;
    const index = number - FIRST_CLIENT;
    const head = FIRST_CLIENT + Math.floor(index / GROUP_SIZE) * GROUP_SIZE;
    return { number, grouped: index < count / 2 ? head : null };
  });
}

function callRows(count: number, clients: number): CallRow[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `H-${i}`,
    client: FIRST_CLIENT + (i % clients),
    date: `2026-${String(1 + (i % 9)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
    time: `${String(6 + (i % 14)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`,
    i,
    invoice: i % 2 === 0 ? `F-${i % 5000}` : null,
  }));
}

const clientsFile = (rows: ClientRow[]) =>
  ['No. client;Nom;Adresse;Ville;Code postal;Tarif;No. client regroupé']
    .concat(rows.map((c) => `${c.number};Client ${c.number};${c.number}, rue Principale;Montréal;H2X 1Y4;STD;${c.grouped ?? ''}`))
    .join('\r\n');

const callsFile = (rows: CallRow[]) =>
  [CALL_HEADERS]
    .concat(
      rows.map(
        (k) =>
          `${k.id};${k.client};${k.date};${k.time};Appelant ${k.i};${k.i}, rue Saint-Denis, Montréal;${k.i}, boulevard Laurier, Québec;12,40;5;Régulier;PO-${k.i};;Terminé;STD;31,50;0,00;0,00;31,50;${k.invoice ?? ''}`,
      ),
    )
    .join('\r\n');

async function* chunksOf(text: string) {
  const bytes = Buffer.from(text);
  for (let i = 0; i < bytes.length; i += 64 * 1024) yield bytes.subarray(i, i + 64 * 1024);
}

/** CSV for COPY: every value quoted, null as an unquoted empty field. */
const copyLine = (values: (string | number | null)[]) =>
  `${values.map((v) => (v === null ? '' : `"${String(v).replaceAll('"', '""')}"`)).join(',')}\n`;

async function copyInto(tx: postgres.TransactionSql, statement: string, lines: Iterable<string>): Promise<void> {
  const writable = await tx.unsafe(statement).writable();
  await pipeline(Readable.from(lines), writable);
}

/** The floor: the same clients, then the same calls and their statuses, by COPY in one transaction each. */
async function copyClients(url: string, rows: ClientRow[], tariffId: number): Promise<void> {
  const bare = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await bare.begin(async (tx) => {
      await copyInto(
        tx,
        'copy clients (number, name, address_line1, city, postal_code, tariff_id, grouped_client_number) from stdin with (format csv)',
        rows.map((c) =>
          copyLine([c.number, `Client ${c.number}`, `${c.number}, rue Principale`, 'Montréal', 'H2X 1Y4', tariffId, c.grouped]),
        ),
      );
      // As the product does: without it, the memberships' deferred guard plans from the empty
      // table's statistics and the commit alone takes seconds (lib/import/import-clients.ts).
      await tx.unsafe('analyze group_memberships');
    });
  } finally {
    await bare.end();
  }
}

async function copyCalls(url: string, rows: CallRow[], tariffId: number, userId: number): Promise<void> {
  const bare = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await bare.begin(async (tx) => {
      await copyInto(
        tx,
        `copy calls (number, dispatch_id, client_number, service_at, service_date, caller, pickup_address, destination_address,
                     distance_km, waiting_minutes, service_type, client_reference, status, tariff_id, tariff_code, gross_cents,
                     discount_percent, discount_cents, price_cents, legacy_invoice_number, completed_at, created_by)
           from stdin with (format csv)`,
        rows.map((k) => {
          const at = `${k.date} ${k.time}:00 America/Toronto`;
          return copyLine([
            100_001 + k.i,
            `import:${k.id}`,
            k.client,
            at,
            k.date,
            `Appelant ${k.i}`,
            `${k.i}, rue Saint-Denis, Montréal`,
            `${k.i}, boulevard Laurier, Québec`,
            '12.40',
            5,
            'standard',
            `PO-${k.i}`,
            'completed',
            tariffId,
            'STD',
            3150,
            '0.00',
            0,
            3150,
            k.invoice,
            at,
            userId,
          ]);
        }),
      );
      await copyInto(
        tx,
        'copy call_status_changes (call_number, to_status, changed_by) from stdin with (format csv)',
        rows.map((k) => copyLine([100_001 + k.i, 'completed', userId])),
      );
    });
  } finally {
    await bare.end();
  }
}

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

function checked(outcome: ImportOutcome, expected: number): void {
  if (!outcome.isApplied || outcome.counts.created !== expected) {
    throw new Error(`import refused or incomplete: ${JSON.stringify({ counts: outcome.counts, problems: outcome.problems.slice(0, 3) })}`);
  }
}

export async function measureImport(serverUrl: string, scale: { clients: number; calls: number; samples: number }): Promise<BenchRow[]> {
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  const template = `import_bench_${randomUUID().slice(0, 8)}`;
  const created: string[] = [];
  try {
    await admin.unsafe(`create database ${template}`);
    created.push(template);
    const prepared = openPostgres(withDatabase(serverUrl, template), { max: 2 });
    await prepared.migrate();
    await prepared.db.execute(
      sql`insert into tariffs (code, name, base_cents, per_km, per_minute) values ('STD', 'Standard', 450, 1.875, 0.65)`,
    );
    await prepared.db.insert(users).values({ email: 'import@bench.local', name: 'Importation', role: 'admin', passwordHash: 'x' });
    const [ids] = await queryRows<{ tariff: number; user: number }>(
      prepared.db,
      sql`select (select id from tariffs) as tariff, (select id from users) as "user"`,
    );
    await prepared.close();

    const clients = clientRows(scale.clients);
    const calls = callRows(scale.calls, scale.clients);
    const files = { clients: clientsFile(clients), calls: callsFile(calls) };
    const samples = { clients: [] as number[], clientsFloor: [] as number[], calls: [] as number[], callsFloor: [] as number[] };

    for (let sample = 0; sample < scale.samples; sample++) {
      const [product, floor] = [`${template}_p${sample}`, `${template}_f${sample}`];
      for (const name of [product, floor]) {
        await admin.unsafe(`create database ${name} template ${template}`);
        created.push(name);
      }
      const app = openPostgres(withDatabase(serverUrl, product), { max: 2 });
      try {
        const run = (kind: 'clients' | 'calls') =>
          runImport(app.db, { kind, mode: 'import', actorId: ids!.user, body: chunksOf(files[kind]), maxBytes: 1024 ** 3 });
        const clientImport = await timed(() => run('clients'));
        checked(clientImport.value, scale.clients);
        samples.clients.push(clientImport.seconds);
        samples.clientsFloor.push((await timed(() => copyClients(withDatabase(serverUrl, floor), clients, ids!.tariff))).seconds);
        const callImport = await timed(() => run('calls'));
        checked(callImport.value, scale.calls);
        samples.calls.push(callImport.seconds);
        samples.callsFloor.push((await timed(() => copyCalls(withDatabase(serverUrl, floor), calls, ids!.tariff, ids!.user))).seconds);
      } finally {
        await app.close();
      }
      console.log(
        `importation, essai ${sample + 1} : clients ${samples.clients.at(-1)!.toFixed(2)} s (COPY ${samples.clientsFloor.at(-1)!.toFixed(2)} s), ` +
          `appels ${samples.calls.at(-1)!.toFixed(2)} s (COPY ${samples.callsFloor.at(-1)!.toFixed(2)} s)`,
      );
    }

    const row = (label: string, count: number, product: number[], floor: number[]): BenchRow => {
      const [seconds, floorSeconds] = [percentile(product, 0.5), percentile(floor, 0.5)];
      const ratio = seconds / floorSeconds;
      return {
        measure: `importation CSV : ${count.toLocaleString('fr-CA')} ${label} (médiane de ${scale.samples})`,
        product: `${Math.round(count / seconds).toLocaleString('fr-CA')}/s (${seconds.toFixed(2)} s)`,
        floor: `COPY ${Math.round(count / floorSeconds).toLocaleString('fr-CA')}/s (${floorSeconds.toFixed(2)} s)`,
        ratio: ratio.toFixed(2),
        target: '≤ 3× plancher',
        verdict: ratio <= 3 ? 'atteint' : 'MANQUÉ',
      };
    };
    return [
      row(`clients (${scale.clients / 2 / GROUP_SIZE} groupes)`, scale.clients, samples.clients, samples.clientsFloor),
      row('appels historiques', scale.calls, samples.calls, samples.callsFloor),
    ];
  } finally {
    for (const name of created.reverse()) await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

async function main() {
  const { values } = parseArgs({ options: { scale: { type: 'string', default: 'full' } } });
  const scale = IMPORT_SCALES[values.scale as keyof typeof IMPORT_SCALES];
  if (!scale) throw new Error(`--scale small|full (not ${values.scale})`);
  const cluster = process.env.BENCH_DATABASE_URL ? null : await startPgCluster();
  try {
    console.table(await measureImport(process.env.BENCH_DATABASE_URL ?? cluster!.url, scale));
  } finally {
    cluster?.stop();
  }
}

if (process.argv[1]?.endsWith('import-bench.ts')) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
