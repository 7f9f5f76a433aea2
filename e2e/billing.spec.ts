import { expect, test } from '@playwright/test';
import { storageStateOf } from './support';

test.use({ storageState: storageStateOf('billing') });

test('the billing clerk lists, generates and opens grouped invoices; generating again creates nothing', async ({ page }) => {
  await page.goto('/billing');
  const checkbox = page.getByLabel('Facturation par client regroupé');

  // Unchecked: the normal process, which never shows the group of 12345.
  await expect(checkbox).not.toBeChecked();
  await page.getByRole('button', { name: 'Afficher la liste' }).click();
  const list = page.getByRole('table', { name: 'Liste de facturation' });
  await expect(list.getByTestId('billed-20001')).toBeVisible();
  for (const number of ['12345', '12346', '12347']) await expect(list.getByTestId(`billed-${number}`)).toHaveCount(0);
  // It says that the group's completed calls wait in the grouped process, with a link to it.
  await expect(page.getByTestId('other-process')).toContainText(/appels terminés attendent dans la facturation regroupée/);
  await expect(page.getByRole('link', { name: 'Afficher la liste de facturation regroupée' })).toHaveAttribute('href', /isGrouped=on/);

  // Checked: one row per head; 12345 expands into its members 12346 and 12347.
  await checkbox.check();
  await page.getByRole('button', { name: 'Afficher la liste' }).click();
  await expect(page).toHaveURL(/isGrouped=on/);
  await expect(list.getByTestId('billed-12345')).toBeVisible();
  await expect(list.getByTestId('billed-12346')).toHaveCount(0);
  await list.getByText('Membres de 12345').click();
  const members = page.getByRole('table', { name: 'Membres de 12345' });
  await expect(members.getByRole('row', { name: /12346/ })).toBeVisible();
  await expect(members.getByRole('row', { name: /12347/ })).toBeVisible();
  const total = (await list.getByTestId('billed-12345').locator('td').last().textContent())!;

  // Generation: a confirmation states what will be created, then the run page.
  await page.getByRole('button', { name: 'Générer les factures' }).click();
  await expect(page.getByText(/^Générer \d+ factures? regroupées? pour un total de/)).toBeVisible();
  await page.getByRole('button', { name: 'Confirmer la génération' }).click();
  await expect(page).toHaveURL(/\/billing\/runs\/\d+\?created=1/);
  await expect(page.getByRole('status').filter({ hasText: /factures? créées?/ })).toBeVisible();

  // The invoice of 12345 shows its lines in member blocks, and the same total as the list.
  const invoices = page.getByRole('table', { name: 'Factures du traitement' });
  await invoices
    .getByRole('row', { name: /12345 — Pharmacie Centrale inc\./ })
    .getByRole('link')
    .first()
    .click();
  await expect(page.getByRole('heading', { name: /^Facture \d+$/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Client 12345 — Pharmacie Centrale inc.' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Client 12346 — Pharmacie Centrale — succursale Laval' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Client 12347 — Pharmacie Centrale — succursale Longueuil' })).toBeVisible();
  await expect(page.getByTestId('invoice-total')).toHaveText(total);
  const pdf = await page.request.get(`${new URL(page.url()).pathname}/pdf`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toBe('application/pdf');

  // Generating again with the same inputs creates nothing.
  await page.goto('/billing');
  await page.getByLabel('Facturation par client regroupé').check();
  await page.getByRole('button', { name: 'Afficher la liste' }).click();
  await expect(page.getByText('Aucun appel à facturer pour ces critères.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Générer les factures' })).toBeDisabled();
});

test('a run not yet delivered can be reversed: its invoices are void and keep their numbers', async ({ page }) => {
  await page.goto('/billing/runs');
  await page.getByRole('table', { name: 'Traitements de facturation' }).getByRole('link').first().click();
  page.once('dialog', (dialog) => dialog.accept());
  await page.getByRole('button', { name: 'Annuler ce traitement' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Ce traitement a été annulé le/ })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Factures du traitement' }).getByRole('cell', { name: 'Annulée' }).first()).toBeVisible();

  // The calls are billable again.
  await page.goto(
    '/billing?isGrouped=on&cycle=all&cutoff=' +
      new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Toronto' }).format(new Date(Date.now() - 86_400_000)),
  );
  await expect(page.getByRole('table', { name: 'Liste de facturation' }).getByTestId('billed-12345')).toBeVisible();
});

test.describe('as the dispatcher', () => {
  test.use({ storageState: storageStateOf('dispatcher') });

  test('the CSV export is refused', async ({ request }) => {
    const response = await request.get('/billing/export?cutoff=2026-10-31&cycle=all', { maxRedirects: 0 });
    expect(response.status()).toBe(403);
  });
});

test('the billing list exports as CSV for a French spreadsheet', async ({ request }) => {
  const response = await request.get('/billing/export?cutoff=2026-12-31&cycle=all&isGrouped=on&separator=semicolon');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('text/csv');
  const body = await response.body();
  expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = body.toString('utf8');
  expect(text).toContain('Type;No. client facturé;Nom;');
  expect(text).toMatch(/\nFacture;12345;Pharmacie Centrale inc\.;;;\d+;\d+,\d\d;/);
  expect(text).toMatch(/\nMembre;12345;Pharmacie Centrale inc\.;12346;Pharmacie Centrale — succursale Laval;/);
});

test('the billing list exports as PDF', async ({ request }) => {
  const response = await request.get('/billing/export?cutoff=2026-12-31&cycle=all&isGrouped=on&format=pdf');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('application/pdf');
  expect((await response.body()).subarray(0, 5).toString()).toBe('%PDF-');
});
