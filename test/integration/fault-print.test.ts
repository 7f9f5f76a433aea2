/**
 * A print batch that does not reach its end: the clerk's download breaks off, the connection
 * to PostgreSQL is cut while the batch is being marked, PostgreSQL crashes during the
 * download or is down when the clerk asks for the batch. An invoice is marked printed only
 * when the whole batch was produced, and never half a batch. Through the route handler, as
 * the clerk's browser calls it; the database is a server of its own, crashed on purpose.
 */
import { and, eq, isNotNull } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { getAppDatabase, type AppDatabase } from '@/db/index';
import { deliveries, invoices, tariffs, users } from '@/db/schema';
import type { CurrentUser } from '@/lib/auth/current-user';
import { billingInput } from '@/lib/billing/billing-input';
import { generateInvoices } from '@/lib/billing/generate-invoices';
import { createCrashableDatabase, type CrashableDatabase } from '@/test/support/crashable-database';
import { insertClientsWithOneCall } from '@/test/support/fixtures';
import { loadGoldenScenario } from '@/test/support/golden-scenario';
import { pdfText } from '@/test/support/pdf-text';
import { until } from '@/test/support/until';

let signedIn: CurrentUser;
vi.mock('@/lib/auth/current-user', () => ({ requireFileRoute: async () => ({ user: signedIn, refusal: null }) }));

const PRINTED_CLIENTS = 40;

let database: CrashableDatabase;
let app: AppDatabase;
let probe: postgres.Sql;
let firstClerk: CurrentUser;
let secondClerk: CurrentUser;
let tariffId: number;
let printRoute: typeof import('@/app/(app)/billing/delivery/print/route');

beforeAll(async () => {
  database = await createCrashableDatabase();
  process.env.DATABASE_URL = database.url;
  app = getAppDatabase();
  probe = postgres(database.url, { max: 2, onnotice: () => {} });
  const { clerkId } = await loadGoldenScenario(app.db);
  const [second] = await app.db
    .insert(users)
    .values({ email: 'commis2@golden.local', name: 'Commis 2', role: 'billing', passwordHash: 'x' })
    .returning();
  firstClerk = { id: clerkId, name: 'Commis', email: 'commis@golden.local', role: 'billing', locale: 'fr', portalClientNumber: null };
  secondClerk = {
    id: second!.id,
    name: 'Commis 2',
    email: 'commis2@golden.local',
    role: 'billing',
    locale: 'fr',
    portalClientNumber: null,
  };
  tariffId = (await app.db.select().from(tariffs).limit(1))[0]!.id;
  printRoute = await import('@/app/(app)/billing/delivery/print/route');
});

afterAll(async () => {
  await probe?.end({ timeout: 5 });
  await globalThis.__appDatabase?.close();
  globalThis.__appDatabase = undefined;
  database?.stop();
});

let logged: { mock: { calls: unknown[][] } };
/** The billing run of this test: 40 clients to be invoiced on paper, one call each. */
let runId: number;
let nextClientNumber = 40001;
beforeEach(async () => {
  signedIn = firstClerk;
  logged = vi.spyOn(console, 'error').mockImplementation(() => {});
  await insertClientsWithOneCall(app.db, nextClientNumber, PRINTED_CLIENTS, tariffId, { deliveryMethod: 'print' });
  nextClientNumber += PRINTED_CLIENTS;
  runId = (await generateInvoices(app.db, firstClerk.id, billingInput.parse({ cutoff: '2026-10-31', cycle: 'all' }), '2026-11-01')).runId!;
});
afterEach(() => {
  vi.restoreAllMocks();
});

/** The clerk presses « Imprimer » for the run's batch (normal process). */
function requestPrint(): Promise<Response> {
  const form = new FormData();
  form.set('runId', String(runId));
  return printRoute.POST(new Request('http://localhost/billing/delivery/print', { method: 'POST', body: form }));
}

/** How the run's batch stands for the clerk: invoices shown printed, and print deliveries recorded. */
async function printState() {
  const marked = await app.db
    .select({ number: invoices.number, printedBy: invoices.printedBy })
    .from(invoices)
    .where(and(eq(invoices.billingRunId, runId), isNotNull(invoices.printedAt)))
    .orderBy(invoices.number);
  const recorded = await app.db
    .select({ invoiceId: deliveries.invoiceId, requestedBy: deliveries.requestedBy })
    .from(deliveries)
    .innerJoin(invoices, eq(invoices.id, deliveries.invoiceId))
    .where(and(eq(invoices.billingRunId, runId), eq(deliveries.channel, 'print')));
  return { marked, recorded };
}

/** The same, after a crash: connections opened before it fail once each, then PostgreSQL answers again. */
async function printStateOnceBack() {
  let state: Awaited<ReturnType<typeof printState>> | undefined;
  await until(async () => Boolean((state = await printState())), 'PostgreSQL to answer again');
  return state!;
}

