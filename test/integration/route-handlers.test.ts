/**
 * Route handlers that a signed-in browser reaches with its session cookie, found on disk (every
 * `route.ts` under app/): a GET only reads — each answers its file on a database that refuses
 * any write —, and every other method refuses a request sent from another site, even with an
 * administrator's session, before it reads its body or writes anything. So a link or a form on
 * another site cannot print, mark or import anything in a clerk's name. The handlers outside the
 * signed-in application are Auth.js's own endpoints (their POSTs carry Auth.js's CSRF token) and
 * the dispatch API (a token in the Authorization header, which another site cannot make a browser
 * send).
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { openPostgres, type AppDatabase } from '@/db/index';
import { clients, invoices, outboxMessages, statements, users } from '@/db/schema';
import { createAccountingExport } from '@/lib/accounting/create-export';
import { exportPeriodInput } from '@/lib/accounting/export-input';
import { billingInput } from '@/lib/billing/billing-input';
import { generateInvoices } from '@/lib/billing/generate-invoices';
import { fr } from '@/lib/i18n/messages/fr/index';
import { loadGoldenScenario } from '@/test/support/golden-scenario';
import { findRouteModules, importRouteModule, type RouteModule } from '@/test/support/route-modules';
import { createTestDatabase, type TestDatabase } from '@/test/support/test-database';

let session: { userId: number; sessionVersion: number } | null = null;
vi.mock('@/lib/auth/session-token', () => ({ readSessionClaims: async () => session }));
vi.mock('next/headers', () => ({
  cookies: async () => ({ get: () => undefined, set: () => undefined }),
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
/** Methods that only read (RFC 9110's safe methods that route handlers export). */
const READING = new Set(['GET', 'HEAD']);
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

let database: TestDatabase;
/** The same database through connections whose every transaction is read-only. */
let readOnly: AppDatabase;
let samples: {
  exportId: number;
  outboxId: number;
  invoiceNumber: number;
  normalRunId: number;
  headInvoiceNumber: number;
  headStatementId: number;
};
let adminSession: { userId: number; sessionVersion: number };
/** The golden scenario's billing clerk: no call taking. */
let clerkSession: { userId: number; sessionVersion: number };
/** A portal user of head 12345: the portal's routes are its own. */
let portalSession: { userId: number; sessionVersion: number };

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  const { clerkId } = await loadGoldenScenario(db);
  const [admin] = await db
    .insert(users)
    .values({ email: 'admin@golden.local', name: 'Administratrice', role: 'admin', passwordHash: 'x' })
    .returning();
  adminSession = { userId: admin!.id, sessionVersion: admin!.sessionVersion };
  const [clerk] = await db.select({ sessionVersion: users.sessionVersion }).from(users).where(eq(users.id, clerkId));
  clerkSession = { userId: clerkId, sessionVersion: clerk!.sessionVersion };
  session = adminSession;
  const [contact] = await db
    .insert(users)
    .values({ email: 'contact@golden.local', name: 'Contact', role: 'portal', passwordHash: 'x', portalClientNumber: 12345 })
    .returning();
  portalSession = { userId: contact!.id, sessionVersion: contact!.sessionVersion };
  await db
    .update(clients)
    .set({ deliveryMethod: 'print' })
    .where(sql`${clients.number} in (20001, 20002)`);
  const normalRunId = (await generateInvoices(db, clerkId, billingInput.parse({ cutoff: '2026-10-31', cycle: 'all' }), '2026-11-01'))
    .runId!;
  await generateInvoices(db, clerkId, billingInput.parse({ cutoff: '2026-10-31', cycle: 'all', isGrouped: 'on' }), '2026-11-01');
  const created = await createAccountingExport(db, clerkId, exportPeriodInput.parse({ from: '2026-11-01', to: '2026-11-30' }));
  const [message] = await db
    .insert(outboxMessages)
    .values({
      recipients: ['factures-20001@exemple.ca'],
      subject: 'Facture 1',
      body: 'Bonjour',
      attachmentName: 'facture-1.pdf',
      attachmentBase64: Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64'),
    })
    .returning();
  const [invoice] = await db.select().from(invoices).orderBy(invoices.number).limit(1);
  const [headInvoice] = await db.select().from(invoices).where(eq(invoices.billedClientNumber, 12345)).limit(1);
  samples = {
    exportId: created.id,
    outboxId: message!.id,
    invoiceNumber: invoice!.number,
    normalRunId,
    headInvoiceNumber: headInvoice!.number,
    headStatementId: 0,
  };
  readOnly = openPostgres(`${database.url}?default_transaction_read_only=on`, { max: 2 });
});

