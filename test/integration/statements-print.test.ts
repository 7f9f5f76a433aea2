/**
 * Printing statements of account through the route handler, as the clerk's browser calls it:
 * the batch's merged PDF (POST, the screen's form) and one client's preview (GET, the list's
 * link, which records nothing); the statements are recorded printed only once the whole file was
 * taken, never when the download is cancelled; a selection that is wrong or empty answers a short
 * message.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, expect, test, vi } from 'vitest';
import { statements } from '@/db/schema';
import type { CurrentUser } from '@/lib/auth/current-user';
import { billingInput } from '@/lib/billing/billing-input';
import { generateInvoices } from '@/lib/billing/generate-invoices';
import { loadGoldenScenario } from '@/test/support/golden-scenario';
import { pdfPages } from '@/test/support/pdf-text';
import { createTestDatabase, type TestDatabase } from '@/test/support/test-database';

let signedIn: CurrentUser;
vi.mock('@/lib/auth/current-user', () => ({ requireFileRoute: async () => ({ user: signedIn, refusal: null }) }));

let database: TestDatabase;
let printRoute: typeof import('@/app/(app)/receivables/statements/print/route');

beforeAll(async () => {
  database = await createTestDatabase();
  globalThis.__appDatabase = database;
  const { clerkId } = await loadGoldenScenario(database.db);
  signedIn = { id: clerkId, name: 'Commis', email: 'commis@golden.local', role: 'billing', locale: 'fr', portalClientNumber: null };
  const input = (isGrouped: boolean) => billingInput.parse({ cutoff: '2026-10-31', cycle: 'all', isGrouped: isGrouped ? 'on' : undefined });
  await generateInvoices(database.db, clerkId, input(false), '2026-11-01'); // 1: 20001, 2: 20002
  await generateInvoices(database.db, clerkId, input(true), '2026-11-01'); // 3: head 12345
  printRoute = await import('@/app/(app)/receivables/statements/print/route');
});
afterAll(async () => {
  globalThis.__appDatabase = undefined;
  await database.drop();
});
beforeEach(async () => {
  await database.db.execute(sql`delete from deliveries where statement_id is not null`);
  await database.db.delete(statements);
});

function post(fields: Record<string, string>): Promise<Response> {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  return printRoute.POST(new Request('http://localhost/receivables/statements/print', { method: 'POST', body: form }));
}

const printedClients = async () =>
  (await database.db.select().from(statements).orderBy(statements.billedClientNumber))
    .filter((s) => s.printedAt !== null)
    .map((s) => s.billedClientNumber);

test('a batch prints as one PDF in client order, recorded printed once the whole file was taken', async () => {
  const response = await post({ from: '2026-11-01', to: '2026-11-30' });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-disposition')).toBe('attachment; filename="etats-de-compte-20001-20002-2026-11-30.pdf"');
  const pages = await pdfPages(new Uint8Array(await response.arrayBuffer()));
  expect(pages.map((page) => /No client(?: \/ Client no\.)? (\d+)/.exec(page.text)?.[1])).toEqual(['20001', '20002']);
  expect(await printedClients()).toEqual([20001, 20002]);
});

test('the grouped batch takes the heads only', async () => {
  const response = await post({ from: '2026-11-01', to: '2026-11-30', isGrouped: 'on' });
  const pages = await pdfPages(new Uint8Array(await response.arrayBuffer()));
  expect(pages).toHaveLength(1);
  expect(pages[0]!.text).toContain('No client 12345');
  expect(pages[0]!.text).toContain('Facturé par membre durant la période');
  expect(await printedClients()).toEqual([12345]);
});

test('one client’s statement previewed from the list’s link: shown, and nothing recorded', async () => {
  const response = await printRoute.GET(
    new Request('http://localhost/receivables/statements/print?from=2026-11-01&to=2026-11-30&clientNumber=20002'),
  );
  expect(response.headers.get('content-disposition')).toBe('inline; filename="etats-de-compte-20002-2026-11-30.pdf"');
  const pages = await pdfPages(new Uint8Array(await response.arrayBuffer()));
  expect(pages.map((page) => page.text.includes('STATEMENT OF ACCOUNT'))).toEqual([true]);
  expect(await database.db.select().from(statements)).toEqual([]);
  expect(await database.db.execute(sql`select 1 from deliveries where statement_id is not null`)).toHaveLength(0);
});

test('a download cancelled records nothing', async () => {
  const response = await post({ from: '2026-11-01', to: '2026-11-30' });
  const reader = response.body!.getReader();
  await reader.read();
  await reader.cancel();
  expect(await printedClients()).toEqual([]);
});

test('a wrong or empty selection answers a short message', async () => {
  const wrong = await post({ from: '2026-11-30', to: '2026-11-01' });
  expect(wrong.status).toBe(400);
  expect(await wrong.text()).toContain('Sélection invalide');
  const empty = await post({ from: '2025-01-01', to: '2025-01-31' });
  expect(empty.status).toBe(404);
  expect(await empty.text()).toContain('Aucun état de compte à imprimer');
});
