/**
 * The database the instances share, opened by the tests that set up what would take many
 * screens (dozens of clients with calls, a group, a billing run, a user) or check what no screen
 * shows (locks held, messages per invoice, the invariants). A test bills and delivers only the
 * clients it set up itself: the demo's recent calls stay unbilled for the others, whatever order
 * the files run in.
 */
import { sql } from 'drizzle-orm';
import { openPostgres, queryRows, type AppDatabase, type Db, type Tx } from '../db/index';
import { calls, clients, tariffs, users } from '../db/schema';
import { hashPassword } from '../lib/auth/password';
import type { Role } from '../lib/auth/roles';
import { generateInvoices } from '../lib/billing/generate-invoices';
import { addDays, montrealDateTime, todayInMontreal } from '../lib/dates/montreal';
import { DEMO } from './support';

export function openTestDatabase(): AppDatabase {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL manquant : lancez les tests par `npm run test:e2e`.');
  return openPostgres(url, { max: 3 });
}

/** Runs `body` on a connection of its own to that database, closed afterwards, even on failure. */
export async function withTestDatabase<T>(body: (db: Db) => Promise<T>): Promise<T> {
  const app = openTestDatabase();
  try {
    return await body(app.db);
  } finally {
    await app.close();
  }
}

/** A user of its own for a test, so that its sign-ins and changes touch no other test. */
/** A user of the test's own; a portal user is a contact of the demo head 12345 unless `portalClientNumber` says another account. */
export async function insertUser(
  db: Db,
  input: { email: string; role: Role; password: string; portalClientNumber?: number },
): Promise<number> {
  const [user] = await db
    .insert(users)
    .values({
      email: input.email,
      name: `Essai ${input.email}`,
      role: input.role,
      passwordHash: await hashPassword(input.password),
      portalClientNumber: input.role === 'portal' ? (input.portalClientNumber ?? 12345) : null,
    })
    .returning({ id: users.id });
  return user!.id;
}

type TestClient = { number: number; name: string; groupedClientNumber?: number };

/**
 * The next `count` numbers of the block the tests take their own clients from (80000000 to
 * 89999999), after the last one taken, so that a second run on the same database starts clean.
 */
async function nextTestNumbers(db: Db, count: number): Promise<number[]> {
  const [last] = await queryRows<{ last: number }>(
    db,
    sql`select coalesce(max(number), 79999999)::int as last from clients where number between 80000000 and 89999999`,
  );
  return Array.from({ length: count }, (_, i) => last!.last + 1 + i);
}

/**
 * Clients of a test's own, each with two completed calls three days ago (before the default
 * cut-off, yesterday) of 15,00 $ and 17,50 $, delivered by `deliveryMethod`, with an e-mail
 * address when that includes e-mail. One statement per entry of `batches`, in order, so that
 * a group's head exists before its members point to it. The demo's courier tariff STD unless
 * another is named (TAXI: passenger trips, which carry dues).
 */
async function insertClientsWithCalls(
  db: Db,
  batches: TestClient[][],
  deliveryMethod: 'print' | 'email' | 'both',
  tariffCode = 'STD',
): Promise<void> {
  const [tariff] = await db
    .select()
    .from(tariffs)
    .where(sql`${tariffs.code} = ${tariffCode}`);
  const isEmailed = deliveryMethod !== 'print';
  for (const batch of batches) {
    await db.insert(clients).values(
      batch.map(({ number, name, groupedClientNumber }) => ({
        number,
        name,
        addressLine1: '1200, rue Saint-Jacques',
        city: 'Montréal',
        postalCode: 'H3C 1G1',
        tariffId: tariff!.id,
        deliveryMethod,
        invoiceEmails: isEmailed ? [`comptes-${number}@exemple.test`] : [],
        groupedClientNumber: groupedClientNumber ?? null,
      })),
    );
  }
  const serviceDate = addDays(todayInMontreal(), -3);
  await db.insert(calls).values(
    batches.flat().flatMap(({ number: clientNumber }) =>
      ['09:00', '14:30'].map((time, i) => ({
        clientNumber,
        serviceAt: montrealDateTime(serviceDate, time),
        serviceDate,
        pickupAddress: '1000, rue De La Gauchetière Ouest, Montréal',
        destinationAddress: '4500, rue Hochelaga, Montréal',
        status: 'completed' as const,
        completedAt: montrealDateTime(serviceDate, '16:00'),
        tariffId: tariff!.id,
        tariffCode: tariff!.code,
        grossCents: 1500 + i * 250,
        priceCents: 1500 + i * 250,
      })),
    ),
  );
}