afterAll(async () => {
  globalThis.__appDatabase = undefined;
  await readOnly?.close();
  await database.drop();
});

const PERIOD = 'from=2026-11-01&to=2026-11-30';

/** What each GET is asked for: real records, so that each answers its file rather than a 404. */
const readingRequests = (): Record<string, string[]> => ({
  '/admin/accounting/exports/[id]': ['journal', 'quickbooks', 'sage50'].map(
    (layout) => `/admin/accounting/exports/${samples.exportId}?layout=${layout}`,
  ),
  '/admin/import/export': [
    '/admin/import/export?kind=clients',
    '/admin/import/export?kind=tariffs',
    '/admin/import/export?kind=calls&from=2026-10-01&to=2026-10-31',
    '/admin/import/export?kind=calls&template=1',
  ],
  '/admin/outbox/[id]/attachment': [`/admin/outbox/${samples.outboxId}/attachment`],
  '/billing/export': ['/billing/export?cutoff=2026-12-31&cycle=all', '/billing/export?cutoff=2026-12-31&cycle=all&isGrouped=on&format=pdf'],
  '/calls/new/quote': ['/calls/new/quote?clientNumber=12346&distanceKm=15&waitingMinutes=0&serviceDate=2026-11-15'],
  '/invoices/[number]/pdf': [`/invoices/${samples.invoiceNumber}/pdf`],
  '/me': ['/me'],
  '/receivables/export': ['/receivables/export?asOf=2026-11-30', '/receivables/export?asOf=2026-11-30&grouped=on&format=pdf'],
  '/receivables/statements/print': [
    `/receivables/statements/print?${PERIOD}&clientNumber=20002`,
    `/receivables/statements/print?${PERIOD}`,
    `/receivables/statements/print?${PERIOD}&isGrouped=on`,
  ],
  '/reports/ctq/export': ['/reports/ctq/export?year=2026'],
  '/reports/dues/export': [`/reports/dues/export?${PERIOD}`, `/reports/dues/export?${PERIOD}&format=pdf`],
  // The client portal's, with its user's session.
  '/portal/invoices/[number]/pdf': [`/portal/invoices/${samples.headInvoiceNumber}/pdf`],
  '/portal/statements/[id]/pdf': [`/portal/statements/${samples.headStatementId}/pdf`],
  '/portal/statements/period': ['/portal/statements/period?from=2026-10-01&to=2026-11-30'],
  '/portal/calls/export': ['/portal/calls/export', '/portal/calls/export?member=12346&from=2026-10-01'],
});

/** What each other method is sent: a request that, from the application's own page, would print, mark or import. */
const changingRequests = (): Record<string, () => { path: string; body: BodyInit }> => ({
  '/admin/import/upload': () => ({
    path: '/admin/import/upload?kind=tariffs&mode=import',
    body: 'Code;Nom;Montant de base;Taux au km;Taux par minute d’attente;Frais minimum\nAUTRE;Autre site;1;1;1;1\n',
  }),
  '/billing/delivery/print': () => ({ path: '/billing/delivery/print', body: form({ runId: String(samples.normalRunId) }) }),
  '/receivables/statements/print': () => ({ path: '/receivables/statements/print', body: form({ from: '2026-11-01', to: '2026-11-30' }) }),
});

function form(fields: Record<string, string>): FormData {
  const body = new FormData();
  for (const [key, value] of Object.entries(fields)) body.set(key, value);
  return body;
}

