import { expect, test } from '@playwright/test';
import { eq, sql } from 'drizzle-orm';
import { users } from '../db/schema';
import { insertUser, openTestDatabase, whileHoldingLock } from './database';
import { expectSignedIn, signIn, storageStateOf } from './support';

/**
 * Screens that fail for real: a table a page reads is renamed for the time of the test (and
 * always renamed back), as when a migration is missing or the database refuses a query.
 */
async function withTableHidden(table: string, body: () => Promise<void>) {
  const app = openTestDatabase();
  await app.db.execute(sql.raw(`alter table ${table} rename to ${table}_hidden`));
  try {
    await body();
  } finally {
    await app.db.execute(sql.raw(`alter table ${table}_hidden rename to ${table}`));
    await app.close();
  }
}

test.describe('as the administrator', () => {
  test.use({ storageState: storageStateOf('admin') });

  test('a screen that fails shows a French message, a retry and a way home; the retry shows the screen once the cause is gone', async ({
    page,
  }) => {
    await withTableHidden('audit_log', async () => {
      await page.goto('/admin/audit');
      await expect(page.getByRole('heading', { name: 'Une erreur est survenue' })).toBeVisible();
      await expect(page.getByText('Cette page n’a pas pu s’afficher.')).toBeVisible();
      await expect(page.getByRole('link', { name: 'Retour à l’accueil' })).toHaveAttribute('href', '/');
      await expect(page.getByRole('button', { name: 'Réessayer' })).toBeVisible();
      // Inside the application's frame, and nothing of the failure's own text.
      await expect(page.getByRole('navigation', { name: 'Navigation principale' })).toBeVisible();
      await expect(page.getByText(/audit_log|Application error/)).toHaveCount(0);
    });
    await page.getByRole('button', { name: 'Réessayer' }).click();
    await expect(page.getByRole('heading', { name: 'Journal d’audit' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Une erreur est survenue' })).toHaveCount(0);
  });

  test('a slow list shows that it is loading, then the list', async ({ page }) => {
    const app = openTestDatabase();
    try {
      await whileHoldingLock(
        app.db,
        (tx) => tx.execute(sql`lock table audit_log in access exclusive mode`),
        async () => {
          // The page streams: its document is complete only once the list is there.
          await page.goto('/admin/audit', { waitUntil: 'commit' });
          await expect(page.getByRole('status').filter({ hasText: 'Chargement en cours…' })).toBeVisible();
          await expect(page.getByRole('heading', { name: 'Journal d’audit' })).toHaveCount(0);
        },
      );
    } finally {
      await app.close();
    }
    await expect(page.getByRole('heading', { name: 'Journal d’audit' })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'Chargement en cours…' })).toHaveCount(0);
  });
});

test('an English reader sees the failure in English', async ({ page }) => {
  const app = openTestDatabase();
  const email = `admin-en-${Date.now()}@exemple.test`;
  try {
    const id = await insertUser(app.db, { email, role: 'admin', password: 'mot-de-passe-anglais' });
    await app.db.update(users).set({ locale: 'en' }).where(eq(users.id, id));
  } finally {
    await app.close();
  }
  await signIn(page, email, 'mot-de-passe-anglais');
  await expectSignedIn(page);
  await withTableHidden('audit_log', async () => {
    await page.goto('/admin/audit');
    await expect(page.getByRole('heading', { name: 'Something went wrong' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Back to home' })).toBeVisible();
  });
});

test.describe('as the billing clerk', () => {
  test.use({ storageState: storageStateOf('billing') });

  test('when even the frame of the application fails, a page in both languages offers a retry', async ({ page }) => {
    await withTableHidden('users', async () => {
      await page.goto('/billing');
      await expect(page.getByRole('heading', { name: 'Une erreur est survenue' })).toBeVisible();
      await expect(page.getByRole('button', { name: 'Réessayer / Try again' })).toBeVisible();
      await expect(page.getByRole('link', { name: 'Retour à l’accueil / Back to home' })).toBeVisible();
    });
    await page.getByRole('button', { name: 'Réessayer / Try again' }).click();
    await expect(page.getByRole('heading', { name: 'Liste de facturation' })).toBeVisible();
  });
});
