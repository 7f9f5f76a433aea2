/**
 * PostgreSQL crashing (`pg_ctl -m immediate stop`) and coming back while the e-mail worker
 * sends a batch: the worker outlives the lost connections and finishes the batch, and every
 * invoice reaches the SMTP server exactly once and is recorded sent.
 *
 * The server is crashed at three chosen moments rather than at random ones, so that each
 * window is surely hit: (1) the SMTP server holds a message unanswered, so the message is
 * sent while the database is down and its sending cannot be recorded at once; (2) the worker
 * is inside the transaction that records a message as sent; (3) the worker is reading an
 * invoice to render it, after it took the e-mail and before sending anything.
 */
import { isNull, sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { openPostgres, queryRows, type AppDatabase } from '@/db/index';
import { invoices, tariffs } from '@/db/schema';
import { billingInput } from '@/lib/billing/billing-input';
import { generateInvoices } from '@/lib/billing/generate-invoices';
import { deliverySelection } from '@/lib/delivery/delivery-input';
import { emailProgress, enqueueEmails } from '@/lib/delivery/email-queue';
import { invoiceDelivery } from '@/lib/delivery/kinds/invoice';
import { startEmailWorker } from '@/lib/delivery/email-worker';
import { createCrashableDatabase, type CrashableDatabase } from '@/test/support/crashable-database';
import { insertClientsWithOneCall } from '@/test/support/fixtures';
import { loadGoldenScenario } from '@/test/support/golden-scenario';
import { startSmtpServer, type TestSmtp } from '@/test/support/smtp';
import { until } from '@/test/support/until';

const EXTRA_CLIENTS = 40;

let database: CrashableDatabase;
let app: AppDatabase;
let probe: postgres.Sql;
let smtp: TestSmtp;
let clerkId: number;
let runId: number;
const previousSmtpUrl = process.env.SMTP_URL;

beforeAll(async () => {
  database = await createCrashableDatabase();
  app = openPostgres(database.url, { max: 5 });
  probe = postgres(database.url, { max: 2, onnotice: () => {} });
  smtp = await startSmtpServer();
  ({ clerkId } = await loadGoldenScenario(app.db));
  const [tariff] = await app.db.select().from(tariffs).limit(1);
  await insertClientsWithOneCall(app.db, 30001, EXTRA_CLIENTS, tariff!.id, { deliveryMethod: 'email' });
  const run = await generateInvoices(app.db, clerkId, billingInput.parse({ cutoff: '2026-10-31', cycle: 'all' }), '2026-11-01');
  runId = run.runId!;
});

afterAll(async () => {
  globalThis.__emailWorker?.stop();
  globalThis.__emailWorker = undefined;
  process.env.SMTP_URL = previousSmtpUrl;
  vi.restoreAllMocks();
  await smtp?.close();
  await probe?.end({ timeout: 5 });
  await app?.close();
  database?.stop();
});

/**
 * Takes `lock` in an open transaction, waits until the worker waits for it in a statement
 * like `waiting`, then crashes the server and starts it again.
 */
async function crashWhileWaiting(lock: string, waiting: string) {
  const locker = await probe.reserve();
  try {
    await locker`begin`;
    await locker.unsafe(lock);
    await until(
      async () =>
        (await probe`select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock' and query like ${waiting}`)[0]!.n > 0,
      `the worker to wait in ${waiting}`,
    );
    database.cluster.crash();
  } finally {
    locker.release();
  }
  database.cluster.restart();
}

const invoiceNumberOf = (subject: string | undefined) => Number(/^(?:Facture|Invoice) (\d+) /.exec(subject ?? '')?.[1]);

test('PostgreSQL crashed three times during a batch of 42 e-mails: 42 messages, one per invoice, and 42 deliveries recorded sent', async () => {
  const selection = deliverySelection.parse({ runId: String(runId), method: 'email' });
  expect(await enqueueEmails(app.db, invoiceDelivery, clerkId, selection)).toEqual({ queued: 2 + EXTRA_CLIENTS, withoutAddress: 0 });
  const total = 2 + EXTRA_CLIENTS;
  const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
  vi.spyOn(console, 'log').mockImplementation(() => {});

  // Crash 1: the 11th message reaches the SMTP server, which answers only once PostgreSQL is down.
  const held = smtp.holdAfter(10);
  process.env.SMTP_URL = smtp.url;
  const worker = startEmailWorker(app, 100);
  worker.kick();
  await until(held.hasArrived, 'the 11th message to reach the SMTP server');
  database.cluster.crash();
  const errorsBefore = logged.mock.calls.length;
  held.release();
  await until(() => logged.mock.calls.length > errorsBefore, 'the worker to find the database gone');
  database.cluster.restart();

  // Crash 2: the worker is recording a message as sent (its transaction waits for a lock) when the server dies.
  await until(() => smtp.messages.length >= 20, 'the batch to go on after the first crash');
  await crashWhileWaiting('select id from invoices for update', 'update "invoices"%');
  await until(() => smtp.messages.length >= 30, 'the batch to go on after the second crash');

  // Crash 3: the worker is reading an invoice's lines (held by a lock) when the server dies.
  await crashWhileWaiting('lock table invoice_lines in access exclusive mode', '%from "invoice_lines"%');

  // The e-mails read during the crash (one per connection at most) were given back to the
  // queue, to be tried again after the usual pause; every other one is sent meanwhile.
  const givenBack = async () =>
    (
      await queryRows<{ n: number }>(
        app.db,
        sql`select count(*)::int as n from deliveries where status = 'pending' and started_at is null and attempts > 0`,
      )
    )[0]!.n;
  let interrupted = 0;
  await until(async () => {
    interrupted = await givenBack();
    return interrupted > 0 && smtp.messages.length === total - interrupted;
  }, 'every other invoice to be sent and the interrupted e-mails to be back in the queue');
  await app.db.execute(sql`update deliveries set next_attempt_at = now() where status = 'pending'`);
  await until(
    async () => (await emailProgress(app.db, invoiceDelivery, selection)).counts.sent === total,
    'the whole batch to be recorded sent',
  );

  // At the SMTP server: each invoice exactly once, with its own PDF.
  const numbers = smtp.messages.map((m) => invoiceNumberOf(m.subject));
  expect([...numbers].sort((a, b) => a - b)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
  expect(
    smtp.messages.map((m) => m.attachments.map((a) => /^(?:facture|invoice)-(\d+)\.pdf$/.exec(a.filename ?? '')?.[1]).map(Number)),
  ).toEqual(numbers.map((n) => [n]));
  // In the database: one delivery per invoice, sent; the invoices are marked e-mailed.
  expect((await emailProgress(app.db, invoiceDelivery, selection)).counts).toEqual({ total, none: 0, pending: 0, sent: total, failed: 0 });
  const rows = await queryRows<{ invoice_id: number; status: string; attempts: number }>(
    app.db,
    sql`select invoice_id, status, attempts from deliveries order by invoice_id`,
  );
  expect(rows).toHaveLength(total);
  expect(new Set(rows.map((r) => r.invoice_id)).size).toBe(total);
  expect(rows.filter((r) => r.status !== 'sent')).toEqual([]);
  // Only the e-mails read during the last crash were attempted twice.
  expect(rows.filter((r) => r.attempts !== 1)).toHaveLength(interrupted);
  expect(await app.db.select({ number: invoices.number }).from(invoices).where(isNull(invoices.emailedAt))).toEqual([]);
}, 180_000);
