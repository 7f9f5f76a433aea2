import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { queryRows } from '@/db/index';
import { auditLog, users } from '@/db/schema';
import { checkCredentials } from '@/lib/auth/credentials';
import { verifyPassword } from '@/lib/auth/password';
import type { Role } from '@/lib/auth/roles';
import { AppError } from '@/lib/errors';
import { changeUserRole, setUserActive } from '@/lib/users/change-user-access';
import { createUser } from '@/lib/users/create-user';
import { getUser, listUsers } from '@/lib/users/list-users';
import { resetUserPassword } from '@/lib/users/reset-user-password';
import { createUserInput } from '@/lib/users/user-input';
import { createTestDatabase, type TestDatabase } from '@/test/support/test-database';
import { refusal } from '@/test/support/fixtures';

let database: TestDatabase;

async function insertUser(email: string, role: Role, isActive = true): Promise<number> {
  const [user] = await database.db
    .insert(users)
    .values({ email, name: email.split('@')[0]!, passwordHash: 'x', role, isActive })
    .returning();
  return user!.id;
}

async function activeAdminEmails(): Promise<string[]> {
  const rows = await database.db
    .select({ email: users.email })
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.isActive, true)))
    .orderBy(asc(users.email));
  return rows.map((r) => r.email);
}

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

beforeEach(async () => {
  // TRUNCATE fires no row trigger: the log starts empty.
  await database.db.execute(sql`truncate audit_log, sign_in_attempts, users, invoice_lines cascade`);
});

describe('creating a user', () => {
  test('the e-mail is normalized, the password stored as a hash that verifies, the creation audited', async () => {
    const adminId = await insertUser('admin@test.local', 'admin');
    const input = createUserInput.parse({
      name: 'Marie Tremblay',
      email: ' Marie@Exemple.CA ',
      role: 'billing',
      locale: 'en',
      password: 'mot-de-passe-1',
    });
    const { id, email } = await createUser(database.db, adminId, input);
    expect(email).toBe('marie@exemple.ca');

    const [stored] = await database.db.select().from(users).where(eq(users.id, id));
    expect(stored).toMatchObject({ name: 'Marie Tremblay', role: 'billing', locale: 'en', isActive: true });
    expect(stored!.passwordHash).not.toContain('mot-de-passe-1');
    expect(await verifyPassword(stored!.passwordHash, 'mot-de-passe-1')).toBe(true);
    expect(await checkCredentials(database.db, 'MARIE@exemple.ca', 'mot-de-passe-1')).toMatchObject({ ok: true });

    const audit = await database.db.select().from(auditLog).where(eq(auditLog.entityKey, 'marie@exemple.ca'));
    expect(audit).toEqual([expect.objectContaining({ field: 'created', newValue: 'Marie Tremblay', userId: adminId })]);
  });

  test('an e-mail already used (in any case) is a field error, and nothing is saved', async () => {
    const adminId = await insertUser('admin@test.local', 'admin');
    const input = createUserInput.parse({
      name: 'Copie',
      email: 'ADMIN@test.local',
      role: 'dispatcher',
      locale: 'fr',
      password: 'mot-de-passe-1',
    });
    const error = await refusal(createUser(database.db, adminId, input));
    expect(error.code).toBe('user.emailTaken');
    expect(error.fieldErrors).toEqual({ email: ['user.emailTaken'] });
    expect((await listUsers(database.db)).map((u) => u.name)).toEqual(['admin']);
    expect(await database.db.select().from(auditLog).where(eq(auditLog.userId, adminId))).toEqual([]);
  });

  test('the list and the detail never carry the password hash', async () => {
    const id = await insertUser('admin@test.local', 'admin');
    const [listed] = await listUsers(database.db);
    expect(Object.keys(listed!).sort()).toEqual(['createdAt', 'email', 'id', 'isActive', 'locale', 'name', 'role']);
    expect(Object.keys((await getUser(database.db, id))!)).not.toContain('passwordHash');
  });
});

describe('roles, activation and passwords', () => {
  let adminId: number;
  let clerkId: number;

  beforeEach(async () => {
    adminId = await insertUser('admin@test.local', 'admin');
    clerkId = await insertUser('commis@test.local', 'billing');
  });

  test('promoting the clerk to administrator is audited: role billing → admin, by the administrator', async () => {
    await changeUserRole(database.db, adminId, clerkId, 'admin');
    expect(await activeAdminEmails()).toEqual(['admin@test.local', 'commis@test.local']);
    const [row] = await database.db.select().from(auditLog).where(eq(auditLog.field, 'role'));
    expect(row).toMatchObject({ entity: 'user', entityKey: 'commis@test.local', oldValue: 'billing', newValue: 'admin', userId: adminId });
  });

  test('a deactivated user cannot sign in; reactivated, they can again', async () => {
    await resetUserPassword(database.db, adminId, clerkId, 'nouveau-secret');
    await setUserActive(database.db, adminId, clerkId, false);
    expect(await checkCredentials(database.db, 'commis@test.local', 'nouveau-secret')).toEqual({ ok: false, reason: 'invalid' });
    await setUserActive(database.db, adminId, clerkId, true);
    expect(await checkCredentials(database.db, 'commis@test.local', 'nouveau-secret')).toMatchObject({ ok: true });
  });

  test('a password reset replaces the password; the audit log shows *** → ***, never the hash', async () => {
    await resetUserPassword(database.db, adminId, clerkId, 'premier-secret');
    await resetUserPassword(database.db, adminId, clerkId, 'second-secret');
    expect(await checkCredentials(database.db, 'commis@test.local', 'premier-secret')).toEqual({ ok: false, reason: 'invalid' });
    expect(await checkCredentials(database.db, 'commis@test.local', 'second-secret')).toMatchObject({ ok: true });
    const rows = await database.db.select().from(auditLog).where(eq(auditLog.field, 'password_hash'));
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.oldValue === '***' && r.newValue === '***' && r.userId === adminId)).toBe(true);
  });

  test('an unknown user is refused', async () => {
    expect((await refusal(changeUserRole(database.db, adminId, 999_999, 'billing'))).code).toBe('user.notFound');
    expect((await refusal(resetUserPassword(database.db, adminId, 999_999, 'nouveau-secret'))).code).toBe('user.notFound');
  });
});

