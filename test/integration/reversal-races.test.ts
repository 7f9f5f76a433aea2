/**
 * Reversing a run while a clerk credits, prints or e-mails its invoices, on a real PostgreSQL
 * with a pool of connections, round after round: each operation either takes effect or is
 * refused with the application's message, never with a deadlock; afterwards either the run is
 * reversed and nothing was credited, printed or sent, or it stands with the operation's effect.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { inIds } from '@/db/id-list';
import { queryRows } from '@/db/index';
import { billingRuns, deliveries, invoices } from '@/db/schema';
import { billingInput } from '@/lib/billing/billing-input';
import { createCreditNote, creditNoteInput } from '@/lib/billing/credit-notes';
import { generateInvoices } from '@/lib/billing/generate-invoices';
import { reverseRun } from '@/lib/billing/reverse-run';
import { deliverySelection } from '@/lib/delivery/delivery-input';
import { enqueueEmails, processPendingEmails, resendEmail, retryFailedEmails } from '@/lib/delivery/email-queue';
import type { Mailer } from '@/lib/delivery/mailer';
import { invoiceDelivery, markPrinted } from '@/lib/delivery/kinds/invoice';
import { AppError } from '@/lib/errors';
import { insertClientsWithOneCall, insertCompanySettings, insertTariff, insertUser } from '@/test/support/fixtures';
import { checkInvariants, NO_VIOLATION } from '@/test/support/invariants';
import { createTestDatabase, type TestDatabase } from '@/test/support/test-database';

const ROUNDS = 25;
const INVOICES_PER_RUN = 3;

let database: TestDatabase;
let clerkId: number;
let tariffId: number;
let nextClient = 40_000;

beforeAll(async () => {
  database = await createTestDatabase();
  await insertCompanySettings(database.db);
  clerkId = await insertUser(database.db, 'commis@courses.local');
  tariffId = (await insertTariff(database.db)).id;
});
afterAll(() => database.drop());

type Run = { runId: number; invoiceIds: number[]; numbers: number[] };

/** A run of its own for each round: three new clients delivered by print and e-mail, one call each. */
async function freshRun(): Promise<Run> {
  const first = nextClient;
  nextClient += INVOICES_PER_RUN;
  await insertClientsWithOneCall(database.db, first, INVOICES_PER_RUN, tariffId, { deliveryMethod: 'both' });
  const input = billingInput.parse({ cutoff: '2026-10-31', cycle: 'all', clientFrom: String(first), clientTo: String(nextClient - 1) });
  const run = await generateInvoices(database.db, clerkId, input, '2026-11-01');
  const rows = await database.db
    .select({ id: invoices.id, number: invoices.number })
    .from(invoices)
    .where(eq(invoices.billingRunId, run.runId!))
    .orderBy(invoices.id);
  expect(rows).toHaveLength(INVOICES_PER_RUN);
  return { runId: run.runId!, invoiceIds: rows.map((r) => r.id), numbers: rows.map((r) => r.number) };
}

type Outcome<T> = { value: T } | { refused: string } | { failed: string };

/** What the clerk sees of an operation: its result, the application's refusal, or anything else. */
async function outcomeOf<T>(operation: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { value: await operation() };
  } catch (error) {
    return error instanceof AppError ? { refused: error.code } : { failed: String(error) };
  }
}

/**
 * The reversal and the others started together. Which side starts first, and how many round
 * trips to the server it is ahead by, change with the round, so that the rounds meet the locks
 * at different points (the outcome is checked whatever the order turned out to be).
 */
async function race<T>(round: number, reverse: () => Promise<{ voided: number }>, others: (() => Promise<T>)[]) {
  const start = async <R>(operation: () => Promise<R>, roundTrips: number) => {
    for (let i = 0; i < roundTrips; i++) await database.db.execute(sql`select 1`);
    return outcomeOf(operation);
  };
  const isReversalFirst = round % 2 === 0;
  const offset = Math.floor(round / 2) % 6;
  const [reversal, ...rest] = await Promise.all([
    start(reverse, isReversalFirst ? 0 : offset),
    ...others.map((other) => start(other, isReversalFirst ? offset : 0)),
  ]);
  return { reversal: reversal as Outcome<{ voided: number }>, others: rest as Outcome<T>[] };
}

