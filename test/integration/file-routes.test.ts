/**
 * The wrapper of the file routes (lib/actions/define-file-route.ts), through the application's
 * own routes and through routes declared here for what none of them does on demand (an
 * unexpected failure, a database lost after the user was read): whatever stops a file answers a
 * short text in the signed-in user's language, with its status, and never the error's own text.
 */
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { z } from 'zod';
import { openPostgres, type AppDatabase } from '@/db/index';
import { companySettings, invoices, users } from '@/db/schema';
import { defineFileRoute, SCREEN_OF_SCRIPT_ROUTE } from '@/actions/define-file-route';
import { ROUTE_ROLES } from '@/lib/auth/permissions';
import { billingInput } from '@/lib/billing/billing-input';
import { generateInvoices } from '@/lib/billing/generate-invoices';
import { AppError } from '@/lib/errors';
import { en } from '@/lib/i18n/messages/en/index';
import { fr } from '@/lib/i18n/messages/fr/index';
import { loadGoldenScenario } from '@/test/support/golden-scenario';
import { createTestDatabase, type TestDatabase } from '@/test/support/test-database';

let session: { userId: number; sessionVersion: number } | null = null;
let localeCookie: string | undefined;
vi.mock('@/lib/auth/session-token', () => ({ readSessionClaims: async () => session }));
vi.mock('next/headers', () => ({
  cookies: async () => ({ get: (name: string) => (name === 'locale' && localeCookie ? { value: localeCookie } : undefined) }),
  headers: async () => new Headers(),
}));
vi.mock('next-intl/server', async () => {
  const { createTranslator } = await import('next-intl');
  const { fr: messages } = await import('@/lib/i18n/messages/fr/index');
  return {
    getTranslations: async (namespace?: 'errors') => createTranslator({ locale: 'fr', messages, namespace }),
    getLocale: async () => 'fr',
  };
});

const OTHER_SITE = { host: 'localhost', origin: 'https://ailleurs.example' };
const THIS_SITE = { host: 'localhost', origin: 'http://localhost' };

let database: TestDatabase;
/** A database server that is not there: every query fails as when the connection is lost. */
let unreachable: AppDatabase;
type Session = { userId: number; sessionVersion: number };
let signedIn: Record<'admin' | 'adminEn' | 'clerkEn', Session>;
let invoiceNumber: number;

beforeAll(async () => {
  database = await createTestDatabase();
  globalThis.__appDatabase = database;
  const { clerkId } = await loadGoldenScenario(database.db);
  const created = await database.db
    .insert(users)
    .values([
      { email: 'admin@routes.local', name: 'Administratrice', role: 'admin', passwordHash: 'x' },
      { email: 'admin-en@routes.local', name: 'Administrator', role: 'admin', passwordHash: 'x', locale: 'en' },
      { email: 'clerk-en@routes.local', name: 'Clerk', role: 'billing', passwordHash: 'x', locale: 'en' },
    ])
    .returning();
  const [admin, adminEn, clerkEn] = created.map((user) => ({ userId: user.id, sessionVersion: user.sessionVersion }));
  signedIn = { admin: admin!, adminEn: adminEn!, clerkEn: clerkEn! };
  await generateInvoices(database.db, clerkId, billingInput.parse({ cutoff: '2026-10-31', cycle: 'all' }), '2026-11-01');
  const [invoice] = await database.db.select().from(invoices).orderBy(invoices.number).limit(1);
  invoiceNumber = invoice!.number;
  unreachable = openPostgres('postgres://nobody:nothing@127.0.0.1:1/nothing', { max: 1 });
});

