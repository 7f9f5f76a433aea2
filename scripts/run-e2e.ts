/**
 * `npm run test:e2e`: the Playwright suite against the production build (two `next start`
 * instances sharing one database) on a throwaway PostgreSQL seeded with the demo data, in the
 * system Chromium (installed when absent).
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { openPostgres } from '@/db/index';
import { seedDemoData } from '@/scripts/demo/seed';
import { freePort } from '@/test/support/free-port';
import { startPgCluster, type PgCluster } from '@/test/support/pg-cluster';
import { ensureChromium } from '@/test/support/provision';
import { until } from '@/test/support/until';
import { INSTANCES } from '@/e2e/instances';

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
    if ((result.status ?? 1) !== 0) return result.status ?? 1;
    return await expectServersStopped(port);
  } finally {
    cluster?.stop();
  }
}

/**
 * The application's processes of this run left once Playwright has stopped its servers: any
 * process whose environment names one of the instances' database connections (PGAPPNAME) and
 * this run's port, the server's own and its children. The PDF threads are threads of the
 * server, so they go with it.
 */
function serverProcesses(port: number): string[] {
  const names = Object.values(INSTANCES).map((instance) => `PGAPPNAME=${instance.applicationName}`);
  const found: string[] = [];
  for (const pid of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
    try {
      const environment = readFileSync(`/proc/${pid}/environ`, 'latin1').split('\0');
      if (!environment.includes(`E2E_PORT=${port}`) || !names.some((name) => environment.includes(name))) continue;
      found.push(`${pid} (${readFileSync(`/proc/${pid}/cmdline`, 'latin1').replaceAll('\0', ' ').trim()})`);
    } catch {
      // Gone meanwhile, or not ours to read.
    }
  }
  return found;
}

/** 0 when the servers are gone (they are given a few seconds to exit); 1, naming them, when not. */
async function expectServersStopped(port: number): Promise<number> {
  if (!existsSync('/proc')) return 0;
  try {
    await until(() => serverProcesses(port).length === 0, 'the servers to exit', 15);
    return 0;
  } catch {
    const left = serverProcesses(port);
    console.error(`Des processus de l’application restent après les tests / Processes left after the tests: ${left.join('; ')}`);
    for (const entry of left) {
      try {
        process.kill(Number(entry.split(' ')[0]), 'SIGKILL');
      } catch {
        // Gone meanwhile.
      }
    }
    return 1;
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
