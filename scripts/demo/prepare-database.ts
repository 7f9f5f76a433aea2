/**
 * Start-up of the application's database (instrumentation.ts, before any request): apply the
 * committed migrations, then, in the embedded demo mode only, seed the demo data into an empty
 * database. Beside the demo data because it seeds it: db/ itself knows nothing of the demo.
 */
import type { AppDatabase } from '@/db/index';
import { hasAnyData, seedDemoData } from './seed';

export async function prepareDatabase(app: AppDatabase, log: (message: string) => void = console.log): Promise<void> {
  const started = Date.now();
  await app.migrate();
  if (app.kind === 'embedded' && !(await hasAnyData(app.db))) {
    const result = await app.db.transaction((tx) => seedDemoData(tx));
    log(
      `[db] base intégrée initialisée avec les données de démonstration : ${result.clients} clients, ${result.calls} appels, ${result.users} utilisateurs`,
    );
  }
  log(`[db] ${app.kind === 'embedded' ? 'base intégrée (PGlite)' : 'PostgreSQL'} prête en ${Date.now() - started} ms`);
}
