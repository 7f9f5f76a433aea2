import { expect } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Db, Executor } from '@/db/index';
import { calls, clients, companySettings, tariffs, users } from '@/db/schema';
import type { Role } from '@/lib/auth/roles';
import { AppError } from '@/lib/errors';

/** The name of the database constraint that refused a statement (postgres.js, through Drizzle). */
export async function violatedConstraint(statement: PromiseLike<unknown>): Promise<string> {
  try {
    await statement;
  } catch (error) {
    const cause = (error as { cause?: { constraint_name?: string } }).cause;
    const name = cause?.constraint_name ?? (error as { constraint_name?: string }).constraint_name;
    expect(name, `expected a constraint violation, got: ${String(error)}`).toBeTypeOf('string');
    return name!;
  }
  throw new Error('the statement was accepted; a constraint should have refused it');
}

/** The SQLSTATE with which the database refused a statement (a trigger's own code, e.g. RB002), or null if it was accepted. */
export function refusalCode(statement: PromiseLike<unknown>): Promise<string | null> {
  return Promise.resolve(statement).then(
    () => null,
    (error: { cause?: { code?: string } }) => error.cause?.code ?? null,
  );
}

/** The code of the AppError with which the application refused a call (its message to the person), or null if it was accepted. */
export function appErrorCode(call: PromiseLike<unknown>): Promise<string | null> {
  return Promise.resolve(call).then(
    () => null,
    (error: unknown) => (error instanceof AppError ? error.code : `not an AppError: ${String(error)}`),
  );
}

/** The AppError with which the application refused a call; the test fails if the call was accepted or failed otherwise. */
export async function refusal(call: PromiseLike<unknown>): Promise<AppError> {
  const error = await Promise.resolve(call).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, 'expected an AppError').toBeInstanceOf(AppError);
  return error as AppError;
}

export async function insertTariff(db: Executor, values: Partial<typeof tariffs.$inferInsert> = {}) {
  const [tariff] = await db
    .insert(tariffs)
    .values({ code: 'STD', name: 'Standard', baseCents: 450, perKm: '1.8750', perMinute: '0.6500', minimumChargeCents: 1200, ...values })
    .returning();
  return tariff!;
}

export async function insertClient(db: Executor, number: number, tariffId: number, values: Partial<typeof clients.$inferInsert> = {}) {
  const [client] = await db
    .insert(clients)
    .values({
      number,
      name: `Client ${number}`,
      addressLine1: '1, rue Principale',
      city: 'Montréal',
      postalCode: 'H2X 1Y4',
      tariffId,
      ...values,
    })
    .returning();
  return client!;
}

export async function insertCall(db: Executor, clientNumber: number, tariffId: number, values: Partial<typeof calls.$inferInsert> = {}) {
  const [call] = await db
    .insert(calls)
    .values({
      clientNumber,
      serviceAt: new Date('2026-10-03T14:00:00Z'),
      serviceDate: '2026-10-03',
      pickupAddress: '1, rue A, Montréal',
      destinationAddress: '2, rue B, Laval',
      tariffId,
      tariffCode: 'STD',
      grossCents: 1200,
      discountCents: 0,
      priceCents: 1200,
      status: 'completed',
      ...values,
    })
    .returning();
  return call!;
}

/** `count` clients numbered from `firstNumber`, each with one completed call of 12.00 $ in October 2026 and an invoice address. */
export async function insertClientsWithOneCall(
  db: Executor,
  firstNumber: number,
  count: number,
  tariffId: number,
  values: Partial<typeof clients.$inferInsert> = {},
) {
  const numbers = Array.from({ length: count }, (_, i) => firstNumber + i);
  for (const number of numbers) {
    await insertClient(db, number, tariffId, { invoiceEmails: [`factures-${number}@exemple.ca`], ...values });
    await insertCall(db, number, tariffId);
  }
  return numbers;
}

/** The issuing company: generation refuses to run without it. */
export const COMPANY = {
  name: 'Répartition Express Montréal inc.',
  addressLine1: '1200, rue Saint-Jacques',
  city: 'Montréal',
  postalCode: 'H3C 1G1',
  gstNumber: '123456789 RT0001',
  qstNumber: '1234567890 TQ0001',
};

export async function insertCompanySettings(db: Executor): Promise<void> {
  await db.insert(companySettings).values(COMPANY);
}

/** A user who never signs in (no usable password); returns its id. A portal user names its account. */
export async function insertUser(
  db: Executor,
  email: string,
  role: Role = 'billing',
  name = 'Commis',
  portalClientNumber: number | null = null,
): Promise<number> {
  const [user] = await db.insert(users).values({ email, name, role, passwordHash: 'x', portalClientNumber }).returning({ id: users.id });
  return user!.id;
}

/**
 * Empties the business tables named in `tables` (`truncate … cascade`) and puts the staff's users
 * back as they were: a portal user's account is a client, so that emptying the clients empties the
 * users with them.
 */
export async function truncateKeepingStaff(db: Db, tables: string): Promise<void> {
  const staff = (await db.select().from(users)).filter((user) => user.portalClientNumber === null);
  await db.execute(sql.raw(`truncate ${tables} cascade`));
  if (staff.length === 0) return;
  // Put back as they were, unseen by the audit's triggers (not a change anyone made).
  await db.transaction(async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    await tx.insert(users).values(staff).onConflictDoNothing();
  });
}
