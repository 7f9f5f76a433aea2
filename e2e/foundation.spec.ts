import { expect, test, type Page } from '@playwright/test';
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
        'Traitements',
        'Impression et envoi',
        'Boîte d’envoi',
        'Factures',
        'Utilisateurs',
        'Tarifs',
        'Paramètres',
        'Journal d’audit',
      ],
    },
    billing: {
      home: '/billing',
      links: ['Recherche d’appel', 'Clients', 'Liste de facturation', 'Traitements', 'Impression et envoi', 'Boîte d’envoi', 'Factures'],
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

  test('the invoice PDF route refuses the dispatcher too', async ({ request }) => {
    const response = await request.get('/invoices/1/pdf', { maxRedirects: 0 });
    expect(response.status()).toBe(403);
  });
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
  await signIn(page, DEMO.dispatcher);
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
  await signIn(page, DEMO.dispatcher);
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Call search' })).toBeVisible();

  await page.getByRole('button', { name: 'Français' }).click();
  await expect(page.getByRole('link', { name: 'Recherche d’appel' })).toBeVisible();
});