/**
 * `count` clients billed on their own (normal process) in a range of numbers no other test uses,
 * named `Client d’essai <number>`, each with two completed calls three days ago (15,00 $ and
 * 17,50 $). E-mail delivery when `isEmailed`; the demo's tariff `tariffCode` (STD by default).
 * Returns the range, for the billing list's "from"/"to".
 */
export async function insertBillableClients(
  db: Db,
  input: { count: number; isEmailed: boolean; tariffCode?: string },
): Promise<{ from: number; to: number }> {
  const numbers = await nextTestNumbers(db, input.count);
  await insertClientsWithCalls(
    db,
    [numbers.map((number) => ({ number, name: `Client d’essai ${number}` }))],
    input.isEmailed ? 'email' : 'print',
    input.tariffCode,
  );
  return { from: numbers[0]!, to: numbers.at(-1)! };
}

/**
 * A group of a test's own (grouped process), in a range of numbers no other test uses: a head
 * named `Siège d’essai <number>` and `members` members named `Succursale d’essai <number>`, the
 * head first. Each of them, the head included, has two completed calls three days ago (15,00 $
 * and 17,50 $), so that the group's invoice has a block per client. The head's `deliveryMethod`
 * is the invoice's.
 */
export async function insertBillableGroup(
  db: Db,
  input: { members: number; deliveryMethod: 'print' | 'email' | 'both' },
): Promise<{ head: number; members: number[]; from: number; to: number }> {
  const [head, ...members] = await nextTestNumbers(db, input.members + 1);
  await insertClientsWithCalls(
    db,
    [
      [{ number: head!, name: `Siège d’essai ${head}`, groupedClientNumber: head }],
      members.map((number) => ({ number, name: `Succursale d’essai ${number}`, groupedClientNumber: head })),
    ],
    input.deliveryMethod,
  );
  return { head: head!, members, from: head!, to: members.at(-1) ?? head! };
}

/**
 * Bills the clients `from`–`to` up to yesterday in one run, issued today, by the demo billing
 * clerk, as the run confirmed on the billing list would; returns the run's id.
 */
export async function generateRun(db: Db, input: { from: number; to: number; isGrouped: boolean }): Promise<number> {
  const [clerk] = await queryRows<{ id: number }>(db, sql`select id from users where email = ${DEMO.billing}`);
  const run = await generateInvoices(
    db,
    clerk!.id,
    { cutoff: addDays(todayInMontreal(), -1), cycle: 'all', clientFrom: input.from, clientTo: input.to, isGrouped: input.isGrouped },
    todayInMontreal(),
  );
  if (run.runId === null) throw new Error(`nothing to bill from ${input.from} to ${input.to}`);
  return run.runId;
}

/**
 * Runs `body` while the test holds a lock that the application also takes (`lock`, in a
 * transaction of the test's own), released when `body` ends, even on failure. `body` gets a
 * function listing the instances (by their database application name) that wait on that lock.
 */
export async function whileHoldingLock(
  db: Db,
  lock: (tx: Tx) => Promise<unknown>,
  body: (waitingInstances: () => Promise<string[]>) => Promise<void>,
): Promise<void> {
  await db.transaction(async (tx) => {
    await lock(tx);
    const [holder] = await queryRows<{ pid: number }>(tx, sql`select pg_backend_pid() as pid`);
    const waitingInstances = async () => {
      const rows = await queryRows<{ application_name: string }>(
        db,
        sql`select application_name from pg_stat_activity where ${holder!.pid} = any(pg_blocking_pids(pid)) order by application_name`,
      );
      return rows.map((row) => row.application_name);
    };
    await body(waitingInstances);
  });
}
