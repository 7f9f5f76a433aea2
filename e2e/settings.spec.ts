import { expect, test, type Page } from '@playwright/test';
import { storageStateOf } from './support';

/** The demo company's numbers, which the invoices of the other specs print. */
const DEMO_GST = '123456789 RT0001';
const DEMO_QST = '1234567890 TQ0001';

async function openSettings(page: Page) {
  await page.goto('/admin/settings');
  await expect(page.getByRole('heading', { level: 1, name: 'Paramètres de l’entreprise' })).toBeVisible();
  return page.getByRole('form', { name: 'Coordonnées de l’entreprise' });
}

async function saveQst(page: Page, qst: string) {
  const form = await openSettings(page);
  await form.getByLabel('No. d’inscription TVQ', { exact: true }).fill(qst);
  await form.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(form.getByRole('status')).toHaveText('Paramètres de l’entreprise enregistrés.');
}

test.describe('as an administrator', () => {
  test.use({ storageState: storageStateOf('admin') });

  test.describe('changing the QST number', () => {
    // Put the demo number back, whatever happened in the test.
    test.afterEach(async ({ page }) => {
      await saveQst(page, DEMO_QST);
    });

    test('"1234567890tq0002" is saved as 1234567890 TQ0002 and still shown so after a reload', async ({ page }) => {
      const form = await openSettings(page);
      await expect(page.getByRole('note')).toHaveCount(0);
      await expect(form.getByLabel('Nom de l’entreprise', { exact: true })).toHaveValue('Répartition Express Montréal inc.');
      const qst = form.getByLabel('No. d’inscription TVQ', { exact: true });
      await expect(qst).toHaveValue(DEMO_QST);

      await qst.fill('1234567890tq0002');
      await form.getByRole('button', { name: 'Enregistrer' }).click();
      await expect(form.getByRole('status')).toHaveText('Paramètres de l’entreprise enregistrés.');
      await expect(qst).toHaveValue('1234567890 TQ0002');

      const reloaded = await openSettings(page);
      await expect(reloaded.getByLabel('No. d’inscription TVQ', { exact: true })).toHaveValue('1234567890 TQ0002');
      await expect(reloaded.getByLabel('No. d’inscription TPS', { exact: true })).toHaveValue(DEMO_GST);
    });
  });

  test('a dues rate is added from a date, a date that has one takes the new amount, and a date before 2021 is refused', async ({
    page,
  }) => {
    await openSettings(page);
    const rates = page.getByRole('table', { name: 'Taux de la redevance par course' });
    await expect(rates.getByRole('row').filter({ hasText: '2021' })).toContainText('0,90 $');
    const form = page.getByRole('form', { name: 'Ajouter un taux de la redevance' });
    const date = form.getByLabel('En vigueur le', { exact: true });
    const amount = form.getByLabel('Montant par course', { exact: true });

    await date.fill('2020-12-31');
    await amount.fill('0,90');
    await form.getByRole('button', { name: 'Ajouter le taux' }).click();
    await expect(date).toHaveAccessibleDescription(/La redevance commence le 1er janvier 2021/);

    await date.fill('2099-01-01');
    await amount.fill('0,95');
    await form.getByRole('button', { name: 'Ajouter le taux' }).click();
    await expect(form.getByRole('status')).toContainText('Redevance de 0,95 $ par course en vigueur le');
    await expect(amount).toHaveValue('');

    await date.fill('2099-01-01');
    await amount.fill('1');
    await form.getByRole('button', { name: 'Ajouter le taux' }).click();
    await expect(form.getByRole('status')).toContainText('passe de 0,95 $ à 1,00 $');
    await expect(rates.getByRole('row').nth(1)).toContainText('2099');
    await expect(rates.getByRole('row').nth(1)).toContainText('1,00 $');
  });

  test('a GST number without its 9 digits is explained next to the field, what was typed stays, and nothing is saved', async ({ page }) => {
    const form = await openSettings(page);
    const gst = form.getByLabel('No. d’inscription TPS', { exact: true });
    await gst.fill('12345678 RT0001');
    await form.getByLabel('Ville', { exact: true }).fill('Laval');
    await form.getByRole('button', { name: 'Enregistrer' }).click();

    await expect(form.getByRole('alert')).toHaveText('Certains champs sont à corriger.');
    await expect(form.getByText('Numéro de TPS invalide : 9 chiffres, RT et 4 chiffres (ex. 123456789 RT0001).')).toBeVisible();
    await expect(gst).toHaveAttribute('aria-invalid', 'true');
    await expect(gst).toHaveAccessibleDescription(/Numéro de TPS invalide/);
    await expect(gst).toHaveValue('12345678 RT0001');
    await expect(form.getByLabel('Ville', { exact: true })).toHaveValue('Laval');

    // The whole form was refused: neither the GST number nor the city changed.
    const reloaded = await openSettings(page);
    await expect(reloaded.getByLabel('No. d’inscription TPS', { exact: true })).toHaveValue(DEMO_GST);
    await expect(reloaded.getByLabel('Ville', { exact: true })).toHaveValue('Montréal');
  });
});

test.describe('as the dispatcher', () => {
  test.use({ storageState: storageStateOf('dispatcher') });

  test('opening /admin/settings is refused by the server with 403', async ({ page }) => {
    const response = await page.goto('/admin/settings');
    expect(response?.status()).toBe(403);
    await expect(page.getByRole('heading', { level: 1, name: /Accès refusé|Access denied/ })).toBeVisible();
    await expect(page.getByRole('form', { name: /Coordonnées de l’entreprise|Company details/ })).toHaveCount(0);
  });
});
