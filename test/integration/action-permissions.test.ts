/**
 * The authorization matrix of server actions: every action of the application's registry,
 * called directly (as a forged request would), by each role and anonymously. The roles
 * expected come from each action's own declaration, checked against the role sets of
 * docs/business-rules.md (Roles and permissions) below. The action modules are found on disk
 * (every `actions.ts` under app/ and lib/): an exported action that escapes the registry, or
 * an anonymous action nobody expected, fails the test.
 */
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import type { CurrentUser } from '@/lib/auth/current-user';
import { ADMIN, ALL_ROLES, BILLING, CALL_TAKERS, PORTAL, SIGNED_IN, type Role } from '@/lib/auth/roles';
import { findActionModules, importActionModule } from '@/test/support/action-modules';
import { createTestDatabase, type TestDatabase } from '@/test/support/test-database';

let signedIn: CurrentUser | null = null;
vi.mock('@/lib/auth/current-user', () => ({ getCurrentUser: async () => signedIn, forgetCurrentUser: async () => undefined }));
// The sign-in module (Auth.js) cannot load outside Next.js; its actions are only listed here.
vi.mock('@/lib/auth/index', () => ({ signIn: async () => undefined, signOut: async () => undefined }));
vi.mock('next-auth', () => ({ AuthError: class AuthError extends Error {} }));
vi.mock('next-intl/server', () => {
  const t = Object.assign((key: string) => key, { has: () => true });
  return { getTranslations: async () => t, getLocale: async () => 'fr' };
});
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));
vi.mock('next/headers', () => ({
  cookies: async () => ({ get: () => undefined, set: () => undefined }),
  headers: async () => new Headers(),
}));

/** The role sets of docs/business-rules.md, by the prefix of the action's name. */
const EXPECTED: Record<string, readonly Role[]> = {
  account: SIGNED_IN,
  clients: ADMIN,
  calls: CALL_TAKERS,
  billing: BILLING,
  delivery: BILLING,
  statements: BILLING,
  tariffs: ADMIN,
  users: ADMIN,
  settings: ADMIN,
  receivables: BILLING,
  apiTokens: ADMIN,
  accounting: BILLING,
  accountingMapping: ADMIN,
  // The import is a streamed upload to a route handler, not an action (import.test.ts tests its role check).
  import: ADMIN,
  // A client's access to the portal, from its page; the portal user's own actions.
  portalAccess: BILLING,
  portal: PORTAL,
};
/** The actions that run without a signed-in user, each on purpose. */
const EXPECTED_ANONYMOUS = ['account.setSignInLocale', 'auth.signIn', 'auth.signOut', 'portalInvitation.accept'];

let database: TestDatabase;
let registry: Map<
  string,
  { roles: readonly Role[]; action: (previous: unknown, formData: FormData) => Promise<{ status: string; code?: string }> }
>;
let anonymous: Map<string, unknown>;
let exportedActions: { module: string; name: string; action: unknown }[];

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  const files = findActionModules();
  const modules = await Promise.all(files.map(async (file) => ({ file, module: await importActionModule(file) })));
  exportedActions = modules.flatMap(({ file, module }) =>
    Object.entries(module)
      .filter(([, value]) => typeof value === 'function')
      .map(([name, action]) => ({ module: file, name, action })),
  );
  const pipeline = await import('@/actions/define-action');
  registry = pipeline.actionRegistry as never;
  anonymous = pipeline.anonymousActions;
});
afterAll(async () => {
  await globalThis.__appDatabase?.close();
  await database.drop();
});

const user = (role: Role): CurrentUser => ({
  id: 1,
  name: role,
  email: `${role}@test.local`,
  role,
  locale: 'fr',
  portalClientNumber: role === 'portal' ? 12345 : null,
});

test('the action modules are found on disk, among them those of every area', () => {
  expect(findActionModules()).toEqual(
    expect.arrayContaining(['actions/clients.ts', 'actions/delivery.ts', 'actions/sign-in.ts', 'actions/locale.ts']),
  );
  // Every one of them in the actions layer.
  expect(findActionModules().filter((file) => !file.startsWith('actions/'))).toEqual([]);
});

test('every exported server action is in the registry, and each declares the role set of its area', () => {
  const known = new Set<unknown>([...[...registry.values()].map((entry) => entry.action), ...anonymous.values()]);
  expect(exportedActions.filter(({ action }) => !known.has(action)).map(({ module, name }) => `${module}: ${name}`)).toEqual([]);
  expect([...anonymous.keys()].sort()).toEqual(EXPECTED_ANONYMOUS);
  for (const [name, entry] of registry) {
    expect(EXPECTED[name.split('.')[0]!], name).toBeDefined();
    expect([...entry.roles].sort(), name).toEqual([...EXPECTED[name.split('.')[0]!]!].sort());
  }
});

describe.each([...ALL_ROLES, null])('called by %s', (role) => {
  test('each action refuses whom it must, before reading the request', async () => {
    signedIn = role ? user(role) : null;
    for (const [name, entry] of registry) {
      const result = await entry.action(undefined, new FormData());
      if (role === null) expect(result.code, name).toBe('unauthenticated');
      else if (entry.roles.includes(role)) expect(['forbidden', 'unauthenticated'], name).not.toContain(result.code);
      else expect(result.code, name).toBe('forbidden');
    }
  });
});
