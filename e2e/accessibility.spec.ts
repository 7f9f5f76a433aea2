import { expect, test, type Page } from '@playwright/test';
import type { AppDatabase } from '../db/index';
import { insertBillableGroup, openTestDatabase } from './database';
import {
  concrete,
  PAGE_ROUTES,
  prepareScreenData,
  rolesOf,
  ROUTE_FILES,
  ownUserState,
  yesterday,
  type ScreenData,
  type SignedInState,
} from './screens';
import { expectNoSeriousViolation, storageStateOf } from './support';
import { PUBLIC_PAGES, ROUTE_ROLES } from '../lib/auth/permissions';

/**
 * Every screen of the permissions table, then a few states that only appear after an action,
 * checked by axe: no violation of impact serious or critical.
 */
let db: AppDatabase;
let data: ScreenData;

test.beforeAll(async ({ browser }) => {
  db = openTestDatabase();
  data = await prepareScreenData(db, browser);
});
test.afterAll(async () => {
  await db?.close();
});

/** Opens a screen and waits until it shows its title, so that axe reads the rendered page. */
async function open(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}

test('every route of the permissions table is a screen or a route handler, and every screen is in the table', () => {
  const routes = Object.keys(ROUTE_ROLES);
  for (const route of routes)
    expect(
      ROUTE_FILES.map((file) => file.route),
      route,
    ).toContain(route);
  // The screens opened before anyone is signed in: the sign-in page and an invitation's link.
  const screens = ROUTE_FILES.filter((file) => file.kind === 'page' && !PUBLIC_PAGES.includes(file.route)).map((file) => file.route);
  for (const screen of screens) expect(routes, screen).toContain(screen);
});

/*
 * Each screen twice: in French as the least entitled of its roles (the fewest buttons and
 * forms), and below in English as the administrator (all of them), so that both variants of
 * a screen whose content depends on the role are read, in both languages.
 */
for (const route of PAGE_ROUTES) {
  // The role sets list the roles from the most entitled to the least (lib/auth/roles.ts).
  const role = rolesOf(route).at(-1)!;
  test.describe(() => {
    test.use({ storageState: storageStateOf(role) });
    test(`${route} as ${role}`, async ({ page }) => {
      await open(page, concrete(route, data));
      await expectNoSeriousViolation(page, `${route} as ${role}`);
    });
  });
}

test('/login, anonymously, in French and in English', async ({ page }) => {
  await open(page, '/login');
  await expectNoSeriousViolation(page, '/login anonymous (fr)');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  // The document's title follows the page's content after a language change: axe reads both.
  await expect(page).toHaveTitle('Dispatch — Billing');
  await expectNoSeriousViolation(page, '/login anonymous (en)');
});

const english = new Map<string, SignedInState>();

// As the most entitled role of each screen: the administrator, or the portal's user for the portal's.
for (const route of PAGE_ROUTES) {
  const role = rolesOf(route)[0]!;
  test(`${route} as ${role}, in English`, async ({ browser }) => {
    if (!english.has(role)) english.set(role, await ownUserState(browser, role, 'en'));
    const context = await browser.newContext({ storageState: english.get(role) });
    const page = await context.newPage();
    await open(page, concrete(route, data));
    await expect(page.locator('html')).toHaveAttribute('lang', 'en-CA');
    await expectNoSeriousViolation(page, `${route} as ${role} (en)`);
    await context.close();
  });
}

test.describe('as the billing clerk', () => {
  test.use({ storageState: storageStateOf('billing') });

  test('the grouped billing list, a head expanded, and the generation confirmation', async ({ page }) => {
    // A group of the test's own, so that the list has a head to expand whatever ran before.
    const { head } = await insertBillableGroup(db.db, { members: 2, deliveryMethod: 'print' });
    await open(page, `/billing?cutoff=${yesterday()}&cycle=all&isGrouped=on&clientFrom=${head}&clientTo=${head}`);
    await expect(page.getByLabel('Facturation par client regroupé')).toBeChecked();
    const list = page.getByRole('table', { name: 'Liste de facturation' });
    await expect(list).toBeVisible();
    await list.getByText(`Membres de ${head}`).click();
    await expect(list.getByRole('table', { name: `Membres de ${head}` })).toBeVisible();
    await expectNoSeriousViolation(page, '/billing grouped list as billing');

    await page.getByRole('button', { name: 'Générer les factures' }).click();
    await expect(page.getByRole('button', { name: 'Confirmer la génération' })).toBeVisible();
    await expectNoSeriousViolation(page, '/billing confirmation as billing');
  });

  test('the delivery screen with a run to print', async ({ page }) => {
    await open(page, `/billing/delivery?runId=${data.run}&method=print`);
    await expect(page.getByRole('button', { name: 'Imprimer (un PDF pour tout le lot)' })).toBeVisible();
    await expectNoSeriousViolation(page, '/billing/delivery print as billing');
  });

  test('an invalid billing list request shows its errors accessibly', async ({ page }) => {
    await open(page, `/billing?cutoff=${yesterday()}&cycle=all&clientFrom=9&clientTo=1`);
    await expect(page.getByText('Le numéro de fin doit suivre le numéro de début.')).toBeVisible();
    await expectNoSeriousViolation(page, '/billing range error as billing');
  });
});

test.describe('as the dispatcher', () => {
  test.use({ storageState: storageStateOf('dispatcher') });

  test('the call search with results and a selected call', async ({ page }) => {
    await open(page, `/calls?client=12345&members=1&selected=${data.call}`);
    await expect(page.getByRole('table', { name: 'Appels trouvés' })).toBeVisible();
    await expect(page.getByRole('heading', { name: `Détail de l’appel ${data.call}` })).toBeVisible();
    await expectNoSeriousViolation(page, '/calls results and selection as dispatcher');
  });

  test('call taking with a client typed, its name and price shown', async ({ page }) => {
    await open(page, '/calls/new');
    await page.getByLabel('No. client').fill('12346');
    await expect(page.getByTestId('client-lookup')).toHaveText('Pharmacie Centrale — succursale Laval');
    await expectNoSeriousViolation(page, '/calls/new with a client as dispatcher');
  });
});
