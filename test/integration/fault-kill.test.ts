import { spawn } from 'node:child_process';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { queryRows } from '@/db/index';
import { users } from '@/db/schema';
import { billingInput } from '@/lib/billing/billing-input';
import { generateInvoices } from '@/lib/billing/generate-invoices';
import { generateBenchData } from '@/scripts/bench/generate-data';
import { checkInvariants, NO_VIOLATION } from '@/test/support/invariants';
import { createTestDatabase, type TestDatabase } from '@/test/support/test-database';
import { until } from '@/test/support/until';

let database: TestDatabase;
let clerkId: number;

beforeAll(async () => {
  database = await createTestDatabase();
  await generateBenchData(database.db, { clients: 2000, groups: 20, calls: 20000, seed: 5, endDate: '2026-10-31' });
  const [clerk] = await database.db
    .insert(users)
    .values({ email: 'commis@fault.local', name: 'Commis', role: 'billing', passwordHash: 'x' })
    .returning();
  clerkId = clerk!.id;
});
afterAll(() => database.drop());

test('the application process killed (SIGKILL) in the middle of a run: no partial run, no burned number, and the next run bills everything', async () => {
  // The run pauses while it writes its invoice lines, so that it is surely killed in the middle.
  await database.db.execute(
    sql`create function slow_lines() returns trigger language plpgsql as $$ begin perform pg_sleep(2); return null; end $$`,
  );
  await database.db.execute(sql`create trigger slow_lines before insert on invoice_lines for each statement execute function slow_lines()`);
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/generate-in-child.ts', database.url, String(clerkId)], {
    stdio: 'pipe',
  });
  let output = '';
  child.stderr.on('data', (chunk) => (output += String(chunk)));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal === 'SIGKILL' ? -9 : _code)));
  const writingLines = async () =>
    (
      await queryRows<{ n: number }>(
        database.db,
        sql`select count(*)::int as n from pg_stat_activity
              where pid <> pg_backend_pid() and state = 'active' and query like '%insert into invoice_lines (invoice_id%'`,
      )
    )[0]!.n > 0;
  await until(writingLines, 'the run to write its lines', 30).catch((error: Error) => {
    throw new Error(`${error.message}; the run said: ${output}`);
  });
  // Invoices and the counter are already written, uncommitted, when the process dies.
  child.kill('SIGKILL');
  expect(await exited).toBe(-9);
  await until(async () => !(await writingLines()), 'PostgreSQL to roll the dead run back', 30);
  await database.db.execute(sql`drop trigger slow_lines on invoice_lines`);

  const [state] = await queryRows<{ runs: number; invoices: number; counter: number }>(
    database.db,
    sql`select (select count(*)::int from billing_runs) as runs, (select count(*)::int from invoices) as invoices,
               (select last_number::int from document_counters where kind = 'invoice') as counter`,
  );
  expect(state).toEqual({ runs: 0, invoices: 0, counter: 0 });

  const next = await generateInvoices(database.db, clerkId, billingInput.parse({ cutoff: '2026-10-31', cycle: 'all' }), '2026-11-01');
  expect(next).toMatchObject({ firstNumber: 1 });
  expect(await checkInvariants(database.db)).toEqual(NO_VIOLATION);
}, 120_000);
