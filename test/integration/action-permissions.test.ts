/**
 * The authorization matrix of server actions: every action of the application's registry,
 * called directly (as a forged request would), by each role and anonymously. The roles
 * expected come from each action's own declaration, checked against DESIGN.md §5 below; an
 * exported action that escapes the registry fails the test.
 */
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import type { CurrentUser } from '@/lib/auth/current-user';
import type { Role } from '@/lib/auth/roles';
import { createTestDatabase, type TestDatabase } from '@/test/support/test-database';

let signedIn: CurrentUser | null = null;
vi.mock('@/lib/auth/current-user', () => ({ getCurrentUser: async () => signedIn }));
vi.mock('next-intl/server', () => {
  const t = Object.assign((key: string) => key, { has: () => true });
  return { getTranslations: async () => t, getLocale: async () => 'fr' };
});
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));

const ACTION_MODULES = {
  clients: () => import('@/app/(app)/clients/actions'),
  calls: () => import('@/app/(app)/calls/actions'),
  billing: () => import('@/app/(app)/billing/actions'),
  delivery: () => import('@/app/(app)/billing/delivery/actions'),
  tariffs: () => import('@/app/(app)/admin/tariffs/actions'),
  users: () => import('@/app/(app)/admin/users/actions'),
  settings: () => import('@/app/(app)/admin/settings/actions'),
};

/** DESIGN.md §5, by the prefix of the action's name. */
const EXPECTED: Record<string, readonly Role[]> = {
  clients: ['admin'],
  calls: ['admin', 'dispatcher'],
  billing: ['admin', 'billing'],
  delivery: ['admin', 'billing'],
  tariffs: ['admin'],
  users: ['admin'],
  settings: ['admin'],
};

let database: TestDatabase;
let registry: Map<
  string,
  { roles: readonly Role[]; action: (previous: unknown, formData: FormData) => Promise<{ status: string; code?: string }> }
>;
let exportedActions: unknown[];

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  const modules = await Promise.all(Object.values(ACTION_MODULES).map((load) => load()));
  exportedActions = modules.flatMap((module) => Object.values(module).filter((value) => typeof value === 'function'));
  registry = (await import('@/lib/actions/define-action')).actionRegistry as never;
});
afterAll(async () => {
  await globalThis.__appDatabase?.close();
  await database.drop();
});

const user = (role: Role): CurrentUser => ({ id: 1, name: role, email: `${role}@test.local`, role, locale: 'fr' });

test('every exported server action is in the registry, and each declares the roles of DESIGN.md §5', () => {
  const registered = new Set([...registry.values()].map((entry) => entry.action));
  expect(exportedActions.filter((action) => !registered.has(action as never))).toEqual([]);
  for (const [name, entry] of registry) {
    expect([...entry.roles].sort(), name).toEqual([...EXPECTED[name.split('.')[0]!]!].sort());
  }
});

describe.each(['admin', 'billing', 'dispatcher', null] as const)('called by %s', (role) => {
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
