/**
 * A session is the user's only while the user is what it was opened for (docs/business-rules.md,
 * Roles and permissions): a password changed — by an administrator, or by any other path, a
 * script or psql — or a deactivation ends every session opened before, at its next request, and a
 * reactivation does not bring them back; a change of role keeps them, with the new role. The
 * session is read from its cookie as Auth.js encrypts it, opened by the same check of the password
 * as the sign-in form.
 */
import { eq, sql } from 'drizzle-orm';
import { encode } from 'next-auth/jwt';
import { afterAll, beforeAll, beforeEach, expect, test, vi } from 'vitest';
import { users } from '@/db/schema';
import { SESSION_MAX_AGE_SECONDS } from '@/lib/auth/config';
import { checkCredentials } from '@/lib/auth/credentials';
import { hashPassword } from '@/lib/auth/password';
import { changeUserRole, setUserActive } from '@/lib/users/change-user-access';
import { resetUserPassword } from '@/lib/users/reset-user-password';
import { setUserLocale } from '@/lib/users/set-user-locale';
import { createTestDatabase, type TestDatabase } from '@/test/support/test-database';

/** The claims of a session cookie, as Auth.js's jwt callback writes them at sign-in (lib/auth/config.ts). */
type Session = { sub: string; role: string; sessionVersion?: number };
const COOKIE = 'authjs.session-token';
/** The cookies the next request carries; its headers, one object per request. */
let cookieJar = new Map<string, string>();
let requestHeaders = new Headers();
vi.mock('next/headers', () => ({
  headers: async () => requestHeaders,
  cookies: async () => ({
    get: (name: string) => (cookieJar.has(name) ? { name, value: cookieJar.get(name)! } : undefined),
    getAll: () => [...cookieJar].map(([name, value]) => ({ name, value })),
  }),
}));

let database: TestDatabase;
let adminId: number;
let dispatcherId: number;
let getCurrentUser: typeof import('@/lib/auth/current-user').getCurrentUser;

/** Signs in as the sign-in form does and returns the session it opens. */
async function signIn(email: string, password: string): Promise<Session> {
  const result = await checkCredentials(database.db, email, password);
  if (!result.ok) throw new Error(`sign-in refused: ${result.reason}`);
  const { id, role, sessionVersion } = result.user;
  return { sub: String(id), role, sessionVersion };
}

/** The cookie Auth.js sets for `session`: encrypted with the application's secret, ending after `maxAge` seconds. */
const cookieOf = (session: Session, options: { secret?: string; name?: string; maxAge?: number } = {}) =>
  encode({
    token: session,
    secret: options.secret ?? process.env.AUTH_SECRET!,
    salt: options.name ?? COOKIE,
    maxAge: options.maxAge ?? SESSION_MAX_AGE_SECONDS,
  });

/** Who the next request made with `session`'s cookie is for: the user's e-mail and role, or null (sent to the sign-in page). */
async function nextRequestWith(session: Session | null, options: Parameters<typeof cookieOf>[1] = {}): Promise<string | null> {
  cookieJar = new Map(session ? [[options.name ?? COOKIE, await cookieOf(session, options)]] : []);
  requestHeaders = new Headers();
  const user = await getCurrentUser();
  return user ? `${user.email} ${user.role}` : null;
}

beforeAll(async () => {
  process.env.AUTH_SECRET ??= 'secret-des-sessions-de-ce-test-0123456789';
  database = await createTestDatabase();
  globalThis.__appDatabase = database;
  const passwordHash = await hashPassword('mot-de-passe-du-quart');
  const [admin, dispatcher] = await database.db
    .insert(users)
    .values([
      { email: 'admin@test.local', name: 'Administratrice', role: 'admin', passwordHash },
      { email: 'repartition@test.local', name: 'Répartiteur', role: 'dispatcher', passwordHash },
    ])
    .returning();
  adminId = admin!.id;
  dispatcherId = dispatcher!.id;
  ({ getCurrentUser } = await import('@/lib/auth/current-user'));
});
afterAll(async () => {
  globalThis.__appDatabase = undefined;
  await database.drop();
});
beforeEach(async () => {
  await database.db.update(users).set({ role: 'dispatcher', isActive: true }).where(eq(users.id, dispatcherId));
});

test('an administrator resets a dispatcher’s password: the dispatcher’s open sessions end at their next request; the new password opens one', async () => {
  const [desk, phone] = [
    await signIn('repartition@test.local', 'mot-de-passe-du-quart'),
    await signIn('repartition@test.local', 'mot-de-passe-du-quart'),
  ];
  expect(await nextRequestWith(desk)).toBe('repartition@test.local dispatcher');

  await resetUserPassword(database.db, adminId, dispatcherId, 'nouveau-mot-de-passe');
  expect(await nextRequestWith(desk)).toBeNull();
  expect(await nextRequestWith(phone)).toBeNull();
  const renewed = await signIn('repartition@test.local', 'nouveau-mot-de-passe');
  expect(await nextRequestWith(renewed)).toBe('repartition@test.local dispatcher');
});

