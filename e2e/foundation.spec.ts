import { expect, test, type Page } from '@playwright/test';
import { eq } from 'drizzle-orm';
import { users } from '../db/schema';
import { insertUser, openTestDatabase, withTestDatabase } from './database';
import { DEMO, expectSignedIn, signIn, storageStateOf } from './support';

async function menuLinks(page: Page): Promise<string[]> {
  return page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link').allTextContents();
}

test.describe('each role sees only its own navigation', () => {
  const expected = {
    admin: {
      home: '/clients',
      links: [
        'Prise d’appel',
        'Recherche d’appel',
        'Clients',
        'Liste de facturation',
        'Vérification avant facturation',
        'Contestations',
        'Traitements',
        'Impression et envoi',
        'Boîte d’envoi',
        'Factures',
        'Âge des comptes',
        'Paiements',
        'Bordereaux de dépôt',
        'États de compte',
        'Exportation comptable',
        'Déclarations et rapports',
        'Redevance',
        'Rapport annuel (CTQ)',
        'Utilisateurs',
        'Tarifs',
        'Paramètres',
        'Municipalités',
        'Journal d’audit',
        'API de répartition',
        'Importation et exportation',
      ],
    },
    billing: {
      home: '/billing',
      links: [
        'Recherche d’appel',
        'Clients',
        'Liste de facturation',
        'Vérification avant facturation',
        'Contestations',
        'Traitements',
        'Impression et envoi',
        'Boîte d’envoi',
        'Factures',
        'Âge des comptes',
        'Paiements',
        'Bordereaux de dépôt',
        'États de compte',
        'Exportation comptable',
        'Déclarations et rapports',
        'Redevance',
        'Rapport annuel (CTQ)',
      ],
    },
    dispatcher: { home: '/calls/new', links: ['Prise d’appel', 'Recherche d’appel', 'Clients'] },
  } as const;

  for (const role of ['admin', 'billing', 'dispatcher'] as const) {
    test(`${DEMO[role]} signs in, lands on ${expected[role].home} and sees its menu`, async ({ page }) => {
      await signIn(page, DEMO[role]);
      await expect(page).toHaveURL(expected[role].home);
      await expectSignedIn(page);
      expect(await menuLinks(page)).toEqual(expected[role].links);
    });
  }
});

test('a wrong password shows an error and opens no session', async ({ page }) => {
  await signIn(page, DEMO.admin, 'pas-le-bon');
  await expect(page.getByText('Courriel ou mot de passe invalide.')).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
  const cookies = await page.context().cookies();
  expect(cookies.filter((c) => c.name.includes('session-token'))).toEqual([]);
  await page.goto('/clients');
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fclients/);
});

test.describe('as the dispatcher', () => {
  test.use({ storageState: storageStateOf('dispatcher') });

  test('opening /billing is refused by the server with 403', async ({ page }) => {
    const response = await page.goto('/billing');
    expect(response?.status()).toBe(403);
    await expect(page.getByRole('heading', { name: 'Accès refusé' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Liste de facturation' })).toHaveCount(0);
  });

  test('the invoice PDF route refuses the dispatcher too', async ({ page }) => {
    // Followed in the browser: the application's page, not the browser's own error page.
    const response = await page.goto('/invoices/1/pdf');
    expect(response?.status()).toBe(403);
    await expect(page.getByRole('heading', { name: 'Accès refusé' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Retour à l’accueil' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Navigation principale' })).toBeVisible();

    // Fetched by a script: a plain 403, no redirection.
    const fetched = await page.request.get('/invoices/1/pdf', { maxRedirects: 0 });
    expect(fetched.status()).toBe(403);
  });

  test('the export, outbox attachment and print routes show the same page', async ({ page }) => {
    for (const path of ['/billing/export?cutoff=2026-10-31&cycle=all', '/admin/outbox/1/attachment']) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(403);
      await expect(page.getByRole('heading', { name: 'Accès refusé' }), path).toBeVisible();
    }
    // The print route is a form the browser posts: a navigation too (the form added to a page of the application).
    await page.goto('/calls');
    await page.evaluate(() => {
      const form = Object.assign(document.createElement('form'), { method: 'post', action: '/billing/delivery/print' });
      form.append(Object.assign(document.createElement('input'), { name: 'runId', value: '1' }));
      form.append(Object.assign(document.createElement('button'), { textContent: 'Imprimer le lot' }));
      document.body.append(form);
    });
    const shown = page.waitForResponse((r) => r.request().isNavigationRequest() && new URL(r.url()).pathname === '/billing/delivery');
    await page.getByRole('button', { name: 'Imprimer le lot' }).click();
    expect((await shown).status()).toBe(403);
    await expect(page.getByRole('heading', { name: 'Accès refusé' })).toBeVisible();
  });
});

test('a dispatcher who reads English sees the refusal of an invoice PDF in English', async ({ page }) => {
  const app = openTestDatabase();
  const email = `repartition-en-${Date.now()}@exemple.test`;
  try {
    const id = await insertUser(app.db, { email, role: 'dispatcher', password: 'mot-de-passe-anglais' });
    await app.db.update(users).set({ locale: 'en' }).where(eq(users.id, id));
  } finally {
    await app.close();
  }
  await signIn(page, email, 'mot-de-passe-anglais');
  await expectSignedIn(page);
  const response = await page.goto('/invoices/1/pdf');
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('heading', { name: 'Access denied' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Back to home' })).toBeVisible();
});

test('anonymous requests go to the sign-in page and come back after signing in', async ({ page }) => {
  await page.goto('/admin/tariffs');
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fadmin%2Ftariffs/);
  await signIn(page, DEMO.admin, 'demo', { isOnLoginPage: true });
  await expect(page).toHaveURL('/admin/tariffs');
  await expect(page.getByRole('heading', { name: 'Tarifs' })).toBeVisible();
});

test('signing out ends the session', async ({ page }) => {
  await signIn(page, DEMO.billing);
  await expectSignedIn(page);
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto('/billing');
  await expect(page).toHaveURL(/\/login/);
});

test('English is remembered for the user after sign-out and sign-in', async ({ page }) => {
  // A dispatcher of the test's own: the demo dispatcher stays in French for the other tests.
  const email = `langue-${Date.now().toString(36)}@exemple.test`;
  await withTestDatabase((db) => insertUser(db, { email, role: 'dispatcher', password: 'mot-de-passe-langue' }));
  await signIn(page, email, 'mot-de-passe-langue');
  await expect(page.getByRole('link', { name: 'Prise d’appel' })).toBeVisible();
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Call taking' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en-CA');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login/);
  // A new browser, with no cookie of the previous one: the language comes from the user.
  await page.context().clearCookies();
  await page.goto('/login');
  await expect(page.getByRole('heading', { name: 'Connexion' })).toBeVisible();
  await signIn(page, email, 'mot-de-passe-langue');
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Call search' })).toBeVisible();

  await page.getByRole('button', { name: 'Français' }).click();
  await expect(page.getByRole('link', { name: 'Recherche d’appel' })).toBeVisible();
});
