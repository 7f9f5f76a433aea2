import { expect, test } from '@playwright/test';
import type { AppDatabase } from '../db/index';
import { insertBillableClients, openTestDatabase } from './database';
import { storageStateOf } from './support';

test.use({ storageState: storageStateOf('billing') });

let app: AppDatabase;
test.beforeAll(() => {
  app = openTestDatabase();
});
test.afterAll(async () => {
  await app.close();
});

test('a run of 60 invoices lists them 50 a page, in the order they were numbered, with every invoice on one page or the other', async ({
  page,
}) => {
  const range = await insertBillableClients(app.db, { count: 60, isEmailed: false });
  await page.goto(`/billing?cycle=all&clientFrom=${range.from}&clientTo=${range.to}`);
  await page.getByRole('button', { name: 'Afficher la liste' }).click();
  await page.getByRole('button', { name: 'Générer les factures' }).click();
  await page.getByRole('button', { name: 'Confirmer la génération' }).click();
  await expect(page).toHaveURL(/\/billing\/runs\/\d+\?created=1/);
  await expect(page.getByRole('status').filter({ hasText: /60 factures créées/ })).toBeVisible();

  const invoices = page.getByRole('table', { name: 'Factures du traitement' });
  const pager = page.getByRole('navigation', { name: 'Factures du traitement' });
  const clientsShown = async () =>
    (await invoices.locator('tbody tr td:nth-child(3)').allTextContents()).map((text) => Number(text.split(' — ')[0]));

  await expect(invoices.locator('tbody tr')).toHaveCount(50);
  await expect(pager).toContainText('Page 1 de 2');
  const firstPage = await clientsShown();
  await pager.getByRole('link', { name: 'Suivante' }).click();
  await expect(pager).toContainText('Page 2 de 2');
  await expect(invoices.locator('tbody tr')).toHaveCount(10);
  // The confirmation of the generation belongs to the landing page only.
  await expect(page.getByRole('status').filter({ hasText: /factures créées/ })).toHaveCount(0);
  const secondPage = await clientsShown();

  // Generation numbers invoices in client order: both pages together are the 60 clients, once each, in order.
  const expected = Array.from({ length: 60 }, (_, i) => range.from + i);
  expect([...firstPage, ...secondPage]).toEqual(expected);

  await pager.getByRole('link', { name: 'Précédente' }).click();
  await expect(pager).toContainText('Page 1 de 2');
  await expect(pager.getByRole('link', { name: 'Précédente' })).toHaveCount(0);
});