afterEach(() => {
  globalThis.__appDatabase = database;
  localeCookie = undefined;
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

afterAll(async () => {
  globalThis.__appDatabase = undefined;
  await unreachable?.close();
  await database.drop();
});

type Handler = (request: Request, context?: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function call(handler: Handler, path: string, init: RequestInit = {}, params: Record<string, string> = {}) {
  return handler(new Request(new URL(path, 'http://localhost'), init), { params: Promise.resolve(params) });
}

/** A route's refusal: its status, its text, and that it is a short uncached text. */
async function refusalOf(response: Response) {
  expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
  expect(response.headers.get('cache-control')).toBe('no-store');
  return { status: response.status, text: await response.text() };
}

function form(fields: Record<string, string>): FormData {
  const body = new FormData();
  for (const [key, value] of Object.entries(fields)) body.set(key, value);
  return body;
}

const routes = {
  importExport: async () => (await import('@/app/(app)/admin/import/export/route')).GET as Handler,
  billingExport: async () => (await import('@/app/(app)/billing/export/route')).GET as Handler,
  invoicePdf: async () => (await import('@/app/(app)/invoices/[number]/pdf/route')).GET as Handler,
  upload: async () => (await import('@/app/(app)/admin/import/upload/route')).POST as Handler,
};

describe('who may ask', () => {
  test('a role the file route does not allow: a browser is sent to its screen (which answers 403), a script gets the plain 403', async () => {
    vi.stubEnv('__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS', 'true'); // next.config.js's experimental.authInterrupts
    session = signedIn.clerkEn;
    const GET = await routes.importExport();
    const browser = await call(GET, '/admin/import/export?kind=clients', { headers: { 'sec-fetch-mode': 'navigate' } });
    expect(browser.status).toBe(303);
    expect(browser.headers.get('location')).toBe('/admin/import');
    await expect(call(GET, '/admin/import/export?kind=clients', { headers: { 'sec-fetch-mode': 'cors' } })).rejects.toMatchObject({
      digest: 'NEXT_HTTP_ERROR_FALLBACK;403',
    });
  });

  test('a route of a page’s script refuses another role as JSON, in the user’s language, and sends a lost session to sign in', async () => {
    const POST = await routes.upload();
    session = signedIn.clerkEn;
    const refused = await call(POST, '/admin/import/upload?kind=clients&mode=check', { method: 'POST', body: 'x', headers: THIS_SITE });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({ message: en.errors.forbidden });
    session = null;
    const anonymous = await call(POST, '/admin/import/upload?kind=clients&mode=check', { method: 'POST', body: 'x', headers: THIS_SITE });
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toBe('/login?callbackUrl=%2Fadmin%2Fimport');
  });

  test('the screen a route of a page’s script returns to has exactly the route’s roles', () => {
    for (const [route, screen] of Object.entries(SCREEN_OF_SCRIPT_ROUTE)) {
      expect(ROUTE_ROLES[screen], route).toEqual(ROUTE_ROLES[route as keyof typeof SCREEN_OF_SCRIPT_ROUTE]);
    }
  });

  test('a POST from another site is refused (403) before its form is read or its file produced, whoever is signed in', async () => {
    session = signedIn.admin;
    const file = vi.fn(async () => null);
    const POST = defineFileRoute({ route: '/billing/delivery/print', input: z.object({}), file });
    const refused = await refusalOf(await call(POST, '/billing/delivery/print', { method: 'POST', body: form({}), headers: OTHER_SITE }));
    expect(refused).toEqual({ status: 403, text: fr.errors.otherSite });
    expect(file).not.toHaveBeenCalled();
  });
});

describe('what is asked', () => {
  test('input that does not parse is a 400 in the user’s language, French or English', async () => {
    const GET = await routes.billingExport();
    session = signedIn.admin;
    expect(await refusalOf(await call(GET, '/billing/export?cutoff=2026-13-45&cycle=all'))).toEqual({
      status: 400,
      text: fr.fileRoutes.invalid,
    });
    session = signedIn.adminEn;
    expect(await refusalOf(await call(GET, '/billing/export?cutoff=2026-12-31&cycle=yearly'))).toEqual({
      status: 400,
      text: en.fileRoutes.invalid,
    });
  });

  test('a form posted that does not parse, or a body that is not a form, is a 400 with the route’s own message', async () => {
    session = signedIn.adminEn;
    const file = vi.fn(async () => null);
    const POST = defineFileRoute({
      route: '/billing/delivery/print',
      input: z.object({ runId: z.coerce.number().int().positive() }),
      messages: { invalid: 'fileRoutes.deliveryPrint.invalid' },
      file,
    });
    const expected = { status: 400, text: en.fileRoutes.deliveryPrint.invalid };
    expect(await refusalOf(await call(POST, '/x', { method: 'POST', body: form({ runId: 'abc' }), headers: THIS_SITE }))).toEqual(expected);
    expect(await refusalOf(await call(POST, '/x', { method: 'POST', body: '{"runId":1}', headers: THIS_SITE }))).toEqual(expected);
    expect(file).not.toHaveBeenCalled();
  });

  test('nothing to produce is a 404 with the route’s own message; a path that names no number too', async () => {
    const GET = await routes.invoicePdf();
    session = signedIn.admin;
    for (const number of ['999999', 'abc']) {
      expect(await refusalOf(await call(GET, `/invoices/${number}/pdf`, {}, { number }))).toEqual({
        status: 404,
        text: fr.fileRoutes.invoice.notFound,
      });
    }
  });
});

describe('what stops a file', () => {
  test('an AppError is a 409 with its own message: the invoice PDF without the company’s settings', async () => {
    const GET = await routes.invoicePdf();
    const [settings] = await database.db.select().from(companySettings);
    await database.db.delete(companySettings);
    try {
      for (const [user, messages] of [
        [signedIn.admin, fr],
        [signedIn.adminEn, en],
      ] as const) {
        session = user;
        const path = `/invoices/${invoiceNumber}/pdf`;
        expect(await refusalOf(await call(GET, path, {}, { number: String(invoiceNumber) }))).toEqual({
          status: 409,
          text: messages.errors.billing.noCompanySettings,
        });
      }
    } finally {
      await database.db.insert(companySettings).values(settings!);
    }
    expect((await call(GET, `/invoices/${invoiceNumber}/pdf`, {}, { number: String(invoiceNumber) })).status).toBe(200);
  });

  test('an AppError with parameters is said with them', async () => {
    session = signedIn.adminEn;
    const GET = defineFileRoute({
      route: '/billing/export',
      input: z.object({}),
      file: async () => {
        throw new AppError('billing.deliveryInProgress', { id: 42 });
      },
    });
    expect(await refusalOf(await call(GET, '/billing/export'))).toEqual({
      status: 409,
      text: en.errors.billing.deliveryInProgress.replace('{id}', '42'),
    });
  });

  test('the database lost is a 503: before the user is read (in the sign-in page’s language), or while the file is made (in the user’s, with the route’s message)', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const GET = await routes.billingExport();
    session = signedIn.admin;
    globalThis.__appDatabase = unreachable;
    localeCookie = 'en';
    expect(await refusalOf(await call(GET, '/billing/export?cutoff=2026-12-31&cycle=all'))).toEqual({
      status: 503,
      text: en.fileRoutes.unavailable,
    });

    globalThis.__appDatabase = database;
    localeCookie = undefined;
    const POST = defineFileRoute({
      route: '/billing/delivery/print',
      input: z.object({}),
      messages: { unavailable: 'fileRoutes.deliveryPrint.unavailable' },
      file: async () => {
        await unreachable.db.select().from(invoices).limit(1);
        return null;
      },
    });
    for (const [user, messages] of [
      [signedIn.admin, fr],
      [signedIn.adminEn, en],
    ] as const) {
      session = user;
      expect(await refusalOf(await call(POST, '/billing/delivery/print', { method: 'POST', body: form({}), headers: THIS_SITE }))).toEqual({
        status: 503,
        text: messages.fileRoutes.deliveryPrint.unavailable,
      });
    }
  });

  test('anything else is a 500 with the route’s message, logged, its own text never shown', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    session = signedIn.admin;
    const POST = defineFileRoute({
      route: '/receivables/statements/print',
      input: z.object({}),
      messages: { unexpected: 'fileRoutes.statementsPrint.unexpected' },
      file: async () => {
        throw new Error('relation "statements" at /srv/app/lib/secret.ts:12');
      },
    });
    const answer = await refusalOf(
      await call(POST, '/receivables/statements/print', { method: 'POST', body: form({}), headers: THIS_SITE }),
    );
    expect(answer).toEqual({ status: 500, text: fr.fileRoutes.statementsPrint.unexpected });
    expect(logged).toHaveBeenCalledWith('[file /receivables/statements/print]', expect.any(Error));
  });
});

describe('the file', () => {
  // As the statements' print route takes them: a preview by GET (the query), a print by POST (the form).
  const seen: { method: string; input: unknown }[] = [];
  const statements = defineFileRoute({
    route: '/receivables/statements/print',
    input: z.object({ from: z.string(), clientNumber: z.coerce.number().optional() }),
    file: async ({ input, request, user }) => {
      seen.push({ method: request.method, input });
      const isPrint = request.method === 'POST';
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode(`%PDF ${user.name}`));
          controller.close();
        },
      });
      return { body, contentType: 'application/pdf', name: 'etats.pdf', disposition: isPrint ? 'attachment' : 'inline' };
    },
  });

  test('a GET reads the query, a POST its form, on the same route; the file streams with its type, name and disposition', async () => {
    session = signedIn.admin;
    const preview = await call(statements, '/receivables/statements/print?from=2026-11-01&clientNumber=20002');
    const print = await call(statements, '/receivables/statements/print?from=ignored', {
      method: 'POST',
      body: form({ from: '2026-11-30' }),
      headers: THIS_SITE,
    });
    for (const response of [preview, print]) {
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(await response.text()).toBe('%PDF Administratrice');
    }
    expect(preview.headers.get('content-disposition')).toBe('inline; filename="etats.pdf"');
    expect(print.headers.get('content-disposition')).toBe('attachment; filename="etats.pdf"');
    expect(seen).toEqual([
      { method: 'GET', input: { from: '2026-11-01', clientNumber: 20002 } },
      { method: 'POST', input: { from: '2026-11-30' } },
    ]);
  });

  test('the path’s segments win over a field of the same name', async () => {
    session = signedIn.admin;
    const GET = defineFileRoute({
      route: '/invoices/[number]/pdf',
      input: z.object({ number: z.string() }),
      file: async ({ input }) => ({ body: input.number, contentType: 'text/plain; charset=utf-8', name: null }),
    });
    const response = await call(GET, '/invoices/7/pdf?number=8', {}, { number: '7' });
    expect(response.headers.get('content-disposition')).toBeNull();
    expect(await response.text()).toBe('7');
  });

  test('a name holding a quote or a line break cannot break the header', async () => {
    session = signedIn.admin;
    const GET = defineFileRoute({
      route: '/admin/outbox/[id]/attachment',
      input: z.object({}),
      file: async () => ({ body: new Uint8Array([37]), contentType: 'application/pdf', name: 'a"b\r\nc.pdf', disposition: 'inline' }),
    });
    const response = await call(GET, '/admin/outbox/1/attachment');
    expect(response.headers.get('content-disposition')).toBe('inline; filename="a_b__c.pdf"');
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(new Uint8Array([37]));
  });
});