test('a password changed outside the application (a script, psql) ends the sessions as well', async () => {
  await resetUserPassword(database.db, adminId, dispatcherId, 'mot-de-passe-du-quart');
  const session = await signIn('repartition@test.local', 'mot-de-passe-du-quart');
  const passwordHash = await hashPassword('mot-de-passe-du-script');
  await database.db.execute(sql`update users set password_hash = ${passwordHash} where email = 'repartition@test.local'`);
  expect(await nextRequestWith(session)).toBeNull();
});

test('deactivated, the user’s sessions end; reactivated, the sessions of before stay ended and a new sign-in opens one', async () => {
  await resetUserPassword(database.db, adminId, dispatcherId, 'mot-de-passe-du-quart');
  const session = await signIn('repartition@test.local', 'mot-de-passe-du-quart');
  await setUserActive(database.db, adminId, dispatcherId, false);
  expect(await nextRequestWith(session)).toBeNull();
  await setUserActive(database.db, adminId, dispatcherId, true);
  expect(await nextRequestWith(session)).toBeNull();
  expect(await nextRequestWith(await signIn('repartition@test.local', 'mot-de-passe-du-quart'))).toBe('repartition@test.local dispatcher');
});

test('a change of role, of language or of name keeps the sessions, each next request with the role of the moment', async () => {
  await resetUserPassword(database.db, adminId, dispatcherId, 'mot-de-passe-du-quart');
  const session = await signIn('repartition@test.local', 'mot-de-passe-du-quart');
  await changeUserRole(database.db, adminId, dispatcherId, 'billing');
  expect(await nextRequestWith(session)).toBe('repartition@test.local billing');
  await setUserLocale(database.db, dispatcherId, 'en');
  await database.db.update(users).set({ name: 'Répartiteur de soir' }).where(eq(users.id, dispatcherId));
  expect(await nextRequestWith(session)).toBe('repartition@test.local billing');
});

test('a session that carries no version, or a version the user never had, is no one’s', async () => {
  expect(await nextRequestWith({ sub: String(adminId), role: 'admin' })).toBeNull();
  const [admin] = await database.db.select().from(users).where(eq(users.id, adminId));
  expect(await nextRequestWith({ sub: String(adminId), role: 'admin', sessionVersion: admin!.sessionVersion + 1 })).toBeNull();
  expect(await nextRequestWith({ sub: String(adminId), role: 'admin', sessionVersion: admin!.sessionVersion })).toBe(
    'admin@test.local admin',
  );
});

test('a session cookie past its end, encrypted with another secret, or altered is no one’s; over HTTPS the cookie carries the __Secure- prefix', async () => {
  const session = await signIn('admin@test.local', 'mot-de-passe-du-quart');
  expect(await nextRequestWith(session)).toBe('admin@test.local admin');
  expect(await nextRequestWith(session, { name: '__Secure-authjs.session-token' })).toBe('admin@test.local admin');
  // Expired a minute ago (beyond the 15 s tolerance for clocks).
  expect(await nextRequestWith(session, { maxAge: -60 })).toBeNull();
  expect(await nextRequestWith(session, { secret: 'un-autre-secret-que-celui-de-l-application' })).toBeNull();
  const cookie = await cookieOf(session);
  cookieJar = new Map([[COOKIE, `${cookie.slice(0, -4)}AAAA`]]);
  requestHeaders = new Headers();
  expect(await getCurrentUser()).toBeNull();
  expect(await nextRequestWith(null)).toBeNull();
});

test('a request reads its user once, however many parts of it ask; a deactivation during it takes effect at the next request', async () => {
  const session = await signIn('repartition@test.local', 'mot-de-passe-du-quart');
  expect(await nextRequestWith(session)).toBe('repartition@test.local dispatcher');
  await setUserActive(database.db, adminId, dispatcherId, false);
  // The same request (its headers), asking again: the layout, then the page, then a translation.
  expect((await getCurrentUser())?.email).toBe('repartition@test.local');
  expect(await nextRequestWith(session)).toBeNull();
});

test('a cookie read before is refused once its shift is over, as one never read', async () => {
  const session = await signIn('repartition@test.local', 'mot-de-passe-du-quart');
  cookieJar = new Map([[COOKIE, await cookieOf(session)]]);
  requestHeaders = new Headers();
  expect((await getCurrentUser())?.email).toBe('repartition@test.local');
  vi.useFakeTimers({ toFake: ['Date'] });
  try {
    vi.setSystemTime(Date.now() + (SESSION_MAX_AGE_SECONDS + 60) * 1000);
    requestHeaders = new Headers();
    expect(await getCurrentUser()).toBeNull();
  } finally {
    vi.useRealTimers();
  }
});
