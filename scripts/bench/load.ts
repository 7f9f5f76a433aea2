/**
 * Load: concurrent users on `next start` + PostgreSQL (loopback only, bounded in time), each
 * signed in and working like a person — call search, call taking screens, the billing list —
 * with a short think time between actions. Reports errors and latency percentiles.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
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
  byKind: Record<string, KindFigures>;
  /** Each kind asked alone by one user, before the load (one server process only): what its own work costs. */
  alone?: Record<string, AloneFigures>;
};

/** A kind of request asked alone: its p50, and the CPU time of the server and of PostgreSQL per request. */
export type AloneFigures = { count: number; errors: number; p50: number; serverMs: number; databaseMs: number; floor: FloorOf };

export function hasProductionBuild(): boolean {
  return existsSync(path.join(process.cwd(), '.next', 'BUILD_ID'));
}

/** One secret for every instance of a run: a session opened on one is valid on the others, as behind a load balancer. */
const AUTH_SECRET = randomBytes(32).toString('base64url');

/**
 * The application as `npm start` starts it (scripts/start-server.ts), on a free loopback port.
 * BENCH_SERVER_PROFILE=<folder>: one `next start` process instead, writing its CPU profile there
 * when it stops (chrome://inspect, speedscope).
 */
async function startServer(databaseUrl: string, env: Record<string, string> = {}): Promise<{ base: string; process: ChildProcess }> {
  const port = await freePort();
  const profile = process.env.BENCH_SERVER_PROFILE;
  const next = path.join(process.cwd(), 'node_modules', 'next', 'dist', 'bin', 'next');
  const tsx = path.join(process.cwd(), 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const command = profile
    ? ['--cpu-prof', `--cpu-prof-dir=${profile}`, next, 'start']
    : [tsx, path.join(process.cwd(), 'scripts', 'start-server.ts')];
  const child = spawn(process.execPath, [...command, '-p', String(port), '-H', '127.0.0.1'], {
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

/** Stops a server and its workers, and waits for them to be gone (the next measure has the cores to itself). */
async function stopServer(server: { process: ChildProcess }): Promise<void> {
  const exited = new Promise((resolve) => server.process.once('exit', resolve));
  try {
    process.kill(-server.process.pid!, 'SIGTERM');
  } catch {
    server.process.kill('SIGTERM');
  }
  if (server.process.exitCode === null && server.process.signalCode === null) await exited;
}

/** What a passenger trip is sent with besides a courier call's fields: its municipalities. */
const PASSENGER_TRIP = { originMunicipality: 'Montréal', destinationMunicipality: 'Montréal' } as const;

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
  /** The clients whose calls are passenger trips: sent with their municipalities. */
  passengerClients: ReadonlySet<number>;
}): Promise<{ created: LoadResult; retried: LoadResult & { perSecond: number } }> {
  // The rate limit is per token and minute; this load is one token doing the work of many.
  const server = await startServer(options.databaseUrl, { API_RATE_PER_MINUTE: '100000' });
  const created: Sample[] = [];
  const retried: Sample[] = [];
  let retrySeconds = 0;
  let createdCpu: LoadResult['cpu'];
  const agents: http.Agent[] = [];
  try {
    const sent: { id: string; body: string }[] = [];
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    // Each program keeps its connection open, as a dispatch system's client does (node:http: the
    // generator's own share of the cores stays small).
    const connection = () => {
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      agents.push(agent);
      return agent;
    };
    const put = async (agent: http.Agent, id: string, body: string, samples: typeof created, expected: number) => {
      const started = performance.now();
      let ok = false;
      try {
        const answer = await send(server.base, `/api/v1/dispatch-calls/${id}`, {
          agent,
          method: 'PUT',
          headers: { authorization: `Bearer ${options.token}`, 'content-type': 'application/json' },
          body: Buffer.from(body),
        });
        ok = answer.status === expected;
      } catch {
        ok = false;
      }
      samples.push({ kind: 'api', ms: performance.now() - started, ok });
    };
    const callBody = () => {
      const clientNumber = options.clientNumbers.first + Math.floor(random() * options.clientNumbers.count);
      return JSON.stringify({
        clientNumber,
        ...(options.passengerClients.has(clientNumber) ? PASSENGER_TRIP : {}),
        serviceDate: '2026-11-15',
        serviceTime: '10:30',
        status: 'completed',
        pickupAddress: '100, rue King Ouest, Montréal',
        destinationAddress: '2500, chemin de la Côte-Sainte-Catherine, Montréal',
        distanceKm: Math.round(random() * 4000) / 100,
        waitingMinutes: Math.floor(random() * 20),
      });
    };
    // Warm-up, not measured: the route's code loads on its first request.
    const warmUp = connection();
    for (let i = 0; i < 20; i++) await put(warmUp, `BENCH-WARM-${i}`, callBody(), [], 201);
    const deadline = Date.now() + options.seconds * 1000;
    let next = 0;
    const program = async () => {
      const agent = connection();
      while (Date.now() < deadline) {
        const call = { id: `BENCH-${next++}`, body: callBody() };
        sent.push(call);
        await put(agent, call.id, call.body, created, 201);
        await new Promise((resolve) => setTimeout(resolve, 100 + random() * 300));
      }
    };
    const cpu = startCpuWatch([server.process.pid!]);
    await Promise.all(Array.from({ length: options.clients }, program));
    createdCpu = cpu.stop();
    let at = 0;
    const retry = async () => {
      const agent = connection();
      for (let call = sent[at++]; call; call = sent[at++]) await put(agent, call.id, call.body, retried, 200);
    };
    const retriesStarted = performance.now();
    await Promise.all(Array.from({ length: options.clients }, retry));
    retrySeconds = (performance.now() - retriesStarted) / 1000;
  } finally {
    for (const agent of agents) agent.destroy();
    await stopServer(server);
  }
  const retriedSummary = summarize(retried);
  return {
    created: { ...summarize(created), cpu: createdCpu },
    retried: { ...retriedSummary, perSecond: retriedSummary.requests / retrySeconds },
  };
}

/**
 * Which floor a kind of request is judged against: pages against the empty page, the call
 * taking's preview (a route handler) and save (a server action) against the route handler; the
 * floors themselves against none.
 */
export type FloorOf = 'page' | 'route' | null;

/** A kind of request the users make, how often among the others, and its floor. */
type Action = { kind: string; weight: number; floor: FloorOf; send: (server: string, agent: http.Agent) => Promise<boolean> };

/** What the load reports for each kind of request. */
export type KindFigures = { count: number; errors: number; p50: number; p95: number; floor: FloorOf };

/** The floors, measured in the same run under the same load as the screens. */
export const FLOOR_PAGE = 'plancher : page vide dans la mise en page (/about)';
export const FLOOR_ROUTE = 'plancher : gestionnaire de route, session et une requête (/me)';

/**
 * Fifty people at work on the screens of `next start` + PostgreSQL (loopback only, bounded in
 * time), each signed in and working like a person, with a think time of 0.5 to 1.5 s between
 * actions: call search, call taking (the screen, the price preview asked as the client number is
 * typed, the save), the billing list, client search; and, in the same mix, the two floors: an
 * empty page inside the application's layout (`/about`, what the framework and the layout cost)
 * and a route handler that reads the session and runs one query by primary key (`/me`). A
 * warm-up of the same mix comes first, not measured: a server at work has compiled its code.
 *
 * The server is started as `npm start` starts it (scripts/start-server.ts): `workers` processes
 * of a cluster sharing one port. Each user's requests go through a keep-alive connection
 * of its own (node:http), as a browser keeps one, so that the load generator costs little of the
 * cores it shares with what it measures (its share is reported).
 */
export async function runLoad(options: {
  databaseUrl: string;
  users: number;
  seconds: number;
  warmSeconds?: number;
  clients: { first: number; count: number };
  /** The clients whose calls are passenger trips: saved with their municipalities. */
  passengerClients: ReadonlySet<number>;
  /** A dispatcher's and a billing clerk's. */
  credentials: { email: string; password: string }[];
  workers?: number;
}): Promise<LoadResult> {
  const server = await startServer(options.databaseUrl, { WEB_CONCURRENCY: String(options.workers ?? 1) });
  const samples: Sample[] = [];
  try {
    const [dispatcher, clerk] = await Promise.all(options.credentials.map((c) => signIn(server.base, c.email, c.password)));
    let seed = 1;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const client = () => options.clients.first + Math.floor(random() * options.clients.count);
    const page = (path: () => string, cookie: string) => async (base: string, agent: http.Agent) =>
      (await send(base, path(), { agent, cookie })).status === 200;
    const action = (name: string, fields: () => Record<string, string>) => {
      const id = serverActionId(name);
      return async (base: string, agent: http.Agent) => {
        const answer = await sendAction(base, agent, '/calls/new', id, fields(), dispatcher!);
        return answer.status === 200 && answer.body.includes('"status":"success"');
      };
    };
    const callFields = () => ({
      clientNumber: String(client()),
      distanceKm: String(Math.floor(random() * 40)),
      waitingMinutes: String(Math.floor(random() * 20)),
      serviceDate: '2026-11-15',
    });
    const actions: Action[] = [
      {
        kind: 'recherche d’appels',
        weight: 5,
        floor: 'page',
        send: page(() => `/calls?client=${client()}&from=2026-10-01&to=2026-10-31`, dispatcher!),
      },
      { kind: 'prise d’appel (écran)', weight: 3, floor: 'page', send: page(() => '/calls/new', dispatcher!) },
      // The form's script asks it as the client number is typed: a GET answered as JSON.
      {
        kind: 'prise d’appel : aperçu du prix',
        weight: 3,
        floor: 'route',
        send: async (base, agent) => {
          const answer = await send(base, `/calls/new/quote?${new URLSearchParams(callFields())}`, { agent, cookie: dispatcher! });
          return answer.status === 200 && answer.body.includes('"status":"success"');
        },
      },
      {
        kind: 'prise d’appel : enregistrement',
        weight: 2,
        floor: 'route',
        send: action('createCallAction', () => {
          const fields = callFields();
          return {
            ...fields,
            ...(options.passengerClients.has(Number(fields.clientNumber)) ? PASSENGER_TRIP : {}),
            serviceTime: '10:30',
            caller: 'Réception',
            pickupAddress: '100, rue King Ouest, Montréal',
            destinationAddress: '2500, chemin de la Côte-Sainte-Catherine, Montréal',
            serviceType: 'standard',
            clientReference: '',
            notes: '',
            holdOverride: '',
          };
        }),
      },
      // A range of 50 clients, as a clerk checks a part of the list.
      {
        kind: 'liste de facturation',
        weight: 2,
        floor: 'page',
        send: page(() => {
          const from = client();
          return `/billing?cutoff=2026-10-31&cycle=all&clientFrom=${from}&clientTo=${from + 50}`;
        }, clerk!),
      },
      {
        kind: 'recherche de clients',
        weight: 2,
        floor: 'page',
        send: page(() => `/clients?q=cote&page=${1 + Math.floor(random() * 5)}`, clerk!),
      },
      // Each kind judged by its p95 has samples enough for one: a floor measured on some eighty
      // requests moved by half from one run to the next.
      { kind: FLOOR_PAGE, weight: 3, floor: null, send: page(() => '/about', dispatcher!) },
      { kind: FLOOR_ROUTE, weight: 3, floor: null, send: page(() => '/me', dispatcher!) },
    ];
    const totalWeight = actions.reduce((sum, a) => sum + a.weight, 0);
    const pick = () => {
      let roll = random() * totalWeight;
      return actions.find((a) => (roll -= a.weight) < 0) ?? actions[0]!;
    };
    let isMeasured = false;
    const user = async (deadline: number, agent: http.Agent) => {
      // People do not all click at the same millisecond.
      await new Promise((resolve) => setTimeout(resolve, random() * 1500));
      while (Date.now() < deadline) {
        const chosen = pick();
        const started = performance.now();
        const ok = await chosen.send(server.base, agent).catch(() => false);
        if (isMeasured) samples.push({ kind: chosen.kind, floor: chosen.floor, ms: performance.now() - started, ok });
        // A person reads the screen before the next action: 0.5 to 1.5 s.
        await new Promise((resolve) => setTimeout(resolve, 500 + random() * 1000));
      }
    };
    // Each person's browser keeps its own connection open between actions; the server's workers
    // share the connections among them, as they would the browsers of a dispatch office.
    const browsers = Array.from({ length: options.users }, () => new http.Agent({ keepAlive: true }));
    const run = (seconds: number) => Promise.all(browsers.map((agent) => user(Date.now() + seconds * 1000, agent)));
    await run(options.warmSeconds ?? 10);
    // With one process, its CPU per request is the request's own.
    const alone = (options.workers ?? 1) === 1 ? await askAlone(actions, server, ALONE_REQUESTS) : undefined;
    isMeasured = true;
    const cpu = startCpuWatch([server.process.pid!]);
    await run(options.seconds);
    return { ...summarize(samples), cpu: cpu.stop(), alone };
  } finally {
    await stopServer(server);
  }
}

/** Requests of each kind asked alone, one after the other. */
const ALONE_REQUESTS = 100;

/**
 * Each kind of request asked `count` times by one user, one after the other, on a server at rest:
 * its p50, and the CPU time the server and PostgreSQL spent per request (from /proc, around the
 * kind's requests). Under load a request waits for the others' work; alone, it costs its own, so a
 * kind whose p50 alone is already over 1.5 times its floor's cannot be within 1.5 times it under load.
 */
async function askAlone(
  actions: Action[],
  server: { base: string; process: ChildProcess },
  count: number,
): Promise<Record<string, AloneFigures>> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const isServer = (pgid: number) => pgid === server.process.pid;
  const isDatabase = (_pgid: number, command: string) => command === 'postgres';
  const figures: Record<string, AloneFigures> = {};
  for (const action of actions) {
    const times: number[] = [];
    let errors = 0;
    const [serverStart, databaseStart] = [cpuSeconds(isServer), cpuSeconds(isDatabase)];
    for (let i = 0; i < count; i++) {
      const started = performance.now();
      const ok = await action.send(server.base, agent).catch(() => false);
      times.push(performance.now() - started);
      if (!ok) errors++;
    }
    figures[action.kind] = {
      count,
      errors,
      p50: percentile(times, 0.5),
      serverMs: ((cpuSeconds(isServer) - serverStart) * 1000) / count,
      databaseMs: ((cpuSeconds(isDatabase) - databaseStart) * 1000) / count,
      floor: action.floor,
    };
  }
  agent.destroy();
  return figures;
}

/** A request through node:http: its status and its body as text. */
function send(
  base: string,
  path: string,
  options: { agent: http.Agent; cookie?: string; method?: string; headers?: Record<string, string>; body?: Buffer },
): Promise<{ status: number; body: string }> {
  const url = new URL(path, base);
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        agent: options.agent,
        method: options.method ?? 'GET',
        headers: { ...(options.cookie ? { cookie: options.cookie } : {}), 'accept-encoding': 'gzip', ...options.headers },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const raw = Buffer.concat(chunks);
          const body = response.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw;
          resolve({ status: response.statusCode ?? 0, body: body.toString('utf8') });
        });
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(options.body);
  });
}