async function runStatus(runId: number) {
  const [run] = await database.db.select({ status: billingRuns.status }).from(billingRuns).where(eq(billingRuns.id, runId));
  const statuses = await database.db.select({ status: invoices.status }).from(invoices).where(eq(invoices.billingRunId, runId));
  return { run: run!.status, invoices: [...new Set(statuses.map((s) => s.status))] };
}

const REVERSED = { run: 'reversed', invoices: ['void'] };
const STANDING = { run: 'completed', invoices: ['issued'] };

describe('a reversal racing other operations on the same run', () => {
  test(`credit notes on each invoice: ${ROUNDS} rounds, either the credits or the reversal`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const run = await freshRun();
      const credit = (number: number) => () =>
        createCreditNote(
          database.db,
          clerkId,
          creditNoteInput.parse({ invoiceNumber: String(number), amount: '5,00', reason: 'Attente non facturable' }),
          '2026-11-02',
        );
      const { reversal, others } = await race(round, () => reverseRun(database.db, clerkId, run.runId), run.numbers.map(credit));

      const [credited] = await queryRows<{ n: number }>(
        database.db,
        sql`select count(*)::int as n from credit_notes where invoice_id in (select id from invoices where billing_run_id = ${run.runId})`,
      );
      if ('value' in reversal) {
        expect(others).toEqual(run.numbers.map(() => ({ refused: 'credit.invoiceVoid' })));
        expect(credited!.n).toBe(0);
        expect(await runStatus(run.runId)).toEqual(REVERSED);
      } else {
        expect(reversal).toEqual({ refused: 'billing.hasCreditNotes' });
        expect(others.every((o) => 'value' in o)).toBe(true);
        expect(credited!.n).toBe(INVOICES_PER_RUN);
        expect(await runStatus(run.runId)).toEqual(STANDING);
      }
      expect(await checkInvariants(database.db)).toEqual(NO_VIOLATION);
    }
  });

  test(`a print batch of the run's invoices: ${ROUNDS} rounds, either printed or reversed`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const run = await freshRun();
      const { reversal, others } = await race(round, () => reverseRun(database.db, clerkId, run.runId), [
        () => markPrinted(database.db, clerkId, run.invoiceIds),
      ]);
      expect(others).toEqual([{ value: undefined }]);

      const printed = await database.db
        .select({ id: invoices.id })
        .from(invoices)
        .where(and(inIds(invoices.id, run.invoiceIds), isNotNull(invoices.printedAt)));
      const printDeliveries = await database.db
        .select({ id: deliveries.id })
        .from(deliveries)
        .where(and(inIds(deliveries.invoiceId, run.invoiceIds), eq(deliveries.channel, 'print')));
      if ('value' in reversal) {
        expect([printed.length, printDeliveries.length]).toEqual([0, 0]);
        expect(await runStatus(run.runId)).toEqual(REVERSED);
      } else {
        expect(reversal).toEqual({ refused: 'billing.alreadyDelivered' });
        expect([printed.length, printDeliveries.length]).toEqual([INVOICES_PER_RUN, INVOICES_PER_RUN]);
        expect(await runStatus(run.runId)).toEqual(STANDING);
      }
      expect(await checkInvariants(database.db)).toEqual(NO_VIOLATION);
    }
  });

  /** A mailer that keeps what it was given to send. */
  function recordingMailer(): Mailer & { sent: number[] } {
    const sent: number[] = [];
    return { kind: 'outbox', concurrency: 1, close: () => {}, sent, send: async (email) => void sent.push(email.deliveryId) };
  }

  async function emailDeliveries(run: Run) {
    return database.db
      .select({ id: deliveries.id, status: deliveries.status, error: deliveries.error })
      .from(deliveries)
      .where(and(inIds(deliveries.invoiceId, run.invoiceIds), eq(deliveries.channel, 'email')));
  }

  /** E-mails of the run that failed earlier (the SMTP server refused them three times). */
  async function failEmails(run: Run) {
    await database.db.insert(deliveries).values(
      run.invoiceIds.map((invoiceId) => ({
        invoiceId,
        channel: 'email' as const,
        status: 'failed' as const,
        recipients: ['x@exemple.ca'],
        requestedBy: clerkId,
        attempts: 3,
        error: 'Serveur indisponible',
        completedAt: new Date(),
      })),
    );
  }

  /** Ways a clerk queues e-mails of a run; each resolves to how many it queued. */
  const queuings: [string, { prepare?: (run: Run) => Promise<void>; queue: (run: Run) => Promise<number> }][] = [
    [
      'queuing the run’s e-mails',
      {
        queue: async (run) =>
          (
            await enqueueEmails(
              database.db,
              invoiceDelivery,
              clerkId,
              deliverySelection.parse({ runId: String(run.runId), method: 'email' }),
            )
          ).queued,
      },
    ],
    [
      'retrying its failed e-mails',
      {
        prepare: failEmails,
        queue: async (run) =>
          (
            await retryFailedEmails(
              database.db,
              invoiceDelivery,
              clerkId,
              deliverySelection.parse({ runId: String(run.runId), method: 'email' }),
            )
          ).queued,
      },
    ],
    [
      'resending one of its invoices',
      { queue: async (run) => (await resendEmail(database.db, invoiceDelivery, clerkId, { number: run.numbers[0]! }), 1) },
    ],
  ];

  test.each(queuings)(`%s: ${ROUNDS} rounds, the run reversed and no e-mail of it left to send`, async (_name, { prepare, queue }) => {
    for (let round = 0; round < ROUNDS; round++) {
      const run = await freshRun();
      await prepare?.(run);
      const { reversal, others } = await race(round, () => reverseRun(database.db, clerkId, run.runId), [() => queue(run)]);
      // Queued e-mails are not a delivery: the reversal always goes through, and cancels them.
      expect(reversal).toEqual({ value: { voided: INVOICES_PER_RUN } });
      const [queued] = others;
      if (queued && 'refused' in queued) expect(queued.refused).toBe('delivery.invoiceVoid');
      else expect(queued).toHaveProperty('value');
      const count = queued && 'value' in queued ? queued.value : 0;
      const left = await emailDeliveries(run);
      expect(left.filter((d) => d.status !== 'failed')).toEqual([]);
      expect(left.filter((d) => d.error?.startsWith('Facture annulée'))).toHaveLength(count);

      const mailer = recordingMailer();
      await processPendingEmails(database.db, mailer);
      expect(mailer.sent).toEqual([]);
      expect(await checkInvariants(database.db)).toEqual(NO_VIOLATION);
    }
  });

  test(`the e-mail worker sending the run's queued e-mails: ${ROUNDS} rounds, either all sent or the run reversed with none sent`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const run = await freshRun();
      await enqueueEmails(database.db, invoiceDelivery, clerkId, deliverySelection.parse({ runId: String(run.runId), method: 'email' }));
      const mailer = recordingMailer();
      const { reversal, others } = await race(round, () => reverseRun(database.db, clerkId, run.runId), [
        () => processPendingEmails(database.db, mailer),
      ]);
      expect(others[0]).toHaveProperty('value');
      // The worker's next round: the e-mails it skipped while a refused reversal held them.
      expect(await processPendingEmails(database.db, mailer)).toMatchObject({ failed: 0, retried: 0 });

      const sentRows = await database.db
        .select({ id: deliveries.id })
        .from(deliveries)
        .where(and(inIds(deliveries.invoiceId, run.invoiceIds), eq(deliveries.status, 'sent')));
      const emailed = await database.db
        .select({ id: invoices.id })
        .from(invoices)
        .where(and(inIds(invoices.id, run.invoiceIds), isNotNull(invoices.emailedAt)));
      if ('value' in reversal) {
        expect(mailer.sent).toEqual([]);
        expect((await emailDeliveries(run)).map((d) => d.status)).toEqual(Array<string>(INVOICES_PER_RUN).fill('failed'));
        expect(await runStatus(run.runId)).toEqual(REVERSED);
      } else {
        expect(['billing.deliveryInProgress', 'billing.alreadyDelivered']).toContain((reversal as { refused?: string }).refused);
        expect(mailer.sent).toHaveLength(INVOICES_PER_RUN);
        expect(mailer.sent.sort((a, b) => a - b)).toEqual(sentRows.map((r) => r.id).sort((a, b) => a - b));
        expect(emailed).toHaveLength(INVOICES_PER_RUN);
        expect(await runStatus(run.runId)).toEqual(STANDING);
      }
      expect(sentRows).toHaveLength(mailer.sent.length);
      expect(await checkInvariants(database.db)).toEqual(NO_VIOLATION);
    }
  });
});

