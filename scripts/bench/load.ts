/**
 * Load: concurrent users on `next start` + PostgreSQL (loopback only, bounded in time), each
 * signed in and working like a person — call search, call taking screens, the billing list —
 * with a short think time between actions. Reports errors and latency percentiles.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { freePort } from '@/test/support/free-port';
import { until } from '@/test/support/until';
import { percentile } from './measure';

export type LoadResult = {
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

async function startServer(databaseUrl: string): Promise<{ base: string; process: ChildProcess }> {
  const port = await freePort();
  const child = spawn('npx', ['next', 'start', '-p', String(port), '-H', '127.0.0.1'], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: randomBytes(32).toString('base64url'),
      AUTH_TRUST_HOST: 'true',
      EMAIL_WORKER: 'off',
      NODE_ENV: 'production',
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

export async function runLoad(options: {
  databaseUrl: string;
  users: number;
  seconds: number;
  clients: { first: number; count: number };
  credentials: { email: string; password: string }[];
}): Promise<LoadResult> {
  const server = await startServer(options.databaseUrl);
  const samples: { kind: string; ms: number; ok: boolean }[] = [];
  try {
    const cookies = await Promise.all(options.credentials.map((c) => signIn(server.base, c.email, c.password)));
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
    for (const action of actions) {
      for (let i = 0; i < 5; i++)
        await (
          await fetch(`${server.base}${action.path()}`, { headers: { cookie: cookies[action.cookie % cookies.length]! } })
        ).arrayBuffer();
    }
    const user = async () => {
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
    await Promise.all(Array.from({ length: options.users }, user));
  } finally {
    try {
      process.kill(-server.process.pid!, 'SIGTERM');
    } catch {
      server.process.kill('SIGTERM');
    }
  }
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