/** Prints the whole batch as `clerk`: marked by the time the download ends. The pages' text. */
async function printWholeBatch(clerk: CurrentUser): Promise<string[]> {
  signedIn = clerk;
  const response = await requestPrint();
  expect(response.status).toBe(200);
  const bytes = new Uint8Array(await response.arrayBuffer());
  expect((await printState()).recorded.length).toBeGreaterThan(0);
  return pdfText(bytes);
}

describe('a print batch that does not reach its end', () => {
  test('the download breaks off half-way (the clerk’s disk is full): none of the 40 invoices is marked; the complete download made afterwards is the only print recorded', async () => {
    const response = await requestPrint();
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    let received = 0;
    while (received < 16 * 1024) received += (await reader.read()).value!.byteLength;
    // The client's failure reaches the server as its connection closing: a later network
    // event, in another turn of the event loop than the read before it.
    await new Promise((resolve) => setImmediate(resolve));
    await reader.cancel(new Error('ENOSPC: no space left on device'));
    expect(await printState()).toEqual({ marked: [], recorded: [] });

    // Had the broken download marked anything, even late, the first clerk would show as the printer.
    // The download made afterwards is whole: one page for each invoice of one call.
    expect(await printWholeBatch(secondClerk)).toHaveLength(PRINTED_CLIENTS);
    const { marked, recorded } = await printState();
    expect(marked).toHaveLength(PRINTED_CLIENTS);
    expect(marked.every((m) => m.printedBy === secondClerk.id)).toBe(true);
    expect(recorded).toHaveLength(PRINTED_CLIENTS);
    expect(recorded.every((r) => r.requestedBy === secondClerk.id)).toBe(true);
  });

  test('the connection is cut while the batch is being marked: the download fails, none of the 40 invoices is left half-marked, and printing again marks each once', async () => {
    // Marking pauses as it records the print deliveries, the invoices already updated in its transaction.
    await probe`create function slow_print_deliveries() returns trigger language plpgsql as $$ begin perform pg_sleep(60); return null; end $$`;
    await probe`create trigger slow_print_deliveries before insert on deliveries for each statement execute function slow_print_deliveries()`;
    try {
      const response = await requestPrint();
      expect(response.status).toBe(200);
      // The file's last bytes wait for the marks: the download ends only once they are recorded.
      const download = response.arrayBuffer().then(
        () => 'complete',
        () => 'broken',
      );
      const marking = async () =>
        (
          await probe`select pid from pg_stat_activity where state = 'active' and pid <> pg_backend_pid() and query like '%insert into deliveries%'`
        ).map((r) => r.pid as number);
      await until(async () => (await marking()).length === 1, 'the batch to be marked');
      const [pid] = await marking();
      await probe`select pg_terminate_backend(${pid!})`;
      await until(async () => (await marking()).length === 0, 'PostgreSQL to roll the marking back');
      expect(await download).toBe('broken');
    } finally {
      await probe`drop trigger slow_print_deliveries on deliveries`;
      await probe`drop function slow_print_deliveries()`;
    }
    expect(await printState()).toEqual({ marked: [], recorded: [] });

    await printWholeBatch(firstClerk);
    const { marked, recorded } = await printState();
    expect(marked).toHaveLength(PRINTED_CLIENTS);
    expect(new Set(recorded.map((r) => r.invoiceId)).size).toBe(PRINTED_CLIENTS);
    expect(recorded).toHaveLength(PRINTED_CLIENTS);
  });

  test('PostgreSQL crashes during the download: the failure is reported, none of the 40 invoices is marked, and once it is back a new print marks each once', async () => {
    const response = await requestPrint();
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    const first = await reader.read();
    expect(first.done).toBe(false);
    database.cluster.crash();
    let isDownloadBroken = false;
    try {
      while (!(await reader.read()).done);
    } catch {
      isDownloadBroken = true;
    }
    // Marking could not reach the database: the clerk's download fails (its last bytes wait for the marks).
    expect(isDownloadBroken).toBe(true);
    database.cluster.restart();
    expect(await printStateOnceBack()).toEqual({ marked: [], recorded: [] });

    await printWholeBatch(firstClerk);
    const { marked, recorded } = await printState();
    expect(marked).toHaveLength(PRINTED_CLIENTS);
    expect(recorded).toHaveLength(PRINTED_CLIENTS);
  });

  test('the database is down when the clerk asks for the batch: a clear message in French, no technical detail; nothing is marked', async () => {
    database.cluster.crash();
    let response: Response;
    try {
      response = await requestPrint();
    } finally {
      database.cluster.restart();
    }
    expect(response.status).toBe(503);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await response.text();
    expect(text).toMatch(/^La base de données est momentanément injoignable/);
    expect(text).toContain('aucune facture n’a été marquée imprimée');
    expect(text).not.toMatch(/ECONN|CONNECTION_|Error|at .*\.(js|ts):\d+/);
    // The cause is in the server's log, for the administrator.
    expect(logged).toHaveBeenCalledWith('[print] batch not produced', expect.anything());
    expect(await printStateOnceBack()).toEqual({ marked: [], recorded: [] });
  });
});