/** The dynamic segments of `route` read from `path`: /invoices/[number]/pdf and /invoices/3/pdf → { number: '3' }. */
function paramsOf(route: string, path: string): Record<string, string> {
  const actual = new URL(path, 'http://localhost').pathname.split('/');
  return Object.fromEntries(
    route
      .split('/')
      .map((segment, i) => [segment, actual[i]!] as const)
      .filter(([segment]) => /^\[.+\]$/.test(segment))
      .map(([segment, value]) => [segment.slice(1, -1), value]),
  );
}

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function call(routeModule: RouteModule, method: string, path: string, init: RequestInit = {}): Promise<Response> {
  const handler = (await importRouteModule(routeModule.file))[method] as Handler;
  const request = new Request(new URL(path, 'http://localhost'), { method, ...init });
  return handler(request, { params: Promise.resolve(paramsOf(routeModule.route, path)) });
}

/** What `answer` says, or why it failed (a body that broke off midway included). */
async function answerOf(answer: () => Promise<string>): Promise<string> {
  try {
    return await answer();
  } catch (error) {
    return `failed: ${String(error)}`;
  }
}

const signedInApplication = () => findRouteModules().filter((routeModule) => routeModule.file.startsWith('app/(app)/'));

async function methodsOf(routeModule: RouteModule): Promise<string[]> {
  const exported = await importRouteModule(routeModule.file);
  return METHODS.filter((method) => typeof exported[method] === 'function');
}

test('the route handlers outside the signed-in application are Auth.js’s and the dispatch API’s only', () => {
  const others = findRouteModules()
    .filter((routeModule) => !routeModule.file.startsWith('app/(app)/'))
    .map((routeModule) => routeModule.route);
  expect(others.filter((route) => route !== '/api/auth/[...nextauth]' && !route.startsWith('/api/v1/'))).toEqual([]);
  expect(signedInApplication().map((routeModule) => routeModule.route)).toEqual(
    expect.arrayContaining(['/billing/delivery/print', '/receivables/statements/print', '/admin/import/upload']),
  );
});

describe('a GET only reads', () => {
  beforeAll(() => {
    globalThis.__appDatabase = readOnly;
  });

  test('the database of these checks refuses any write', async () => {
    await expect(
      readOnly.db.insert(outboxMessages).values({ recipients: [], subject: 's', body: 'b', attachmentName: 'a', attachmentBase64: '' }),
    ).rejects.toThrow();
  });

  test('every GET of a route handler answers its whole file on a database that refuses any write', async () => {
    // A statement of head 12345 for its portal's PDF, taken away afterwards (the print checks count the statements).
    const [statement] = await database.db
      .insert(statements)
      .values({
        billedClientNumber: 12345,
        periodFrom: '2026-11-01',
        periodTo: '2026-11-30',
        kind: 'grouped',
        language: 'fr',
        closingCents: 0,
        createdBy: adminSession.userId,
      })
      .returning();
    samples.headStatementId = statement!.id;
    const answers: string[] = [];
    for (const routeModule of signedInApplication()) {
      if (!(await methodsOf(routeModule)).includes('GET')) continue;
      const paths = readingRequests()[routeModule.route];
      session = routeModule.route.startsWith('/portal/') ? portalSession : adminSession;
      expect(paths, `${routeModule.route}: a GET without a request to try in readingRequests`).toBeDefined();
      for (const path of paths!) {
        const answer = await answerOf(async () => {
          const response = await call(routeModule, 'GET', path);
          return `${response.status} ${(await response.arrayBuffer()).byteLength > 0 ? 'file' : 'empty'}`;
        });
        answers.push(`${path} → ${answer}`);
      }
    }
    session = adminSession;
    await database.db.delete(statements).where(eq(statements.id, statement!.id));
    expect(answers).toEqual(answers.map((answer) => answer.replace(/→ .*$/s, '→ 200 file')));
  });
});

