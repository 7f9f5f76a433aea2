/**
 * `npm start` on PostgreSQL (scripts/start-server.ts): one server process per core, here two
 * (WEB_CONCURRENCY), sharing one port. A browser's session opens its screens on either; a worker
 * that dies is replaced while the other keeps serving; a stop ends them all.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { until } from '../test/support/until';
import { startServerProcess, type ServerProcess } from './server-process';
import { storageStateOf } from './support';

test.use({ storageState: storageStateOf('dispatcher') });

let server: ServerProcess | null = null;

/** The processes whose parent is `pid`, from /proc. */
function childrenOf(pid: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid) children.push(Number(entry));
    } catch {
      // Ended meanwhile.
    }
  }
  return children.sort((a, b) => a - b);
}

const commandOf = (pid: number) => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return '';
  }
};

/** The server processes of the cluster: its primary's children that run Next.js (not tsx's esbuild, say). */
const workersOf = (primaryPid: number) => childrenOf(primaryPid).filter((pid) => /next-server|next\/dist\/bin\/next/.test(commandOf(pid)));

test.beforeAll(async () => {
  test.setTimeout(120_000);
  // As `npm start` runs it; no e-mail worker: the other instances already run theirs on this database.
  server = await startServerProcess(
    (port) => ['node_modules/tsx/dist/cli.mjs', 'scripts/start-server.ts', '-p', String(port), '-H', '127.0.0.1'],
    { ...process.env, WEB_CONCURRENCY: '2', EMAIL_WORKER: 'off', PGAPPNAME: 'web-cluster' },
    'npm start',
    100,
  );
});

test.afterAll(async () => {
  await server?.stop();
});

/** The cluster's primary: the process running scripts/start-server.ts (under tsx, a child of the one started). */
function clusterPrimary(started: number): number {
  return [...childrenOf(started), started].find((pid) => commandOf(pid).includes('start-server.ts'))!;
}

test('two server processes share the port, a dead one is replaced while the other serves, and a stop ends both', async ({ page }) => {
  test.setTimeout(120_000);
  const pid = clusterPrimary(server!.process.pid!);
  expect(server!.log()).toContain('[start] 2 processus serveur (PostgreSQL)');
  await until(async () => workersOf(pid).length === 2, `two workers:\n${server!.log()}`, 30);
  const [first, second] = workersOf(pid);

  await page.goto(`${server!.url}/about`);
  await expect(page.getByRole('heading', { name: 'À propos' })).toBeVisible();
  await expect(page.getByText('PostgreSQL')).toBeVisible();

  process.kill(first!, 'SIGKILL');
  // Once the cluster knows it (a connection handed to a worker at the instant it dies is lost
  // with it), the other answers every request of the session while the replacement starts.
  await until(
    async () => server!.log().includes(`[start] processus serveur ${first} arrêté (SIGKILL) : remplacé`),
    `the death noticed:\n${server!.log()}`,
    30,
  );
  for (let i = 0; i < 20; i++) {
    const me = await page.request.get(`${server!.url}/me`, { timeout: 10_000 });
    expect(me.status()).toBe(200);
    expect(((await me.json()) as { role: string }).role).toBe('dispatcher');
  }
  await until(async () => workersOf(pid).length === 2 && !workersOf(pid).includes(first!), `a replacement:\n${server!.log()}`, 60);
  expect(workersOf(pid)).toContain(second);
  expect((await page.request.get(`${server!.url}/me`)).status()).toBe(200);

  const workers = workersOf(pid);
  const exited = new Promise<number | null>((resolve) => server!.process.once('exit', (code) => resolve(code)));
  process.kill(server!.process.pid!, 'SIGTERM');
  expect(await exited).toBe(0);
  for (const worker of workers) expect(() => process.kill(worker, 0)).toThrow();
});
