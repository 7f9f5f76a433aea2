import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { signInAttempts, users } from '@/db/schema';
import { checkCredentials, MAX_FAILED_ATTEMPTS } from '@/lib/auth/credentials';
import { hashPassword } from '@/lib/auth/password';
import { createTestDatabase, type TestDatabase } from '@/test/support/test-database';

describe('checking a sign-in', () => {
  let database: TestDatabase;
  const now = new Date('2026-11-02T14:00:00Z');
  const minutesLater = (minutes: number) => new Date(now.getTime() + minutes * 60_000);

  beforeAll(async () => {
    database = await createTestDatabase();
    const passwordHash = await hashPassword('bon-mot-de-passe');
    await database.db.insert(users).values([
      { email: 'commis@test.local', name: 'Commis', role: 'billing', passwordHash },
      { email: 'parti@test.local', name: 'Parti', role: 'dispatcher', passwordHash, isActive: false },
      { email: 'cible@test.local', name: 'Cible', role: 'admin', passwordHash },
    ]);
  });
  afterAll(() => database.drop());

  test('the right password, whatever the case of the e-mail, signs in with the role', async () => {
    const result = await checkCredentials(database.db, '  Commis@Test.LOCAL ', 'bon-mot-de-passe', now);
    expect(result).toEqual({ ok: true, user: expect.objectContaining({ email: 'commis@test.local', role: 'billing' }) });
  });

  test('a wrong password, an unknown e-mail and a deactivated user are refused alike', async () => {
    expect(await checkCredentials(database.db, 'commis@test.local', 'mauvais', now)).toEqual({ ok: false, reason: 'invalid' });
    expect(await checkCredentials(database.db, 'inconnu@test.local', 'bon-mot-de-passe', now)).toEqual({ ok: false, reason: 'invalid' });
    expect(await checkCredentials(database.db, 'parti@test.local', 'bon-mot-de-passe', now)).toEqual({ ok: false, reason: 'invalid' });
  });

  test(`after ${MAX_FAILED_ATTEMPTS} failures in 15 minutes even the right password is refused, until the window has passed`, async () => {
    for (let i = 0; i < MAX_FAILED_ATTEMPTS; i++) {
      expect(await checkCredentials(database.db, 'cible@test.local', `essai-${i}`, minutesLater(i))).toMatchObject({ reason: 'invalid' });
    }
    expect(await checkCredentials(database.db, 'cible@test.local', 'bon-mot-de-passe', minutesLater(5))).toEqual({
      ok: false,
      reason: 'rate_limited',
    });
    expect(await checkCredentials(database.db, 'cible@test.local', 'bon-mot-de-passe', minutesLater(16))).toMatchObject({ ok: true });
  });

  test('every attempt is recorded in the database, so every instance counts the same failures', async () => {
    const [recorded] = await database.db.select({ n: count() }).from(signInAttempts).where(eq(signInAttempts.email, 'cible@test.local'));
    // 5 failures + 1 success; the refused attempt during the lock-out is not counted again.
    expect(recorded!.n).toBe(MAX_FAILED_ATTEMPTS + 1);
  });
});
