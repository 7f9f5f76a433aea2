/**
 * Hostile input, property-based (fast-check): every server action of the registry, called by a
 * role allowed to use it, with forms full of random strings, huge numbers, unicode, SQL and
 * HTML injection and forged numbers. Every case must end in a field error, a clean refusal or
 * a normal outcome — never an unexpected failure (what would be a 500), never a script echoed.
 */
import fc from 'fast-check';
import { isRedirectError } from 'next/dist/client/components/redirect-error';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import type { CurrentUser } from '@/lib/auth/current-user';
import type { Role } from '@/lib/auth/roles';
import { findActionModules, importActionModule } from '@/test/support/action-modules';
import { loadGoldenScenario } from '@/test/support/golden-scenario';
import { createTestDatabase, type TestDatabase } from '@/test/support/test-database';

let signedIn: CurrentUser | null = null;
vi.mock('@/lib/auth/current-user', () => ({ getCurrentUser: async () => signedIn, forgetCurrentUser: async () => undefined }));
vi.mock('next-intl/server', () => {
  const t = Object.assign((key: string, params?: Record<string, unknown>) => `${key} ${JSON.stringify(params ?? {})}`, { has: () => true });
  return { getTranslations: async () => t, getLocale: async () => 'fr' };
});
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));
vi.mock('next/headers', () => ({
  cookies: async () => ({ get: () => undefined, set: () => undefined }),
  headers: async () => new Headers(),
}));
// The sign-in module (Auth.js) cannot load outside Next.js; its actions are only listed here.
vi.mock('@/lib/auth/index', () => ({ signIn: async () => undefined, signOut: async () => undefined }));
vi.mock('next-auth', () => ({ AuthError: class AuthError extends Error {} }));

const FIELDS = [
  'number',
  'name',
  'addressLine1',
  'city',
  'province',
  'postalCode',
  'invoiceEmails',
  'language',
  'deliveryMethod',
  'paymentTermsDays',
  'billingCycle',
  'gstExempt',
  'gstExemptionNumber',
  'tariffId',
  'discountPercent',
  'groupedClientNumber',
  'isActive',
  'clientNumber',
  'head',
  'numbers',
  'member',
  'serviceDate',
  'serviceTime',
  'caller',
  'pickupAddress',
  'destinationAddress',
  'distanceKm',
  'waitingMinutes',
  'serviceType',
  'status',
  'cutoff',
  'cycle',
  'clientFrom',
  'clientTo',
  'isGrouped',
  'confirmed',
  'id',
  'invoiceNumber',
  'lineIds',
  'amount',
  'reason',
  'runId',
  'from',
  'to',
  'method',
  'code',
  'baseAmount',
  'perKm',
  'perMinute',
  'minimumCharge',
  'email',
  'role',
  'password',
  'locale',
  'userId',
  'gstNumber',
  'qstNumber',
];
const hostileValue = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom(
    '12345',
    '12346',
    '20001',
    '1',
    '0',
    '-1',
    '99999999999999999999',
    '1e308',
    'NaN',
    '12,345',
    '1 234,56',
    '2026-02-30',
    '2026-10-31',
    '<script>alert(1)</script>',
    "'; drop table clients; --",
    '" or 1=1 --',
    '\u0000',
    '%',
    '_',
    'on',
    'true',
    'admin',
    'grouped',
    'email',
  ),
  fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map(String),
  fc.string({ minLength: 5000, maxLength: 20000 }),
);
/** A form that would pass for most actions, so that hostile values reach the deeper paths too. */
const PLAUSIBLE: Record<string, string> = {
  number: '50010',
  name: 'Client essai',
  addressLine1: '1, rue A',
  city: 'Montréal',
  province: 'QC',
  postalCode: 'H2X 1Y4',
  language: 'fr',
  deliveryMethod: 'print',
  paymentTermsDays: '30',
  billingCycle: 'monthly',
  tariffId: '1',
  discountPercent: '0',
  isActive: 'on',
  clientNumber: '12346',
  head: '12345',
  numbers: '20001',
  member: '12346',
  serviceDate: '2026-10-10',
  serviceTime: '10:00',
  pickupAddress: 'A',
  destinationAddress: 'B',
  distanceKm: '5',
  waitingMinutes: '0',
  serviceType: 'standard',
  status: 'dispatched',
  cutoff: '2026-10-31',
  cycle: 'all',
  confirmed: '',
  id: '1',
  invoiceNumber: '1',
  amount: '1',
  reason: 'Essai',
  runId: '1',
  method: 'email',
  code: 'TST',
  baseAmount: '1',
  perKm: '1',
  perMinute: '1',
  minimumCharge: '0',
  email: 'essai@exemple.ca',
  role: 'dispatcher',
  password: 'motdepasse123',
  locale: 'fr',
  userId: '1',
  gstNumber: '123456789RT0001',
  qstNumber: '1234567890TQ0001',
};
const hostileForm = fc.oneof(
  fc.dictionary(fc.constantFrom(...FIELDS), hostileValue, { maxKeys: 12 }),
  fc.dictionary(fc.constantFrom(...FIELDS), hostileValue, { minKeys: 1, maxKeys: 3 }).map((hostile) => ({ ...PLAUSIBLE, ...hostile })),
);

let database: TestDatabase;
let registry: Map<
  string,
  {
    roles: readonly Role[];
    action: (
      previous: unknown,
      formData: FormData,
    ) => Promise<{ status: string; code?: string; message?: string; fieldErrors?: Record<string, string[]> }>;
  }
>;

beforeAll(async () => {
  database = await createTestDatabase();
  await loadGoldenScenario(database.db);
  process.env.DATABASE_URL = database.url;
  await Promise.all(findActionModules().map(importActionModule));
  registry = (await import('@/actions/define-action')).actionRegistry as never;
});
afterAll(async () => {
  await globalThis.__appDatabase?.close();
  await database.drop();
});

test('no hostile form makes any action fail unexpectedly or echo a script', async () => {
  const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  for (const [name, entry] of registry) {
    signedIn = { id: 1, name: 'Test', email: 'test@test.local', role: entry.roles[0]!, locale: 'fr', portalClientNumber: 12345 };
    await fc.assert(
      fc.asyncProperty(hostileForm, async (fields) => {
        const form = new FormData();
        for (const [key, value] of Object.entries(fields)) form.append(key, value);
        let result: Awaited<ReturnType<typeof entry.action>>;
        try {
          result = await entry.action(undefined, form);
        } catch (error) {
          if (isRedirectError(error)) return; // a valid form that saved and moved on
          throw error;
        }
        expect(result.code, `${name} ${JSON.stringify(fields).slice(0, 300)}`).not.toBe('unexpected');
        expect(JSON.stringify(result)).not.toContain('<script');
      }),
      { numRuns: 60, seed: 20261129 },
    );
  }
  expect(errors.mock.calls.map((call) => String(call[0]))).toEqual([]);
  errors.mockRestore();
}, 300_000);
