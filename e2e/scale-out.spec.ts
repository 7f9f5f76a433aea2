import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { sql } from 'drizzle-orm';
import { queryRows, type AppDatabase } from '../db/index';
import { MAX_FAILED_ATTEMPTS } from '../lib/auth/credentials';
import { takeBillingLockExclusive } from '../lib/billing/billing-lock';
import { generateInvoices } from '../lib/billing/generate-invoices';
import { addDays, todayInMontreal } from '../lib/dates/montreal';
import { checkInvariants, NO_VIOLATION } from '../test/support/invariants';
import { insertBillableClients, insertUser, openTestDatabase, whileHoldingLock } from './database';
import { INSTANCES } from './instances';
import { DEMO, expectSignedIn, signIn, storageStateOf, type DemoRole } from './support';

/**
 * The web tier keeps no state of its own: two instances of the application on one database
 * (playwright.config.ts) serve the same people as one would. Sessions are cookies signed and
 * encrypted with the secret both share; the sign-in limit, the e-mail queue and billing runs live
 * in PostgreSQL. Each test checks one of them across A and B.
 */
const { a: A, b: B } = INSTANCES;

let app: AppDatabase;
test.beforeAll(() => {
  app = openTestDatabase();
});
test.afterAll(async () => {
  await app.close();
});

/** A second person at the same time: a browser of their own, closed after the test. */
const contexts: BrowserContext[] = [];
async function openAs(browser: Browser, role: DemoRole): Promise<Page> {
  const context = await browser.newContext({ storageState: storageStateOf(role) });
  contexts.push(context);
  return context.newPage();
}
test.afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
});

test('a session opened on instance A is valid on instance B', async ({ page }) => {
  await page.goto(`${A.url}/login`);
  await signIn(page, DEMO.billing, 'demo', { isOnLoginPage: true });
  await expectSignedIn(page);

  await page.goto(`${B.url}/billing`);
  await expect(page).toHaveURL(`${B.url}/billing`);
  await expect(page.getByRole('heading', { level: 1, name: 'Liste de facturation' })).toBeVisible();
  await expectSignedIn(page);
});

const FAILURES_ON_A = 3;
test(`failed sign-ins count on every instance: ${FAILURES_ON_A} on A and ${MAX_FAILED_ATTEMPTS - FAILURES_ON_A} on B lock the account on B, even with the right password`, async ({
  page,
}) => {
  const email = `limite-${Date.now().toString(36)}@exemple.test`;
  await insertUser(app.db, { email, role: 'billing', password: 'bon mot de passe 2026' });

  for (let attempt = 0; attempt < MAX_FAILED_ATTEMPTS; attempt++) {
    const instance = attempt < FAILURES_ON_A ? A : B;
    await page.goto(`${instance.url}/login`);
    await signIn(page, email, 'mauvais mot de passe', { isOnLoginPage: true });
    await expect(page.getByText('Courriel ou mot de passe invalide.'), `failure on ${instance.name}`).toBeVisible();
  }

  // On B alone there were fewer failures than the limit: only the shared count refuses this one.
  await page.goto(`${B.url}/login`);
  await signIn(page, email, 'bon mot de passe 2026', { isOnLoginPage: true });
  await expect(page.getByText('Trop de tentatives échouées pour ce courriel. Réessayez dans 15 minutes.')).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
  expect((await page.context().cookies()).filter((c) => c.name.includes('session-token'))).toEqual([]);
});

