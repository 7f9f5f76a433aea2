/**
 * Load: concurrent users on `next start` + PostgreSQL (loopback only, bounded in time), each
 * signed in and working like a person — call search, call taking screens, the billing list —
 * with a short think time between actions. Reports errors and latency percentiles.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { freePort } from '@/test/support/free-port';
import { until } from '@/test/support/until';
import { percentile } from './measure';

export type LoadResult = {
  /** Share of one core used while measured: the load generator (this process), the server's processes and PostgreSQL's. */
  cpu?: { generator: number; server: number; database: number };
  requests: number;
  errors: number;
  p50: number;
  p95: number;
  max: number;
  byKind: Record<string, { count: number; p95: number }>;
};

export function hasProductionBuild(): boolean {
  return existsSync(path.join(process.cwd(), '.next', 'BUILD_ID'));
}

/** One secret for every instance of a run: a session opened on one is valid on the others, as behind a load balancer. */
const AUTH_SECRET = randomBytes(32).toString('base64url');

async function startServer(databaseUrl: string, env: Record<string, string> = {}): Promise<{ base: string; process: ChildProcess }> {
  const port = await freePort();
  // BENCH_SERVER_PROFILE=<folder>: the server writes a CPU profile there when it stops (chrome://inspect, speedscope).
  const profile = process.env.BENCH_SERVER_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_SERVER_PROFILE}`] : [];
  const next = path.join(process.cwd(), 'node_modules', 'next', 'dist', 'bin', 'next');
  const child = spawn(process.execPath, [...profile, next, 'start', '-p', String(port), '-H', '127.0.0.1'], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      AUTH_SECRET,
      AUTH_TRUST_HOST: 'true',
      EMAIL_WORKER: 'off',
      NODE_ENV: 'production',
      ...env,
    },
    stdio: 'ignore',
    detached: true,
  });
  const base = `http://127.0.0.1:${port}`;
  await until(async () => (await fetch(`${base}/login`)).ok, 'next start to answer');
  return { base, process: child };
}