describe('nobody is ever locked out', () => {
  test('the last active administrator cannot be demoted nor deactivated, neither by themself nor by a former administrator', async () => {
    const adminId = await insertUser('admin@test.local', 'admin');
    // An administrator who was deactivated a moment ago, still holding a request that passed the role check.
    const formerId = await insertUser('ancien@test.local', 'admin', false);
    expect((await refusal(changeUserRole(database.db, adminId, adminId, 'billing'))).code).toBe('user.cannotDemoteSelf');
    expect((await refusal(setUserActive(database.db, adminId, adminId, false))).code).toBe('user.cannotDeactivateSelf');
    expect((await refusal(changeUserRole(database.db, formerId, adminId, 'billing'))).code).toBe('user.lastAdmin');
    expect((await refusal(setUserActive(database.db, formerId, adminId, false))).code).toBe('user.lastAdmin');
    expect(await activeAdminEmails()).toEqual(['admin@test.local']);
    expect(
      await database.db
        .select()
        .from(auditLog)
        .where(inArray(auditLog.field, ['role', 'is_active'])),
    ).toEqual([]);
  });

  test('with two administrators, one cannot demote or deactivate themself, but may the other', async () => {
    const first = await insertUser('premiere@test.local', 'admin');
    const second = await insertUser('seconde@test.local', 'admin');
    expect((await refusal(changeUserRole(database.db, first, first, 'dispatcher'))).code).toBe('user.cannotDemoteSelf');
    expect((await refusal(setUserActive(database.db, first, first, false))).code).toBe('user.cannotDeactivateSelf');
    await setUserActive(database.db, first, second, false);
    expect(await activeAdminEmails()).toEqual(['premiere@test.local']);
    // Now the last one: the deactivated one cannot be used to demote her either.
    expect((await refusal(changeUserRole(database.db, second, first, 'billing'))).code).toBe('user.lastAdmin');
  });

  test('an administrator demoted a moment ago can no longer change roles', async () => {
    const first = await insertUser('premiere@test.local', 'admin');
    const second = await insertUser('seconde@test.local', 'admin');
    const clerk = await insertUser('commis@test.local', 'billing');
    await changeUserRole(database.db, first, second, 'billing');
    expect((await refusal(changeUserRole(database.db, second, clerk, 'admin'))).code).toBe('forbidden');
  });

  /** Holds the active administrators' rows until both operations wait for them, then lets both go at once. */
  async function raceOnAdminRows<T>(operations: () => Promise<T>[]): Promise<PromiseSettledResult<T>[]> {
    const blocker = postgres(database.url, { max: 1, onnotice: () => {} });
    try {
      let results: Promise<PromiseSettledResult<T>[]> | undefined;
      await blocker.begin(async (tx) => {
        await tx`select id from users where role = 'admin' and is_active for update`;
        results = Promise.allSettled(operations());
        for (let attempt = 0; ; attempt++) {
          const [row] = await queryRows<{ n: number | string }>(
            database.db,
            sql`select count(*) as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
          );
          if (Number(row?.n) >= 2) break;
          if (attempt > 200) throw new Error('the two operations never waited for the lock');
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
      });
      return await results!;
    } finally {
      await blocker.end();
    }
  }

  test('the only two administrators demoting each other at the same moment: one succeeds, one administrator remains', async () => {
    const first = await insertUser('premiere@test.local', 'admin');
    const second = await insertUser('seconde@test.local', 'admin');
    const results = await raceOnAdminRows(() => [
      changeUserRole(database.db, first, second, 'billing'),
      changeUserRole(database.db, second, first, 'dispatcher'),
    ]);

    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(rejected?.reason).toBeInstanceOf(AppError);
    expect(['user.lastAdmin', 'forbidden']).toContain((rejected!.reason as AppError).code);
    expect(await activeAdminEmails()).toHaveLength(1);
  });

  test('one deactivates the other while the other demotes the first: one administrator remains', async () => {
    const first = await insertUser('premiere@test.local', 'admin');
    const second = await insertUser('seconde@test.local', 'admin');
    const results = await raceOnAdminRows(() => [
      setUserActive(database.db, first, second, false),
      changeUserRole(database.db, second, first, 'billing'),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await activeAdminEmails()).toHaveLength(1);
  });
});
