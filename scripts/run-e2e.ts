/**
 * `npm run test:e2e`: the Playwright suite against the production build (two `next start`
 * instances sharing one database) on a throwaway PostgreSQL seeded with the demo data, in the
 * system Chromium (installed when absent).
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { openPostgres } from '@/db/index';
import { seedDemoData } from '@/db/seed';
import { freePort } from '@/test/support/free-port';
import { startPgCluster, type PgCluster } from '@/test/support/pg-cluster';
import { ensureChromium } from '@/test/support/provision';

async function main(): Promise<number> {
  if (!existsSync(path.join(process.cwd(), '.next', 'BUILD_ID'))) {
    console.error('Aucune version de production : lancez `npm run build` avant `npm run test:e2e` (npm test le fait).');
    return 1;
  }
  const chromium = ensureChromium();
  let cluster: PgCluster | null = null;
  try {
    cluster = process.env.TEST_DATABASE_URL ? null : await startPgCluster();
    const databaseUrl = process.env.TEST_DATABASE_URL ?? cluster!.url;
    const app = openPostgres(databaseUrl, { max: 1 });
    await app.migrate();
    await app.db.transaction((tx) => seedDemoData(tx));
    await app.close();

    // Two instances of the application (playwright.config.ts), on two distinct ports.
    const port = await freePort();
    let portB = await freePort();
    while (portB === port) portB = await freePort();
    const result = spawnSync('npx', ['playwright', 'test', ...process.argv.slice(2)], {
      stdio: 'inherit',
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        AUTH_SECRET: randomBytes(32).toString('base64url'),
        AUTH_TRUST_HOST: 'true',
        CHROMIUM_PATH: chromium,
        E2E_PORT: String(port),
        E2E_PORT_B: String(portB),
      },
    });
    return result.status ?? 1;
  } finally {
    cluster?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