describe('a reversal held between its checks and its writes', () => {
  /**
   * Until a statement containing `fragment` waits for a row lock (asking between turns of the
   * event loop), or `operation` ended without ever waiting there.
   */
  async function untilWaitingForLock(fragment: string, operation: Promise<unknown>) {
    let hasEnded = false;
    void operation.then(() => (hasEnded = true));
    const deadline = Date.now() + 60_000;
    while (!hasEnded) {
      if (Date.now() > deadline) throw new Error(`still waiting for "${fragment}" to wait for a lock`);
      const [waiting] = await queryRows<{ n: number }>(
        database.db,
        sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and query like ${`%${fragment}%`}`,
      );
      if (waiting!.n > 0) return;
      await nextTurn();
    }
  }

  test('the e-mail worker running meanwhile sends nothing: the run is reversed and its queued e-mails cancelled', async () => {
    const run = await freshRun();
    await enqueueEmails(database.db, invoiceDelivery, clerkId, deliverySelection.parse({ runId: String(run.runId), method: 'email' }));

    // Another transaction holds one of the run's lines: the reversal, its checks passed, waits at its first write.
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let hold!: () => void;
    const isHolding = new Promise<void>((resolve) => (hold = resolve));
    const holder = database.db.transaction(async (tx) => {
      await tx.execute(sql`select 1 from invoice_lines where invoice_id = ${run.invoiceIds[0]} for share`);
      hold();
      await released;
    });
    await isHolding;
    const reversal = outcomeOf(() => reverseRun(database.db, clerkId, run.runId));
    await untilWaitingForLock('update "invoice_lines"', reversal);

    // The worker runs now; if it sends anything, it then waits for the reversal to record it.
    let firstSend!: () => void;
    const hasSent = new Promise<void>((resolve) => (firstSend = resolve));
    const sent: number[] = [];
    const mailer: Mailer = {
      kind: 'outbox',
      concurrency: 1,
      close: () => {},
      send: async (email) => {
        sent.push(email.deliveryId);
        firstSend();
      },
    };
    const worker = outcomeOf(() => processPendingEmails(database.db, mailer));
    await Promise.race([worker, hasSent]);
    release();
    await holder;

    expect(await reversal).toEqual({ value: { voided: INVOICES_PER_RUN } });
    expect(await worker).toEqual({ value: { sent: 0, failed: 0, retried: 0 } });
    expect(sent).toEqual([]);
    const statuses = await database.db
      .select({ status: deliveries.status })
      .from(deliveries)
      .where(inIds(deliveries.invoiceId, run.invoiceIds));
    expect(statuses.map((d) => d.status)).toEqual(Array<string>(INVOICES_PER_RUN).fill('failed'));
    expect(await checkInvariants(database.db)).toEqual(NO_VIOLATION);
  });
});