/** Signs in through Auth.js's credentials endpoint; returns the session cookie. */
async function signIn(base: string, email: string, password: string): Promise<string> {
  const csrfResponse = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const csrfCookie = csrfResponse.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${base}/` }),
  });
  const session = response.headers.getSetCookie().find((c) => c.includes('session-token'));
  if (!session) throw new Error(`sign-in of ${email} failed (${response.status})`);
  return session.split(';')[0]!;
}

function stopServer(server: { process: ChildProcess }): void {
  try {
    process.kill(-server.process.pid!, 'SIGTERM');
  } catch {
    server.process.kill('SIGTERM');
  }
}

/**
 * The dispatch system sending calls: `clients` programs at once, each sending a new call
 * (PUT /api/v1/dispatch-calls/{id}) every 100 to 400 ms (dispatchers saving calls, some
 * 80 calls a second in all), for `seconds`, with one write token; then each call sent again as
 * fast as the programs can (the retries after a lost connection). Latency of each, and the
 * rate the retries went at: with no pause, each program waits on the others, so their latency
 * is the server's capacity seen from the other side.
 */
export async function runApiLoad(options: {
  databaseUrl: string;
  token: string;
  clients: number;
  seconds: number;
  clientNumbers: { first: number; count: number };
}): Promise<{ created: LoadResult; retried: LoadResult & { perSecond: number } }> {
  // The rate limit is per token and minute; this load is one token doing the work of many.
  const server = await startServer(options.databaseUrl, { API_RATE_PER_MINUTE: '100000' });
  const created: { kind: string; ms: number; ok: boolean }[] = [];
  const retried: { kind: string; ms: number; ok: boolean }[] = [];
  let retrySeconds = 0;
  try {
    const sent: { id: string; body: string }[] = [];
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const put = async (id: string, body: string, samples: typeof created, expected: number) => {
      const started = performance.now();
      let ok = false;
      try {
        const response = await fetch(`${server.base}/api/v1/dispatch-calls/${id}`, {
          method: 'PUT',
          headers: { authorization: `Bearer ${options.token}`, 'content-type': 'application/json' },
          body,
        });
        await response.arrayBuffer();
        ok = response.status === expected;
      } catch {
        ok = false;
      }
      samples.push({ kind: 'api', ms: performance.now() - started, ok });
    };
    const callBody = () =>
      JSON.stringify({
        clientNumber: options.clientNumbers.first + Math.floor(random() * options.clientNumbers.count),
        serviceDate: '2026-11-15',
        serviceTime: '10:30',
        status: 'completed',
        pickupAddress: '100, rue King Ouest, Montréal',
        destinationAddress: '2500, chemin de la Côte-Sainte-Catherine, Montréal',
        distanceKm: Math.round(random() * 4000) / 100,
        waitingMinutes: Math.floor(random() * 20),
      });
    // Warm-up, not measured: the route's code loads on its first request.
    for (let i = 0; i < 20; i++) await put(`BENCH-WARM-${i}`, callBody(), [], 201);
    const deadline = Date.now() + options.seconds * 1000;
    let next = 0;
    const program = async () => {
      while (Date.now() < deadline) {
        const call = { id: `BENCH-${next++}`, body: callBody() };
        sent.push(call);
        await put(call.id, call.body, created, 201);
        await new Promise((resolve) => setTimeout(resolve, 100 + random() * 300));
      }
    };
    await Promise.all(Array.from({ length: options.clients }, program));
    let at = 0;
    const retry = async () => {
      for (let call = sent[at++]; call; call = sent[at++]) await put(call.id, call.body, retried, 200);
    };
    const retriesStarted = performance.now();
    await Promise.all(Array.from({ length: options.clients }, retry));
    retrySeconds = (performance.now() - retriesStarted) / 1000;
  } finally {
    stopServer(server);
  }
  const retriedSummary = summarize(retried);
  return { created: summarize(created), retried: { ...retriedSummary, perSecond: retriedSummary.requests / retrySeconds } };
}

export async function runLoad(options: {
  databaseUrl: string;
  users: number;
  seconds: number;
  clients: { first: number; count: number };
  credentials: { email: string; password: string }[];
  /** Instances of the application on one database, the users spread among them as a load balancer would (one per core, say). */
  instances?: number;
}): Promise<LoadResult> {
  const servers = await Promise.all(Array.from({ length: options.instances ?? 1 }, () => startServer(options.databaseUrl)));
  const samples: { kind: string; ms: number; ok: boolean }[] = [];
  try {
    const cookies = await Promise.all(options.credentials.map((c) => signIn(servers[0]!.base, c.email, c.password)));
    let seed = 1;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const client = () => options.clients.first + Math.floor(random() * options.clients.count);
    const actions: { kind: string; weight: number; path: () => string; cookie: number }[] = [
      { kind: 'recherche d’appels', weight: 5, path: () => `/calls?client=${client()}&from=2026-10-01&to=2026-10-31`, cookie: 0 },
      { kind: 'prise d’appel', weight: 3, path: () => '/calls/new', cookie: 0 },
      {
        kind: 'liste de facturation',
        weight: 1,
        path: () => {
          // A range of 50 clients, as a clerk checks a part of the list.
          const from = client();
          return `/billing?cutoff=2026-10-31&cycle=all&clientFrom=${from}&clientTo=${from + 50}`;
        },
        cookie: 1,
      },
      { kind: 'recherche de clients', weight: 2, path: () => `/clients?q=cote&page=${1 + Math.floor(random() * 5)}`, cookie: 1 },
    ];
    const totalWeight = actions.reduce((sum, a) => sum + a.weight, 0);
    const pick = () => {
      let roll = random() * totalWeight;
      return actions.find((a) => (roll -= a.weight) < 0) ?? actions[0]!;
    };
    // Warm-up, not measured: the first request of each screen loads its code.
    for (const server of servers)
      for (const action of actions) {
        for (let i = 0; i < 5; i++)
          await (
            await fetch(`${server.base}${action.path()}`, { headers: { cookie: cookies[action.cookie % cookies.length]! } })
          ).arrayBuffer();
      }
    let nextUser = 0;
    const user = async () => {
      const server = servers[nextUser++ % servers.length]!;
      // People do not all click at the same millisecond.
      await new Promise((resolve) => setTimeout(resolve, random() * 1500));
      while (Date.now() < deadline) {
        const action = pick();
        const started = performance.now();
        let ok = false;
        try {
          const response = await fetch(`${server.base}${action.path()}`, {
            headers: { cookie: cookies[action.cookie % cookies.length]! },
            redirect: 'manual',
          });
          await response.arrayBuffer();
          ok = response.status === 200;
        } catch {
          ok = false;
        }
        samples.push({ kind: action.kind, ms: performance.now() - started, ok });
        // A person reads the screen before the next action: 0.5 to 1.5 s.
        await new Promise((resolve) => setTimeout(resolve, 500 + random() * 1000));
      }
    };
    const deadline = Date.now() + options.seconds * 1000;
    const cpu = startCpuWatch(servers.map((server) => server.process.pid!));
    await Promise.all(Array.from({ length: options.users }, user));
    return { ...summarize(samples), cpu: cpu.stop() };
  } finally {
    for (const server of servers) stopServer(server);
  }
}

/** CPU seconds used so far by the processes that `isCounted` picks (by their process group and command name), from /proc. */
function cpuSeconds(isCounted: (pgid: number, command: string) => boolean): number {
  const ticksPerSecond = 100;
  let ticks = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // "pid (command) state ppid pgrp … utime stime …": fields counted after the command's parenthesis.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const command = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (isCounted(Number(fields[2]), command)) ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // The process ended meanwhile.
    }
  }
  return ticks / ticksPerSecond;
}

/**
 * The share of one core used between start and stop by this process (the load generator), by
 * the server's processes (its process group) and by PostgreSQL's.
 */
function startCpuWatch(serverPgids: number[]): { stop: () => { generator: number; server: number; database: number } } {
  const isServer = (pgid: number) => serverPgids.includes(pgid);
  const isDatabase = (_pgid: number, command: string) => command === 'postgres';
  const started = performance.now();
  const generatorStart = process.cpuUsage();
  const serverStart = cpuSeconds(isServer);
  const databaseStart = cpuSeconds(isDatabase);
  return {
    stop: () => {
      const seconds = (performance.now() - started) / 1000;
      const generator = process.cpuUsage(generatorStart);
      return {
        generator: (generator.user + generator.system) / 1e6 / seconds,
        server: (cpuSeconds(isServer) - serverStart) / seconds,
        database: (cpuSeconds(isDatabase) - databaseStart) / seconds,
      };
    },
  };
}

function summarize(samples: { kind: string; ms: number; ok: boolean }[]): LoadResult {
  const all = samples.map((s) => s.ms);
  const byKind: LoadResult['byKind'] = {};
  for (const kind of new Set(samples.map((s) => s.kind))) {
    const values = samples.filter((s) => s.kind === kind).map((s) => s.ms);
    byKind[kind] = { count: values.length, p95: percentile(values, 0.95) };
  }
  return {
    requests: samples.length,
    errors: samples.filter((s) => !s.ok).length,
    p50: percentile(all, 0.5),
    p95: percentile(all, 0.95),
    max: percentile(all, 1),
    byKind,
  };
}