test('two people confirm the same billing run at the same moment, on A and on B: one run is created, the other is refused, nothing is billed twice', async ({
  browser,
}) => {
  const range = await insertBillableClients(app.db, { count: 5, isEmailed: false });
  const list = `/billing?cutoff=${addDays(todayInMontreal(), -1)}&cycle=all&clientFrom=${range.from}&clientTo=${range.to}`;
  const clerkOnA = await openAs(browser, 'billing');
  const adminOnB = await openAs(browser, 'admin');
  for (const [page, instance] of [
    [clerkOnA, A],
    [adminOnB, B],
  ] as const) {
    await page.goto(`${instance.url}${list}`);
    await page.getByRole('button', { name: 'Générer les factures' }).click();
    await expect(page.getByText(/^Générer 5 factures normales pour un total de/)).toBeVisible();
  }

  // Both confirmations reach the billing lock while the test holds it: they run at the same time.
  await whileHoldingLock(app.db, takeBillingLockExclusive, async (waitingInstances) => {
    await clerkOnA.getByRole('button', { name: 'Confirmer la génération' }).click();
    await adminOnB.getByRole('button', { name: 'Confirmer la génération' }).click();
    await expect.poll(waitingInstances, { timeout: 20_000 }).toEqual([A.applicationName, B.applicationName]);
  });

  const outcomes: string[] = [];
  for (const page of [clerkOnA, adminOnB]) {
    const created = page.getByRole('status').filter({ hasText: /5 factures créées/ });
    const refused = page.getByRole('alert').filter({
      hasText:
        /^La liste a changé depuis que vous l’avez confirmée \(5 factures touchées\) : le client \d+ \(2 appels\) ne serait plus facturé ;.* Rien n’a été créé/,
    });
    await expect(created.or(refused)).toBeVisible();
    outcomes.push((await created.isVisible()) ? 'created' : 'refused');
  }
  expect(outcomes.sort()).toEqual(['created', 'refused']);

  // Nothing left to bill in the range, on either instance.
  for (const page of [clerkOnA, adminOnB]) {
    await page.goto(`${new URL(page.url()).origin}${list}`);
    await expect(page.getByText('Aucun appel à facturer pour ces critères.')).toBeVisible();
  }
  const [billed] = await queryRows<{ runs: number; invoices: number; lines: number; calls: number }>(
    app.db,
    sql`select (select count(*)::int from billing_runs where client_from = ${range.from} and client_to = ${range.to}) as runs,
               (select count(*)::int from invoices where billed_client_number between ${range.from} and ${range.to}) as invoices,
               (select count(*)::int from invoice_lines where client_number between ${range.from} and ${range.to}) as lines,
               (select count(*)::int from calls where client_number between ${range.from} and ${range.to}) as calls`,
  );
  expect(billed).toEqual({ runs: 1, invoices: 5, lines: 10, calls: 10 });
  expect(await checkInvariants(app.db)).toEqual(NO_VIOLATION);
});

test('an e-mail batch queued on B is sent by the workers of both instances, each invoice exactly once', async ({ browser }) => {
  const INVOICES = 60;
  const range = await insertBillableClients(app.db, { count: INVOICES, isEmailed: true });
  const [clerk] = await queryRows<{ id: number }>(app.db, sql`select id from users where email = ${DEMO.billing}`);
  const run = await generateInvoices(
    app.db,
    clerk!.id,
    { cutoff: addDays(todayInMontreal(), -1), cycle: 'all', clientFrom: range.from, clientTo: range.to, isGrouped: false },
    todayInMontreal(),
  );
  expect(run.invoiceCount).toBe(INVOICES);

  const page = await openAs(browser, 'billing');
  await page.goto(`${B.url}/billing/delivery?runId=${run.runId}&method=email`);
  const counts = page.getByTestId('email-counts');
  await expect(counts).toHaveText(`${INVOICES} factures : 0 envoyées · 0 en cours · 0 en échec · ${INVOICES} à envoyer`);

  // While the test keeps the outbox locked, each worker takes one e-mail and waits to write it:
  // both instances are seen sending the same batch at the same time.
  await whileHoldingLock(
    app.db,
    (tx) => tx.execute(sql`lock table outbox_messages in exclusive mode`),
    async (waitingInstances) => {
      await page.getByRole('button', { name: 'Envoyer par courriel' }).click();
      await expect(page.getByRole('status').filter({ hasText: `${INVOICES} factures mises en file d’envoi.` })).toBeVisible();
      await expect.poll(waitingInstances, { timeout: 20_000 }).toEqual([A.applicationName, B.applicationName]);
    },
  );

  await expect(counts).toHaveText(`${INVOICES} factures : ${INVOICES} envoyées · 0 en cours · 0 en échec · 0 à envoyer`, {
    timeout: 30_000,
  });
  const perInvoice = await queryRows<{ number: number; deliveries: number; messages: number }>(
    app.db,
    sql`select i.number::int as number,
               (select count(*)::int from deliveries d where d.invoice_id = i.id and d.channel = 'email') as deliveries,
               (select count(*)::int from outbox_messages o join deliveries d on d.id = o.delivery_id where d.invoice_id = i.id) as messages
          from invoices i where i.billing_run_id = ${run.runId} order by i.number`,
  );
  expect(perInvoice).toHaveLength(INVOICES);
  expect(perInvoice.filter((invoice) => invoice.deliveries !== 1 || invoice.messages !== 1)).toEqual([]);
});
