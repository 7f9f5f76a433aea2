/**
 * `npm run dev` opened through 127.0.0.1 (or the network address it prints) rather than
 * localhost: the development server refuses the page's scripts from an origin it does not
 * allow (allowedDevOrigins in next.config.js), and then server-rendered forms still work while
 * every button that needs JavaScript silently does nothing.
 */
import { expect, test } from '@playwright/test';
import { eq, inArray } from 'drizzle-orm';
import { calls, clients } from '../db/schema';
import { addDays, todayInMontreal } from '../lib/dates/montreal';
import { insertBillableClients, openTestDatabase } from './database';
import { startServerProcess, type ServerProcess } from './server-process';
import { storageStateOf } from './support';

test.use({ storageState: storageStateOf('billing') });

let server: ServerProcess | null = null;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  // No e-mail worker: the instances of the production build already run theirs on this database.
  const env = { ...process.env, NODE_ENV: 'development' as const, EMAIL_WORKER: 'off', PGAPPNAME: 'web-dev', NEXT_TELEMETRY_DISABLED: '1' };
  // As `npm run dev` starts it: every interface, no -H. It writes .next/dev, apart from the
  // production build (.next) that the other instances serve.
  server = await startServerProcess((port) => ['node_modules/next/dist/bin/next', 'dev', '-p', String(port)], env, 'next dev', 150);
});

test.afterAll(async () => {
  await server?.stop();
});

test('through 127.0.0.1 the billing list runs its scripts: the generation asks for confirmation', async ({ page }) => {
  test.setTimeout(180_000);
  const app = openTestDatabase();
  const { from } = await insertBillableClients(app.db, { count: 1, isEmailed: false });
  try {
    await page.goto(`${server!.url}/billing?cutoff=${addDays(todayInMontreal(), -1)}&cycle=all&clientFrom=${from}&clientTo=${from}`);
    await expect(page.getByRole('table', { name: 'Liste de facturation' }).getByTestId(`billed-${from}`)).toBeVisible({
      timeout: 60_000,
    });
    // The button works once the page's scripts have run: until then a click does nothing, so
    // click again while the confirmation has not appeared (it never does when they are refused).
    const generate = page.getByRole('button', { name: 'Générer les factures' });
    await expect(async () => {
      if (await generate.isVisible()) await generate.click({ timeout: 2_000 });
      await expect(page.getByRole('button', { name: 'Confirmer la génération' })).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 90_000 });
  } finally {
    await app.db.delete(calls).where(inArray(calls.clientNumber, [from]));
    await app.db.delete(clients).where(eq(clients.number, from));
    await app.close();
  }
});