describe('any other method refuses another site', () => {
  beforeAll(() => {
    globalThis.__appDatabase = readOnly;
  });

  test('every POST, PUT, PATCH or DELETE sent from another site with an administrator’s session is refused (403) before anything is read or written', async () => {
    const answers: string[] = [];
    for (const routeModule of signedInApplication()) {
      for (const method of (await methodsOf(routeModule)).filter((m) => !READING.has(m))) {
        const make = changingRequests()[routeModule.route];
        expect(make, `${method} ${routeModule.route}: no request to try in changingRequests`).toBeDefined();
        const { path, body } = make!();
        const answer = await answerOf(async () => {
          const response = await call(routeModule, method, path, { body, headers: OTHER_SITE });
          return `${response.status} ${(await response.text()).includes(fr.errors.otherSite) ? 'refused' : 'answered'}`;
        });
        answers.push(`${method} ${routeModule.route} → ${answer}`);
      }
    }
    expect(answers.length).toBeGreaterThanOrEqual(3);
    expect(answers).toEqual(answers.map((answer) => answer.replace(/→ .*$/s, '→ 403 refused')));
  });
});

describe('from the application’s own pages', () => {
  beforeAll(() => {
    globalThis.__appDatabase = database;
  });

  test('printing statements and a print batch still work, and are recorded printed', async () => {
    const routes = Object.fromEntries(signedInApplication().map((routeModule) => [routeModule.route, routeModule]));
    const statementsPrint = await call(routes['/receivables/statements/print']!, 'POST', '/receivables/statements/print', {
      body: form({ from: '2026-11-01', to: '2026-11-30' }),
      headers: THIS_SITE,
    });
    expect(statementsPrint.status).toBe(200);
    await statementsPrint.arrayBuffer();
    expect((await database.db.select().from(statements)).map((s) => [s.billedClientNumber, s.printedAt !== null])).toEqual([
      [20001, true],
      [20002, true],
    ]);

    const batch = await call(routes['/billing/delivery/print']!, 'POST', '/billing/delivery/print', {
      body: form({ runId: String(samples.normalRunId) }),
      headers: THIS_SITE,
    });
    expect(batch.status).toBe(200);
    await batch.arrayBuffer();
    const printed = await database.db.select().from(invoices).where(eq(invoices.billingRunId, samples.normalRunId));
    expect(printed.map((invoice) => invoice.printedAt !== null)).toEqual([true, true]);
  });
});

describe('the call-taking preview, read as the dispatcher types', () => {
  beforeAll(() => {
    globalThis.__appDatabase = readOnly;
  });

  const quote = async (query: string) => {
    const routeModule = signedInApplication().find((r) => r.route === '/calls/new/quote')!;
    const response = await call(routeModule, 'GET', `/calls/new/quote?${query}`);
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const asShown = (text: unknown) => String(text).replace(/\s/g, ' ');

  test('a member is priced with its own tariff and discount, and named', async () => {
    session = adminSession;
    const { status, body } = await quote('clientNumber=12346&distanceKm=15&waitingMinutes=0&serviceDate=2026-11-15');
    expect(status).toBe(200);
    const data = body.data as { client: { name: string; groupedClientNumber: number }; price: string; hold: unknown };
    // STD: 4.50 + 15 × 1.875 = 32.63 $, less 5 % → 31.00 $.
    expect([data.client.name, data.client.groupedClientNumber, asShown(data.price), data.hold]).toEqual([
      'Pharmacie Centrale — succursale Laval',
      12345,
      '31,00 $',
      null,
    ]);
  });

  test('a client that does not exist, or input that does not parse, is refused with what to fix; a role without call taking, or no session, is refused', async () => {
    session = adminSession;
    const unknown = await quote('clientNumber=99999&distanceKm=15&waitingMinutes=0');
    expect([unknown.status, unknown.body.status, (unknown.body.fieldErrors as Record<string, string[]>).clientNumber]).toEqual([
      409,
      'error',
      ['Le client 99999 n’existe pas.'],
    ]);
    const invalid = await quote('clientNumber=12346&distanceKm=beaucoup&waitingMinutes=0');
    expect([invalid.status, Object.keys(invalid.body.fieldErrors as object)]).toEqual([400, ['distanceKm']]);
    session = clerkSession;
    expect((await quote('clientNumber=12346&distanceKm=15&waitingMinutes=0')).status).toBe(403);
    session = null;
    expect((await quote('clientNumber=12346&distanceKm=15&waitingMinutes=0')).status).toBe(401);
    session = adminSession;
  });
});
