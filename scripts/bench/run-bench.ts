/**
 * `npm run bench [-- --scale small|full]`: the product measured at a real company's scale on
 * its own throwaway PostgreSQL, each figure beside its floor (the same work done by hand,
 * through the bare driver) in the same run. Not part of `npm test`.
 */
import { parseArgs } from 'node:util';
import os from 'node:os';
import postgres from 'postgres';
import { sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { openPostgres, queryRows, type Db } from '@/db/index';
import { callSearchParams, callSearchQuery, findCalls } from '@/lib/calls/find-calls';
import { clientSearchParams, findClients } from '@/lib/clients/find-clients';
import { startPgCluster } from '@/test/support/pg-cluster';
import { generateBenchData } from './generate-data';
import { ms, sampleLatency } from './measure';

const SCALES = {
  small: { clients: 2_000, groups: 50, calls: 20_000, runs: 100 },
  full: { clients: 20_000, groups: 500, calls: 1_000_000, runs: 300 },
} as const;

type Row = { measure: string; product: string; floor: string; ratio: string; target: string; verdict: string };

async function main() {
  const { values } = parseArgs({ options: { scale: { type: 'string', default: 'full' }, seed: { type: 'string', default: '42' } } });
  const scale = SCALES[values.scale as keyof typeof SCALES];
  if (!scale) throw new Error(`--scale small|full (not ${values.scale})`);
  const cluster = process.env.BENCH_DATABASE_URL ? null : await startPgCluster();
  const url = process.env.BENCH_DATABASE_URL ?? cluster!.url;
  const app = openPostgres(url, { max: 10 });
  const bare = postgres(url, { max: 10, onnotice: () => {} });
  const rows: Row[] = [];
  try {
    await app.migrate();
    const loadStarted = Date.now();
    await generateBenchData(app.db, { clients: scale.clients, groups: scale.groups, calls: scale.calls, seed: Number(values.seed), endDate: '2026-10-31' });
    console.log(`Données : ${scale.clients} clients, ${scale.groups} comptes regroupés, ${scale.calls} appels, chargées en ${((Date.now() - loadStarted) / 1000).toFixed(1)} s`);

    // Client search: the product's findClients against the same SQL through the bare driver.
    const searches: { label: string; params: Record<string, string> }[] = [
      { label: 'nom « cote »', params: { q: 'cote' } },
      { label: 'nom « pharmacie trem »', params: { q: 'pharmacie trem' } },
      { label: 'numéro « 1123 »', params: { q: '1123' } },
      { label: 'comptes regroupés', params: { filter: 'heads' } },
      { label: 'membres du plus grand groupe', params: { filter: 'members', head: '100000' } },
      { label: 'tri par nom, page 20', params: { sort: 'name', page: '20' } },
    ];
    for (const search of searches) {
      const params = clientSearchParams.parse(search.params);
      const product = await sampleLatency(() => findClients(app.db, params), scale.runs);
      const floor = await sampleLatency(() => bareClientSearch(bare, params), scale.runs);
      rows.push({
        measure: `recherche de clients : ${search.label} (p95)`,
        product: ms(product.p95),
        floor: ms(floor.p95),
        ratio: (product.p95 / floor.p95).toFixed(2),
        target: '≤ 20 ms',
        verdict: product.p95 <= 20 ? 'atteint' : 'MANQUÉ',
      });
    }

    // Call search: each kind of search through findCalls, beside the same SQL through the bare driver.
    const dialect = new PgDialect();
    const callSearches: { label: string; params: Record<string, string> }[] = [
      { label: 'numéro d’appel', params: { number: String(Math.floor(scale.calls / 2) || 1) } },
      { label: 'client + période', params: { client: '101234', from: '2026-10-01', to: '2026-10-31' } },
      { label: 'compte regroupé + membres + période', params: { client: '100003', members: '1', from: '2026-10-01', to: '2026-10-31' } },
      { label: 'texte fréquent « gagnon »', params: { q: 'gagnon' } },
      { label: 'texte rare (référence)', params: { q: 'BC-48213' } },
    ];
    for (const search of callSearches) {
      const params = callSearchParams.parse(search.params);
      const query = dialect.sqlToQuery(callSearchQuery(params));
      const product = await sampleLatency(() => findCalls(app.db, params), scale.runs);
      const floor = await sampleLatency(() => bare.unsafe(query.sql, query.params as never[]), scale.runs);
      const plan = await planSummary(app.db, params);
      rows.push({
        measure: `recherche d’appels : ${search.label} (p95)`,
        product: ms(product.p95),
        floor: ms(floor.p95),
        ratio: (product.p95 / floor.p95).toFixed(2),
        target: '≤ 20 ms',
        verdict: product.p95 <= 20 ? 'atteint' : 'MANQUÉ',
      });
      console.log(`plan « ${search.label} » : ${plan}`);
    }
  } finally {
    await bare.end();
    await app.close();
    cluster?.stop();
  }

  console.log(`\nMachine : ${os.cpus().length} cœurs, ${(os.totalmem() / 2 ** 30).toFixed(0)} Gio, Node ${process.version}; commande : npm run bench -- --scale ${values.scale}\n`);
  console.table(rows);
  if (rows.some((r) => r.verdict !== 'atteint')) process.exitCode = 1;
}

/** The access paths PostgreSQL chose on `calls` for a search: index names, or a sequential scan. */
async function planSummary(db: Db, search: ReturnType<typeof callSearchParams.parse>): Promise<string> {
  const [row] = await queryRows<{ 'QUERY PLAN': unknown }>(db, sql`explain (format json) ${callSearchQuery(search)}`);
  const paths: string[] = [];
  const visit = (node: Record<string, unknown>) => {
    const index = node['Index Name'];
    if (typeof index === 'string' && index.startsWith('calls')) paths.push(`${node['Node Type']} ${index}`);
    else if (node['Relation Name'] === 'calls' && node['Node Type'] === 'Seq Scan') paths.push('Seq Scan');
    for (const child of (node.Plans as Record<string, unknown>[] | undefined) ?? []) visit(child);
  };
  const plan = row!['QUERY PLAN'];
  visit(((typeof plan === 'string' ? JSON.parse(plan) : plan) as { Plan: Record<string, unknown> }[])[0]!.Plan);
  return paths.join(', ') || '(aucun accès à calls)';
}

/** The floor: the same query written by hand, sent through postgres.js without Drizzle. */
function bareClientSearch(sql: postgres.Sql, search: ReturnType<typeof clientSearchParams.parse>) {
  const like = `%${search.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const byName = search.q ? sql`name_folded like fold_text(${like})` : sql`true`;
  const text = search.q && /^\d+$/.test(search.q) ? sql`(number::text like ${`${search.q}%`} or ${byName})` : byName;
  const filter =
    search.filter === 'heads'
      ? sql`grouped_client_number = number`
      : search.filter === 'members'
        ? sql`grouped_client_number = ${search.head ?? 0} and number <> ${search.head ?? 0}`
        : search.filter === 'ungrouped'
          ? sql`grouped_client_number is null`
          : sql`true`;
  const order = search.sort === 'name' ? sql`name_folded` : sql`number`;
  return sql`select number, name, city, grouped_client_number, is_active, count(*) over () as total
               from clients where ${text} and ${filter}
              order by ${order}, number limit 50 offset ${(search.page - 1) * 50}`;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
