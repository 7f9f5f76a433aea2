/**
 * The database the instances share, opened by the tests that set up what would take many
 * screens (dozens of clients with calls, a user) or check what no screen shows (locks held,
 * messages per invoice, the invariants).
 */
import { sql } from 'drizzle-orm';
import { openPostgres, queryRows, type AppDatabase, type Db, type Tx } from '../db/index';
import { calls, clients, tariffs, users } from '../db/schema';
import { hashPassword } from '../lib/auth/password';
import type { Role } from '../lib/auth/roles';
import { addDays, montrealDateTime, todayInMontreal } from '../lib/dates/montreal';

export function openTestDatabase(): AppDatabase {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL manquant : lancez les tests par `npm run test:e2e`.');
  return openPostgres(url, { max: 3 });
}

/** A user of its own for a test, so that its sign-ins and changes touch no other test. */
export async function insertUser(db: Db, input: { email: string; role: Role; password: string }): Promise<number> {
  const [user] = await db
    .insert(users)
    .values({ email: input.email, name: `Essai ${input.email}`, role: input.role, passwordHash: await hashPassword(input.password) })
    .returning({ id: users.id });
  return user!.id;
}

/**
 * `count` clients billed on their own (normal process) in a range of numbers no other test uses,
 * each with two completed calls three days ago (before the default cut-off, yesterday).
 * E-mail delivery when `isEmailed`. Returns the range, for the billing list's "from"/"to".
 */
export async function insertBillableClients(db: Db, input: { count: number; isEmailed: boolean }): Promise<{ from: number; to: number }> {
  // After the last block taken, so that a second run on the same database starts clean.
  const [last] = await queryRows<{ last: number }>(
    db,
    sql`select coalesce(max(number), 79999999)::int as last from clients where number between 80000000 and 89999999`,
  );
  const from = last!.last + 1;
  const to = from + input.count - 1;
  const [tariff] = await db
    .select()
    .from(tariffs)
    .where(sql`${tariffs.code} = 'STD'`);
  const numbers = Array.from({ length: input.count }, (_, i) => from + i);
  await db.insert(clients).values(
    numbers.map((number) => ({
      number,
      name: `Client d’essai ${number}`,
      addressLine1: '1200, rue Saint-Jacques',
      city: 'Montréal',
      postalCode: 'H3C 1G1',
      tariffId: tariff!.id,
      deliveryMethod: input.isEmailed ? ('email' as const) : ('print' as const),
      invoiceEmails: input.isEmailed ? [`comptes-${number}@exemple.test`] : [],
    })),
  );
  const serviceDate = addDays(todayInMontreal(), -3);
  await db.insert(calls).values(
    numbers.flatMap((clientNumber) =>
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
  return { from, to };
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
