/**
 * A migrated database on a PostgreSQL server of its own, which a test may crash and start
 * again without disturbing the other test files (they share the suite's server).
 */
import { openPostgres } from '@/db/index';
import { startPgCluster, type PgCluster } from './pg-cluster';

export type CrashableDatabase = { url: string; cluster: PgCluster; stop: () => void };

export async function createCrashableDatabase(): Promise<CrashableDatabase> {
  const cluster = await startPgCluster({ isCrashSafe: true });
  const app = openPostgres(cluster.url, { max: 1 });
  try {
    await app.migrate();
  } finally {
    await app.close();
  }
  return { url: cluster.url, cluster, stop: () => cluster.stop() };
}
