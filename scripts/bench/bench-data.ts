/**
 * `npm run bench:data -- --calls 1000000 --clients 20000 --groups 500 [--seed 42] [--end 2026-10-31] [--moved 0.1]`
 * Loads the benchmark's deterministic data into DATABASE_URL (a real PostgreSQL server, migrated
 * first). Refuses a database that already has clients.
 */
import { parseArgs } from 'node:util';
import { count } from 'drizzle-orm';
import { openPostgres } from '@/db/index';
import { clients } from '@/db/schema';
import { generateBenchData } from './generate-data';

async function main() {
  const { values } = parseArgs({
    options: {
      calls: { type: 'string', default: '1000000' },
      clients: { type: 'string', default: '20000' },
      groups: { type: 'string', default: '500' },
      seed: { type: 'string', default: '42' },
      end: { type: 'string', default: '2026-10-31' },
      // The share of members moved to another head in the middle of the last month, as in `npm run bench`.
      moved: { type: 'string', default: '0.1' },
    },
  });
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL doit désigner un serveur PostgreSQL. / DATABASE_URL must name a PostgreSQL server.');
  const app = openPostgres(url, { max: 2 });
  try {
    await app.migrate();
    const [existing] = await app.db.select({ n: count() }).from(clients);
    if ((existing?.n ?? 0) > 0)
      throw new Error('La base contient déjà des clients : rien n’est ajouté. / The database already has clients.');
    const started = Date.now();
    await generateBenchData(app.db, {
      calls: Number(values.calls),
      clients: Number(values.clients),
      groups: Number(values.groups),
      seed: Number(values.seed),
      endDate: values.end!,
      movedShare: Number(values.moved),
    });
    console.log(
      `${values.clients} clients, ${values.groups} comptes regroupés, ${values.calls} appels en ${((Date.now() - started) / 1000).toFixed(1)} s.`,
    );
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
