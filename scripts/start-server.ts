/**
 * `npm start`: the production server. One Node.js process renders on one thread, so on
 * PostgreSQL (`DATABASE_URL`) it runs one `next start` per core, as workers of a Node.js cluster
 * sharing the port (the primary hands the connections round); `npm run bench -- --only load`
 * measures one process beside one per core (README, Pages under load). `WEB_CONCURRENCY` sets
 * their number. The embedded database belongs to one process: without `DATABASE_URL` there is one
 * server.
 *
 * The workers are what several instances behind a load balancer are: each migrates at start-up
 * in turn (advisory lock), runs its own e-mail worker on the shared queue, and reads the session
 * from its cookie; a worker that dies is replaced.
 */
import cluster from 'node:cluster';
import os from 'node:os';
import path from 'node:path';

const NEXT_CLI = path.join(process.cwd(), 'node_modules', 'next', 'dist', 'bin', 'next');
const args = ['start', ...process.argv.slice(2)];
const REPLACEMENTS_PER_MINUTE = 5;

/** The workers to run: WEB_CONCURRENCY (1 to 64), else one per core on PostgreSQL and one on the embedded database. */
function serverWorkers(env: NodeJS.ProcessEnv, cores: number): number {
  if (!env.DATABASE_URL) return 1;
  const asked = env.WEB_CONCURRENCY?.trim();
  if (!asked) return Math.max(1, cores);
  const count = Number(asked);
  if (!Number.isInteger(count) || count < 1 || count > 64)
    throw new Error(
      `WEB_CONCURRENCY doit être un entier de 1 à 64 (reçu « ${asked} »). / WEB_CONCURRENCY must be a whole number from 1 to 64.`,
    );
  return count;
}

function main() {
  const workers = serverWorkers(process.env, os.availableParallelism());
  // Without DATABASE_URL, one server: the embedded database's own lock refuses a second process.
  cluster.setupPrimary({ exec: NEXT_CLI, args, execArgv: [] });
  let isStopping = false;
  /** Workers that have started listening: one that stops before failed to start. */
  const listening = new Set<number>();
  const fork = () => cluster.fork();
  cluster.on('listening', (worker) => listening.add(worker.id));
  for (let i = 0; i < workers; i++) fork();
  console.log(`[start] ${workers} processus serveur (${process.env.DATABASE_URL ? 'PostgreSQL' : 'base intégrée'})`);
  /** When workers were replaced lately: more than REPLACEMENTS_PER_MINUTE in a minute is a fault, not an accident. */
  const replacedAt: number[] = [];
  cluster.on('exit', (worker, code, signal) => {
    if (isStopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit();
      return;
    }
    // One that fails as it starts (a port taken, a database out of reach) would fail again: stop all.
    const now = Date.now();
    while (replacedAt.length > 0 && replacedAt[0]! < now - 60_000) replacedAt.shift();
    if (!listening.has(worker.id) || replacedAt.length >= REPLACEMENTS_PER_MINUTE) {
      console.error(`[start] un processus serveur s’est arrêté (${signal ?? code}) et ne redémarrerait pas : arrêt du serveur`);
      stop('SIGTERM');
      process.exitCode = typeof code === 'number' && code !== 0 ? code : 1;
      return;
    }
    // The others keep serving meanwhile.
    console.error(`[start] processus serveur ${worker.process.pid} arrêté (${signal ?? code}) : remplacé`);
    replacedAt.push(now);
    fork();
  });
  const stop = (signal: NodeJS.Signals) => {
    if (isStopping) return;
    isStopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main();