/**
 * A server action called as the page's form calls it: POST to the page with the action's id,
 * the arguments (the form's previous state, then its fields) encoded as React encodes them.
 */
async function sendAction(base: string, agent: http.Agent, path: string, actionId: string, fields: Record<string, string>, cookie: string) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(`_1_${name}`, value);
  // The root last, as React sends it: the server reads the fields it refers to as they come.
  form.set('0', JSON.stringify([{ status: 'idle' }, '$K1']));
  const encoded = new Response(form);
  const body = Buffer.from(await encoded.arrayBuffer());
  return send(base, path, {
    agent,
    cookie,
    method: 'POST',
    body,
    headers: {
      'content-type': encoded.headers.get('content-type')!,
      'next-action': actionId,
      accept: 'text/x-component',
      origin: base,
    },
  });
}

/** The id the production build gave a server action (its manifest), by the action's exported name. */
function serverActionId(exportedName: string): string {
  const manifest = JSON.parse(readFileSync(path.join(process.cwd(), '.next', 'server', 'server-reference-manifest.json'), 'utf8')) as {
    node: Record<string, { exportedName?: string }>;
  };
  const id = Object.entries(manifest.node).find(([, entry]) => entry.exportedName === exportedName)?.[0];
  if (!id) throw new Error(`action ${exportedName} absente de la compilation : relancez \`npm run build\``);
  return id;
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

/** One request timed: its kind (and the floor it is judged against), how long it took, whether it was answered as it should. */
type Sample = { kind: string; floor?: FloorOf; ms: number; ok: boolean };

function summarize(samples: Sample[]): LoadResult {
  const all = samples.map((s) => s.ms);
  const byKind: LoadResult['byKind'] = {};
  for (const kind of new Set(samples.map((s) => s.kind))) {
    const ofKind = samples.filter((s) => s.kind === kind);
    const values = ofKind.map((s) => s.ms);
    byKind[kind] = {
      count: values.length,
      errors: ofKind.filter((s) => !s.ok).length,
      p50: percentile(values, 0.5),
      p95: percentile(values, 0.95),
      floor: ofKind[0]?.floor ?? null,
    };
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
