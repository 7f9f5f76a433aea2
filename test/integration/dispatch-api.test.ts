/**
 * The dispatch API (/api/v1) through its route handlers, as the dispatch system calls them:
 * tokens shown once and stored hashed, scopes, revocation, the rate limit held by the
 * database across two instances, clients with their grouped number, calls with their billing
 * status, JSON errors with codes, and the OpenAPI document valid and matching the routes.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { openPostgres, queryRows, type AppDatabase } from '@/db/index';
import { apiRequestCounts, apiTokens, auditLog, callStatusChanges, calls, clients, users } from '@/db/schema';
import { authenticateApiRequest } from '@/lib/api/authenticate';
import { ApiError } from '@/lib/api/api-error';
import { dispatchCallInput } from '@/lib/api/dispatch-call-input';
import { openApiDocument } from '@/lib/api/openapi';
import { putDispatchCall } from '@/lib/api/put-dispatch-call';
import { createApiToken, listApiTokens, revokeApiToken } from '@/lib/api/tokens';
import { billingInput } from '@/lib/billing/billing-input';
import { generateInvoices } from '@/lib/billing/generate-invoices';
import { AppError } from '@/lib/errors';
import { runImport } from '@/lib/import/run-import';
import { findMunicipalities } from '@/lib/municipalities/find-municipalities';
import { addMunicipality, mergeMunicipality } from '@/lib/municipalities/save-municipality';
import { insertClient, insertTariff } from '@/test/support/fixtures';
import { loadGoldenScenario } from '@/test/support/golden-scenario';
import { createTestDatabase, type TestDatabase } from '@/test/support/test-database';
import { until } from '@/test/support/until';

let database: TestDatabase;
let adminId: number;
let readToken: string;
let writeToken: string;
let routes: {
  clients: typeof import('@/app/api/v1/clients/route');
  client: typeof import('@/app/api/v1/clients/[number]/route');
  call: typeof import('@/app/api/v1/calls/[number]/route');
  dispatchCall: typeof import('@/app/api/v1/dispatch-calls/[dispatchId]/route');
  openapi: typeof import('@/app/api/v1/openapi.json/route');
};
const savedRate = process.env.API_RATE_PER_MINUTE;

beforeAll(async () => {
  database = await createTestDatabase();
  globalThis.__appDatabase = database;
  const { clerkId } = await loadGoldenScenario(database.db);
  const [admin] = await database.db
    .insert(users)
    .values({ email: 'admin@golden.local', name: 'Administratrice', role: 'admin', passwordHash: 'x' })
    .returning();
  adminId = admin!.id;
  await generateInvoices(database.db, clerkId, billingInput.parse({ cutoff: '2026-10-31', cycle: 'all', isGrouped: 'on' }), '2026-11-01');
  readToken = (await createApiToken(database.db, adminId, { name: 'Lecture', scope: 'read' })).secret;
  writeToken = (await createApiToken(database.db, adminId, { name: 'Répartition principale', scope: 'write' })).secret;
  routes = {
    clients: await import('@/app/api/v1/clients/route'),
    client: await import('@/app/api/v1/clients/[number]/route'),
    call: await import('@/app/api/v1/calls/[number]/route'),
    dispatchCall: await import('@/app/api/v1/dispatch-calls/[dispatchId]/route'),
    openapi: await import('@/app/api/v1/openapi.json/route'),
  };
});
afterAll(async () => {
  globalThis.__appDatabase = undefined;
  if (savedRate === undefined) delete process.env.API_RATE_PER_MINUTE;
  else process.env.API_RATE_PER_MINUTE = savedRate;
  await database.drop();
});
beforeEach(async () => {
  delete process.env.API_RATE_PER_MINUTE;
  await database.db.delete(apiRequestCounts);
});

const request = (url: string, token: string | null, headers: Record<string, string> = {}) =>
  new Request(`http://localhost/api/v1${url}`, { headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers } });
const params = <P>(value: P) => ({ params: Promise.resolve(value) });
const errorOf = async (response: Response) =>
  ((await response.json()) as { error: { code: string; message: string; fields?: unknown } }).error;

describe('tokens', () => {
  test('a token is shown once and stored only as its hash, with a prefix to tell it apart; its creation is audited', async () => {
    const { id, secret } = await createApiToken(database.db, adminId, { name: 'Essai', scope: 'read' });
    expect(secret).toMatch(/^rfd_[A-Za-z0-9_-]{43}$/);
    const [row] = await database.db.select().from(apiTokens).where(eq(apiTokens.id, id));
    expect(JSON.stringify(row)).not.toContain(secret.slice(4));
    expect(row!.prefix).toBe(secret.slice(0, 12));
    const listed = (await listApiTokens(database.db)).find((token) => token.id === id)!;
    expect(listed).toMatchObject({ name: 'Essai', scope: 'read', createdBy: 'Administratrice', lastUsedAt: null, revokedAt: null });
    const audit = await database.db.select().from(auditLog).where(eq(auditLog.entity, 'api_token'));
    expect(audit).toContainEqual(expect.objectContaining({ entityKey: row!.prefix, field: 'created', newValue: 'Essai', userId: adminId }));
  });

  test('without a token, or with an unknown one, the answer is 401 with its code, in English when asked', async () => {
    const missing = await routes.clients.GET(request('/clients', null), params({}));
    expect(missing.status).toBe(401);
    expect(await errorOf(missing)).toEqual({ code: 'unauthenticated', message: expect.stringContaining('Jeton manquant') });
    const unknown = await routes.clients.GET(request('/clients', 'rfd_nothing', { 'accept-language': 'en-CA,en;q=0.9' }), params({}));
    expect(unknown.status).toBe(401);
    expect(await errorOf(unknown)).toEqual({ code: 'unauthenticated', message: expect.stringContaining('Missing or unknown token') });
  });

  test('a revoked token is refused at once; its use and revocation are recorded', async () => {
    const { id, secret } = await createApiToken(database.db, adminId, { name: 'Ancien système', scope: 'write' });
    expect((await routes.clients.GET(request('/clients?limit=1', secret), params({}))).status).toBe(200);
    const [used] = await database.db.select().from(apiTokens).where(eq(apiTokens.id, id));
    expect(used!.lastUsedAt).not.toBeNull();

    await revokeApiToken(database.db, adminId, id);
    const refused = await routes.clients.GET(request('/clients', secret), params({}));
    expect(refused.status).toBe(401);
    expect((await errorOf(refused)).code).toBe('token_revoked');
    await expect(revokeApiToken(database.db, adminId, id)).rejects.toEqual(new AppError('apiToken.alreadyRevoked'));
    await expect(revokeApiToken(database.db, adminId, 999_999)).rejects.toEqual(new AppError('apiToken.notFound'));
    const audit = await database.db.select().from(auditLog).where(eq(auditLog.entityKey, used!.prefix));
    expect(audit.map((a) => a.field)).toEqual(['created', 'revoked_at']);
  });

  test('a read token may not write calls; a write token may also read', async () => {
    const refusal = await authenticateApiRequest(database.db, request('/calls/x', readToken), 'write').catch((error: unknown) => error);
    expect(refusal).toEqual(new ApiError('insufficient_scope'));
    expect(await authenticateApiRequest(database.db, request('/calls/x', writeToken), 'write')).toMatchObject({ scope: 'write' });
    expect(await authenticateApiRequest(database.db, request('/clients', writeToken), 'read')).toMatchObject({ scope: 'write' });
  });

  test('the rate limit holds across two instances: of 10 requests at once, 6 pass and 4 are told to wait', async () => {
    process.env.API_RATE_PER_MINUTE = '6';
    const second: AppDatabase = openPostgres(database.url, { max: 5 });
    try {
      // The count is per minute: not started in the minute's last seconds.
      await until(
        async () => Number((await queryRows<{ s: number }>(database.db, sql`select extract(second from now()) as s`))[0]!.s) < 50,
        'the start of a minute',
      );
      const instances = [database.db, second.db];
      const outcomes = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          authenticateApiRequest(instances[i % 2]!, request('/clients', readToken), 'read').then(
            () => 'ok',
            (error: unknown) =>
              error instanceof ApiError ? `${error.code} ${error.headers['Retry-After'] ? 'retry' : ''}` : String(error),
          ),
        ),
      );
      expect(outcomes.filter((o) => o === 'ok')).toHaveLength(6);
      expect(outcomes.filter((o) => o === 'rate_limited retry')).toHaveLength(4);
      const limited = await routes.clients.GET(request('/clients', readToken), params({}));
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      // Another token has its own count.
      expect((await routes.clients.GET(request('/clients', writeToken), params({}))).status).toBe(200);
    } finally {
      await second.close();
    }
  });
});

describe('clients and calls', () => {
  test('clients come by number a page at a time, each member with the head it is billed on', async () => {
    const first = (await (await routes.clients.GET(request('/clients?limit=2', readToken), params({}))).json()) as {
      clients: { number: number; groupedClientNumber: number | null }[];
      next: number | null;
    };
    expect(first.clients).toHaveLength(2);
    const all: { number: number; groupedClientNumber: number | null }[] = [...first.clients];
    for (let after = first.next; after !== null;) {
      const page = (await (
        await routes.clients.GET(request(`/clients?limit=2&after=${after}`, readToken), params({}))
      ).json()) as typeof first;
      all.push(...page.clients);
      after = page.next;
    }
    const [clientCount] = await queryRows<{ count: number }>(database.db, sql`select count(*)::int as count from clients`);
    expect(all.map((c) => c.number)).toEqual([...all.map((c) => c.number)].sort((a, b) => a - b));
    expect(all).toHaveLength(Number(clientCount!.count));
    const [member] = await queryRows<{ number: number; head: number }>(
      database.db,
      sql`select number, grouped_client_number as head from clients where grouped_client_number is not null and grouped_client_number <> number limit 1`,
    );
    expect(all.find((c) => c.number === Number(member!.number))!.groupedClientNumber).toBe(Number(member!.head));

    const one = await routes.client.GET(request(`/clients/${member!.number}`, readToken), params({ number: String(member!.number) }));
    expect(await one.json()).toMatchObject({ number: Number(member!.number), groupedClientNumber: Number(member!.head), isActive: true });
  });

  test('bad parameters name the field; an unknown client or call is 404', async () => {
    const bad = await routes.clients.GET(request('/clients?limit=0&after=abc', readToken), params({}));
    expect(bad.status).toBe(422);
    expect(await errorOf(bad)).toMatchObject({ code: 'validation', fields: { limit: [expect.any(String)], after: [expect.any(String)] } });
    expect((await routes.client.GET(request('/clients/99999998', readToken), params({ number: '99999998' }))).status).toBe(404);
    expect((await routes.client.GET(request('/clients/douze', readToken), params({ number: 'douze' }))).status).toBe(422);
    const missing = await routes.call.GET(request('/calls/1', readToken), params({ number: '1' }));
    expect(missing.status).toBe(404);
    expect((await errorOf(missing)).code).toBe('not_found');
  });

  test('a call answers with its billing status: a member’s invoiced call names the invoice and the head billed', async () => {
    const [invoiced] = await queryRows<{ call: number; invoice: number; billed: number; client: number }>(
      database.db,
      sql`select l.call_number as call, i.number as invoice, i.billed_client_number as billed, c.client_number as client
            from invoice_lines l join invoices i on i.id = l.invoice_id join calls c on c.number = l.call_number
           where i.kind = 'grouped' and c.client_number <> i.billed_client_number and not l.is_void limit 1`,
    );
    const response = await routes.call.GET(request(`/calls/${invoiced!.call}`, readToken), params({ number: String(invoiced!.call) }));
    expect(await response.json()).toMatchObject({
      number: Number(invoiced!.call),
      clientNumber: Number(invoiced!.client),
      billing: { invoiceNumber: Number(invoiced!.invoice), billedClientNumber: Number(invoiced!.billed) },
    });
    const [open] = await queryRows<{ call: number }>(
      database.db,
      sql`select number as call from calls c where not exists (select 1 from invoice_lines l where l.call_number = c.number and not l.is_void) limit 1`,
    );
    const notBilled = await routes.call.GET(request(`/calls/${open!.call}`, readToken), params({ number: String(open!.call) }));
    expect(((await notBilled.json()) as { billing: unknown }).billing).toEqual({ invoiceNumber: null, billedClientNumber: null });
  });
});

describe('calls from the dispatch system', () => {
  type CallAnswer = {
    number: number;
    dispatchId: string;
    clientNumber: number;
    status: string;
    priceCents: number;
    distanceKm?: never;
    billing: { invoiceNumber: number | null; billedClientNumber: number | null };
  };
  const body = {
    clientNumber: 12347,
    serviceDate: '2026-11-03',
    serviceTime: '09:15',
    status: 'completed',
    pickupAddress: '100, rue King Ouest',
    destinationAddress: '2500, chemin de la Côte-Sainte-Catherine',
    distanceKm: 12.4,
    waitingMinutes: 5,
  };
  const put = (dispatchId: string, value: unknown, token = writeToken, headers: Record<string, string> = {}) =>
    routes.dispatchCall.PUT(
      new Request(`http://localhost/api/v1/dispatch-calls/${dispatchId}`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
        body: typeof value === 'string' ? value : JSON.stringify(value),
      }),
      params({ dispatchId }),
    );
  const callsWith = (dispatchId: string) => database.db.select().from(calls).where(eq(calls.dispatchId, dispatchId));

  test('the same call sent twice is one call, priced with the member’s own tariff; it reads back by its id', async () => {
    const created = await put('D-1001', body);
    expect(created.status).toBe(201);
    const call = (await created.json()) as CallAnswer;
    expect(call).toMatchObject({ dispatchId: 'D-1001', clientNumber: 12347, status: 'completed', billing: { invoiceNumber: null } });

    const again = await put('D-1001', body);
    expect(again.status).toBe(200);
    expect(((await again.json()) as CallAnswer).number).toBe(call.number);
    const stored = await callsWith('D-1001');
    expect(stored).toHaveLength(1);
    const [member] = await database.db.select().from(clients).where(eq(clients.number, 12347));
    expect(stored[0]).toMatchObject({ tariffId: member!.tariffId, distanceKm: '12.40', waitingMinutes: 5, createdBy: null });
    expect(stored[0]!.completedAt).not.toBeNull();
    const changes = await database.db.select().from(callStatusChanges).where(eq(callStatusChanges.callNumber, call.number));
    expect(changes).toMatchObject([{ fromStatus: null, toStatus: 'completed', changedBy: null, changedByToken: expect.any(Number) }]);

    const read = await routes.dispatchCall.GET(request('/dispatch-calls/D-1001', readToken), params({ dispatchId: 'D-1001' }));
    expect(((await read.json()) as CallAnswer).number).toBe(call.number);
    expect((await routes.dispatchCall.GET(request('/dispatch-calls/D-0', readToken), params({ dispatchId: 'D-0' }))).status).toBe(404);
  });

  test('two identical requests at the same moment, through two instances, create one call', async () => {
    const second: AppDatabase = openPostgres(database.url, { max: 5 });
    try {
      const [{ tokenId }] = [await authenticateApiRequest(database.db, request('/x', writeToken), 'write')];
      const input = dispatchCallInput.parse(body);
      for (let round = 0; round < 5; round++) {
        const id = `D-RACE-${round}`;
        const outcomes = await Promise.all([
          putDispatchCall(database.db, tokenId, id, input),
          putDispatchCall(second.db, tokenId, id, input),
        ]);
        expect(outcomes.map((o) => o.isCreated).sort()).toEqual([false, true]);
        expect(outcomes[0]!.call.number).toBe(outcomes[1]!.call.number);
        expect(await callsWith(id)).toHaveLength(1);
      }
    } finally {
      await second.close();
    }
  });

  test('an update is priced again only when its distance changes; its status follows the dispatch system', async () => {
    const first = (await (await put('D-1002', { ...body, status: 'open' })).json()) as CallAnswer;
    const moved = await put('D-1002', { ...body, status: 'dispatched', distanceKm: 30 });
    expect(moved.status).toBe(200);
    const after = (await moved.json()) as CallAnswer;
    expect(after.number).toBe(first.number);
    expect(after.status).toBe('dispatched');
    expect(after.priceCents).toBeGreaterThan(first.priceCents);
    const renamed = (await (
      await put('D-1002', { ...body, status: 'dispatched', distanceKm: 30, notes: 'Porte arrière' })
    ).json()) as CallAnswer;
    expect(renamed.priceCents).toBe(after.priceCents);
    const changes = await database.db.select().from(callStatusChanges).where(eq(callStatusChanges.callNumber, first.number));
    expect(changes.map((c) => [c.fromStatus, c.toStatus])).toEqual([
      [null, 'open'],
      ['open', 'dispatched'],
    ]);
  });

  test('a call moved to a held account is refused as a new call would be; re-priced for the same client, it is not held again', async () => {
    const alone = (await (await put('D-1005', { ...body, clientNumber: 20001 })).json()) as CallAnswer;
    const member = (await (await put('D-1006', body)).json()) as CallAnswer;
    await database.db.update(clients).set({ suspensionReason: 'Chèque sans provision' }).where(eq(clients.number, 12345));
    try {
      const moved = await put('D-1005', body);
      expect(moved.status).toBe(409);
      expect((await errorOf(moved)).code).toBe('credit_hold');
      expect((await callsWith('D-1005'))[0]!.clientNumber).toBe(20001);
      const longer = await put('D-1006', { ...body, distanceKm: 30 });
      expect(longer.status).toBe(200);
      expect(((await longer.json()) as CallAnswer).priceCents).toBeGreaterThan(member.priceCents);
    } finally {
      await database.db.update(clients).set({ suspensionReason: null }).where(eq(clients.number, 12345));
    }
    expect(alone.clientNumber).toBe(20001);
  });

  test('once invoiced, a change is refused with call_invoiced; the same request is still answered', async () => {
    const sent = { ...body, clientNumber: 20001, serviceDate: '2026-11-05' };
    const call = (await (await put('D-1003', sent)).json()) as CallAnswer;
    await generateInvoices(
      database.db,
      adminId,
      billingInput.parse({ cutoff: '2026-11-30', cycle: 'all', clientFrom: '20001', clientTo: '20001' }),
      '2026-12-01',
    );
    const same = await put('D-1003', sent);
    expect(same.status).toBe(200);
    expect(((await same.json()) as CallAnswer).billing).toEqual({ invoiceNumber: expect.any(Number), billedClientNumber: 20001 });
    const changed = await put('D-1003', { ...sent, waitingMinutes: 30 }, writeToken, { 'accept-language': 'en' });
    expect(changed.status).toBe(409);
    expect(await errorOf(changed)).toEqual({ code: 'call_invoiced', message: expect.stringContaining('already invoiced') });
    const [stored] = await callsWith('D-1003');
    expect(stored).toMatchObject({ number: call.number, waitingMinutes: 5, priceCents: call.priceCents });
  });

  test('a call billed in the former system is as read-only as one invoiced here: the same rule as the form', async () => {
    const sent = { ...body, clientNumber: 20001, serviceDate: '2026-11-06' };
    const call = (await (await put('D-1007', sent)).json()) as CallAnswer;
    // As the import marks a call billed in the former system (no call of the API is, by their ids).
    await database.db.update(calls).set({ legacyInvoiceNumber: 'ANC-2026-0042' }).where(eq(calls.number, call.number));
    expect((await put('D-1007', sent)).status).toBe(200);
    const changed = await put('D-1007', { ...sent, waitingMinutes: 30, status: 'cancelled' });
    expect(changed.status).toBe(409);
    expect((await errorOf(changed)).code).toBe('call_invoiced');
    expect((await callsWith('D-1007'))[0]).toMatchObject({ waitingMinutes: 5, status: 'completed', priceCents: call.priceCents });
  });

  test('refusals name the field or the rule, and save nothing', async () => {
    const bad = await put('D-1004', { ...body, serviceDate: '2026-02-30', distanceKm: 1.234, pickupAddress: ' ', extra: 1 });
    expect(bad.status).toBe(422);
    expect((await errorOf(bad)).fields).toMatchObject({
      serviceDate: [expect.any(String)],
      distanceKm: [expect.any(String)],
      pickupAddress: [expect.any(String)],
      '(body)': [expect.stringContaining('extra')],
    });
    expect(await errorOf(await put('D-1004', '{"clientNumber":')).then((e) => e.fields)).toEqual({ '(body)': ['not valid JSON'] });
    expect((await errorOf(await put('D-1004', body, writeToken, { 'content-type': 'text/plain' }))).code).toBe('validation');
    expect((await errorOf(await put('D-1004', { ...body, clientNumber: 99_999_998 }))).code).toBe('unknown_client');
    expect((await put('bad id!', body)).status).toBe(422);
    const readOnly = await put('D-1004', body, readToken);
    expect(readOnly.status).toBe(403);
    expect((await errorOf(readOnly)).code).toBe('insufficient_scope');

    // A suspended head refuses its member's calls: no administrator stands behind the API.
    await database.db.update(clients).set({ suspensionReason: 'Chèque sans provision' }).where(eq(clients.number, 12345));
    try {
      const held = await put('D-1004', body);
      expect(held.status).toBe(409);
      expect((await errorOf(held)).code).toBe('credit_hold');
    } finally {
      await database.db.update(clients).set({ suspensionReason: null }).where(eq(clients.number, 12345));
    }
    expect(await callsWith('D-1004')).toEqual([]);
  });
});

describe('dispatch ids and imported calls are kept apart', () => {
  const body = {
    clientNumber: 12347,
    serviceDate: '2026-11-04',
    serviceTime: '10:00',
    status: 'open',
    pickupAddress: '1, rue du Port',
    destinationAddress: '2, rue du Quai',
  };
  const put = (dispatchId: string, value: unknown) =>
    routes.dispatchCall.PUT(
      new Request(`http://localhost/api/v1/dispatch-calls/${dispatchId}`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${writeToken}`, 'content-type': 'application/json' },
        body: JSON.stringify(value),
      }),
      params({ dispatchId }),
    );
  const get = (dispatchId: string) => routes.dispatchCall.GET(request(`/dispatch-calls/${dispatchId}`, readToken), params({ dispatchId }));
  async function* bytesOf(text: string) {
    yield new TextEncoder().encode(text);
  }
  const importCalls = (lines: string[]) =>
    runImport(database.db, {
      kind: 'calls',
      mode: 'import',
      actorId: adminId,
      body: bytesOf(
        ['No. appel;No. client;Date du service;Heure;Adresse de départ;Destination;Statut;Tarif;Montant brut;Prix', ...lines].join('\n'),
      ),
      maxBytes: 1024 * 1024,
      today: '2026-12-04',
    });
  const stored = async (dispatchId: string) => (await database.db.select().from(calls).where(eq(calls.dispatchId, dispatchId)))[0];

  test('the API can neither read, create nor change a call under an imported call’s id', async () => {
    const [tariff] = await queryRows<{ code: string }>(database.db, sql`select tariff_code as code from calls limit 1`);
    const imported = await importCalls([`H-1;12347;2026-10-20;08:00;Ancien départ;Ancienne arrivée;Terminé;${tariff!.code};20,00;20,00`]);
    expect(imported).toMatchObject({ isApplied: true, counts: { created: 1 } });
    const before = await stored('import:H-1');

    const changed = await put('import:H-1', body);
    expect(changed.status).toBe(422);
    expect(await errorOf(changed)).toEqual({
      code: 'validation',
      message: expect.any(String),
      fields: { dispatchId: [expect.stringContaining('import:')] },
    });
    expect((await put('import:H-2', body)).status).toBe(422);
    expect((await get('import:H-1')).status).toBe(422);
    expect(await stored('import:H-1')).toEqual(before);
    expect(await stored('import:H-2')).toBeUndefined();
  });

  test('an import line never reaches a call the API created, even under the same id', async () => {
    const [tariff] = await queryRows<{ code: string }>(database.db, sql`select tariff_code as code from calls limit 1`);
    const line = (id: string) => `${id};12347;2026-10-21;08:00;Ancien départ;Ancienne arrivée;Terminé;${tariff!.code};20,00;20,00`;
    const sent = (await (await put('H-7', body)).json()) as { number: number };
    expect(await importCalls([line('H-7')])).toMatchObject({ isApplied: true, counts: { created: 1 } });
    expect(await stored('H-7')).toMatchObject({ number: sent.number, pickupAddress: '1, rue du Port', status: 'open' });
    expect(await stored('import:H-7')).toMatchObject({ pickupAddress: 'Ancien départ', status: 'completed', createdByToken: null });

    // A call the API created under a reserved id before the API refused them is left alone by the import.
    const [early] = await database.db.update(calls).set({ dispatchId: 'import:H-8' }).where(eq(calls.number, sent.number)).returning();
    const refused = await importCalls([line('H-8')]);
    expect(refused.isApplied).toBe(false);
    expect(refused.problems).toEqual([expect.objectContaining({ line: 2, column: 'No. appel', code: 'import.callFromApi' })]);
    expect(await stored('import:H-8')).toEqual(early);
  });
});

describe('the OpenAPI document', () => {
  test('is a valid OpenAPI 3.1 document, served without a token, describing every route of /api/v1 and no other', async () => {
    const served = await routes.openapi.GET();
    expect(served.status).toBe(200);
    const document = (await served.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(document.openapi).toBe('3.1.0');
    await expect(SwaggerParser.validate(structuredClone(openApiDocument()) as never)).resolves.toBeTruthy();

    const folder = path.join(process.cwd(), 'app', 'api', 'v1');
    const onDisk = readdirSync(folder, { recursive: true, encoding: 'utf8' })
      .filter((file) => path.basename(file) === 'route.ts' && !file.startsWith('openapi.json'))
      .map((file) => `/${path.dirname(file)}`.replace(/\[(\w+)\]/g, '{$1}'))
      .sort();
    expect(Object.keys(document.paths).sort()).toEqual(onDisk);
  });
});

describe('passenger trips from the dispatch system', () => {
  type TripAnswer = {
    number: number;
    billingType: string | null;
    billingHours: number | null;
    originMunicipality: string | null;
    destinationMunicipality: string | null;
    sevNumber: string | null;
  };
  const trip = {
    clientNumber: 88001,
    serviceDate: '2026-11-10',
    serviceTime: '08:45',
    pickupAddress: '1600, boulevard Saint-Martin Est',
    destinationAddress: 'Hôpital général juif, 3755, chemin de la Côte-Sainte-Catherine',
    originMunicipality: 'laval',
    destinationMunicipality: 'MONTREAL',
    distanceKm: 18.5,
  };
  const put = (dispatchId: string, value: unknown) =>
    routes.dispatchCall.PUT(
      new Request(`http://localhost/api/v1/dispatch-calls/${dispatchId}`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${writeToken}`, 'content-type': 'application/json' },
        body: JSON.stringify(value),
      }),
      params({ dispatchId }),
    );
  const stored = async (dispatchId: string) => (await database.db.select().from(calls).where(eq(calls.dispatchId, dispatchId)))[0];

  beforeAll(async () => {
    const adapted = await insertTariff(database.db, {
      code: 'ADAPTE',
      name: 'Transport adapté',
      isPassenger: true,
      defaultBillingType: 'adapted',
    });
    const pax = await insertTariff(database.db, { code: 'PAX', name: 'Transport de personnes', isPassenger: true });
    await insertClient(database.db, 88001, adapted.id, { name: 'Société de transport adapté' });
    await insertClient(database.db, 88002, pax.id, { name: 'CIUSSS du Nord' });
  });

  test('a trip without a billing type takes its tariff’s default, else « Tarif fixe c. »; its municipalities come back as the list writes them', async () => {
    const created = await put('P-1', trip);
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({
      billingType: 'adapted',
      billingHours: null,
      originMunicipality: 'Laval',
      destinationMunicipality: 'Montréal',
      sevNumber: null,
    });
    const contract = (await (await put('P-2', { ...trip, clientNumber: 88002, sevNumber: 'SEV-0042' })).json()) as TripAnswer;
    expect(contract).toMatchObject({ billingType: 'fixed_contract', sevNumber: 'SEV-0042' });
    expect(await stored('P-2')).toMatchObject({
      billingType: 'fixed_contract',
      sevNumber: 'SEV-0042',
      originMunicipalityId: expect.any(Number),
    });
    const read = await routes.dispatchCall.GET(request('/dispatch-calls/P-2', readToken), params({ dispatchId: 'P-2' }));
    expect(await read.json()).toMatchObject({
      billingType: 'fixed_contract',
      originMunicipality: 'Laval',
      destinationMunicipality: 'Montréal',
    });
  });

  test('by the hour, with its hours to the tenth; the same request again changes nothing', async () => {
    const hourly = { ...trip, billingType: 'hourly', billingHours: 2.5 };
    const created = (await (await put('P-3', hourly)).json()) as TripAnswer;
    expect(created).toMatchObject({ billingType: 'hourly', billingHours: 2.5 });
    expect((await stored('P-3'))!.billingHoursTenths).toBe(25);
    const again = await put('P-3', hourly);
    expect(again.status).toBe(200);
    expect(((await again.json()) as TripAnswer).number).toBe(created.number);
    expect((await stored('P-3'))!.updatedAt).toEqual((await stored('P-3'))!.createdAt);
  });

  test('an unknown billing type is refused naming billingType; hours to the hundredth or without Tarif horaire, naming billingHours', async () => {
    const unknown = await put('P-4', { ...trip, billingType: 'limousine' });
    expect(unknown.status).toBe(422);
    expect(await errorOf(unknown)).toMatchObject({ code: 'validation', fields: { billingType: [expect.any(String)] } });
    const fine = await put('P-4', { ...trip, billingType: 'hourly', billingHours: 2.55 });
    expect(await errorOf(fine)).toMatchObject({ code: 'validation', fields: { billingHours: ['at most one decimal'] } });
    const notHourly = await put('P-4', { ...trip, billingHours: 1 });
    expect(notHourly.status).toBe(422);
    expect(await errorOf(notHourly)).toEqual({
      code: 'validation',
      message: expect.any(String),
      fields: { billingHours: ['only with billingType hourly'] },
    });
    expect(await stored('P-4')).toBeUndefined();
  });

  test('an unknown municipality is refused with its own code naming the field; a missing one as a validation error; nothing is saved', async () => {
    const unknown = await put('P-5', { ...trip, destinationMunicipality: 'Atlantide' });
    expect(unknown.status).toBe(422);
    expect(await errorOf(unknown)).toEqual({
      code: 'unknown_municipality',
      message: expect.stringContaining('Municipalités'),
      fields: { destinationMunicipality: [expect.stringContaining('Atlantide')] },
    });
    const missing = await put('P-5', { ...trip, originMunicipality: null });
    expect(await errorOf(missing)).toMatchObject({ code: 'validation', fields: { originMunicipality: ['required for a passenger trip'] } });
    expect(await stored('P-5')).toBeUndefined();
  });

  test('a courier call takes none of a trip’s fields', async () => {
    const courier = await put('P-6', { ...trip, clientNumber: 12347 });
    expect(courier.status).toBe(422);
    expect((await errorOf(courier)).fields).toEqual({
      originMunicipality: [expect.stringContaining('only for a passenger trip')],
      destinationMunicipality: [expect.stringContaining('only for a passenger trip')],
    });
    const { originMunicipality: _o, destinationMunicipality: _d, ...plain } = trip;
    const created = (await (await put('P-6', { ...plain, clientNumber: 12347 })).json()) as TripAnswer;
    expect(created).toMatchObject({ billingType: null, originMunicipality: null, destinationMunicipality: null });
  });

  test('a spelling merged into a municipality stands for it, and the call sent again after a merge is unchanged', async () => {
    const laval = (await findMunicipalities(database.db, ['Laval']))[0]!.id;
    const variant = await addMunicipality(database.db, adminId, { name: 'Ville de Laval' });
    await mergeMunicipality(database.db, adminId, { id: variant.id, intoId: laval });
    const sent = { ...trip, originMunicipality: 'VILLE-DE-LAVAL' };
    expect(((await (await put('P-7', sent)).json()) as TripAnswer).originMunicipality).toBe('Laval');
    expect((await stored('P-7'))!.originMunicipalityId).toBe(laval);

    // A call that named a spelling before it was merged: the same request is no change.
    const chomedey = await addMunicipality(database.db, adminId, { name: 'Chomedey' });
    const before = (await (await put('P-8', { ...trip, originMunicipality: 'Chomedey' })).json()) as TripAnswer;
    expect(before.originMunicipality).toBe('Chomedey');
    await mergeMunicipality(database.db, adminId, { id: chomedey.id, intoId: laval });
    const again = await put('P-8', { ...trip, originMunicipality: 'Chomedey' });
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ number: before.number, originMunicipality: 'Laval' });
    expect((await stored('P-8'))!.originMunicipalityId).toBe(chomedey.id);
  });

  test('the OpenAPI document describes the trip’s fields and the refusal of an unknown municipality', () => {
    const document = openApiDocument() as unknown as {
      components: { schemas: { DispatchCallInput: { properties: Record<string, { description?: string }> } } };
      paths: Record<string, { put?: { responses: Record<string, { description: string }> } }>;
    };
    const properties = document.components.schemas.DispatchCallInput.properties;
    for (const field of ['billingType', 'billingHours', 'originMunicipality', 'destinationMunicipality', 'sevNumber'])
      expect(properties[field]?.description, field).toEqual(expect.any(String));
    expect(document.paths['/dispatch-calls/{dispatchId}']!.put!.responses['422']!.description).toContain('unknown_municipality');
  });
});
