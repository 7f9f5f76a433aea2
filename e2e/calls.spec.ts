import { expect, test, type Page } from '@playwright/test';
import { storageStateOf } from './support';

test.use({ storageState: storageStateOf('dispatcher') });

const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Toronto' }).format(new Date());

async function typeField(page: Page, text: string) {
  await page.keyboard.press('Tab');
  if (text) await page.keyboard.type(text);
}

test('the dispatcher takes a call for member 12346 with the keyboard only, completes it, and finds it with 12345 in the status bar', async ({
  page,
}) => {
  await page.goto('/calls/new');
  // Focus starts on the client number; typing it shows the client at once.
  await expect(page.getByLabel('No. client')).toBeFocused();
  await page.keyboard.type('12346');
  await expect(page.getByTestId('client-lookup')).toHaveText('Pharmacie Centrale — succursale Laval');
  await page.keyboard.press('Tab'); // service date: today, kept
  await page.keyboard.press('Tab'); // time: now, kept
  await typeField(page, 'Mme Lavoie'); // caller
  await typeField(page, '3035, boulevard Le Carrefour, Laval');
  await typeField(page, '1500, boulevard René-Lévesque Ouest, Montréal');
  await typeField(page, '15'); // km
  await typeField(page, '0'); // waiting
  // STD tariff of 12346 with its 5 % discount: 4.50 + 15 × 1.875 = 32.63 $, less 1.63 $.
  await expect(page.getByTestId('price-preview')).toContainText('31,00 $');
  await page.keyboard.press('Enter');

  const saved = page.getByRole('status').filter({ hasText: /Appel \d+ enregistré — 31,00 \$/ });
  await expect(saved).toBeVisible();
  const callNumber = (await saved.textContent())!.match(/Appel (\d+)/)![1]!;
  // A new call starts at once, focus back on the client number.
  await expect(page.getByLabel('No. client')).toBeFocused();
  await expect(page.getByLabel('No. client')).toHaveValue('');

  await page.goto(`/calls/${callNumber}`);
  await page.getByRole('button', { name: 'Affecter' }).click();
  await expect(page.getByRole('button', { name: 'Terminer' })).toBeVisible();
  await page.getByRole('button', { name: 'Terminer' }).click();
  await expect(page.getByRole('heading', { name: 'Historique des statuts' })).toBeVisible();
  await expect(page.locator('.history li').last()).toContainText('Affecté → Terminé');

  // Search by the member's own number, select the call: the status bar shows its head.
  await page.goto('/calls');
  await page.getByLabel('No. client', { exact: true }).fill('12346');
  await page.getByLabel('Du', { exact: true }).fill(today);
  await page.getByRole('button', { name: 'Rechercher' }).click();
  const results = page.getByRole('table', { name: 'Appels trouvés' });
  await results.getByRole('link', { name: callNumber, exact: true }).click();
  await expect(page.getByRole('heading', { name: `Détail de l’appel ${callNumber}` })).toBeVisible();
  const statusBar = page.getByRole('status', { name: 'Compte regroupé du client' });
  await expect(statusBar).toHaveText('No. client regroupé : 12345');

  // The status bar lies in the bottom-right quarter of the viewport.
  const box = (await statusBar.boundingBox())!;
  const viewport = page.viewportSize()!;
  expect(box.x).toBeGreaterThanOrEqual(viewport.width / 2);
  expect(box.y).toBeGreaterThanOrEqual(viewport.height / 2);
  expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
  expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
});

test('a passenger trip for a TAXI client asks for its municipalities and billing type, refuses an unknown municipality under its field, and shows them on its page', async ({
  page,
}) => {
  await page.goto('/calls/new');
  await page.getByLabel('No. client').fill('20018');
  await expect(page.getByTestId('client-lookup')).toHaveText('Dépanneur Chez Ginette');
  // The tariff's billing type until another is chosen; no hours but by the hour.
  await expect(page.getByLabel('Type de facturation')).toHaveValue('fixed_contract');
  await expect(page.getByLabel('Heures', { exact: true })).toHaveCount(0);
  await page.getByLabel('Adresse de départ').fill('45, rue Notre-Dame, Repentigny');
  await page.getByLabel('Municipalité de départ').fill('repentigny');
  await page.getByLabel('Destination', { exact: true }).fill('1, place Ville-Marie, Montréal');
  await page.getByLabel('Municipalité de destination').fill('Atlantide');
  await page.getByLabel('Distance (km)').fill('30');
  await page.getByRole('button', { name: 'Enregistrer l’appel' }).click();
  await expect(page.locator('#destinationMunicipality-error')).toHaveText(
    'Cette municipalité n’est pas dans la liste : choisissez-en une, ou demandez à un administrateur de l’ajouter.',
  );

  await page.getByLabel('Municipalité de destination').fill('MONTREAL');
  await page.getByLabel('Type de facturation').selectOption('hourly');
  await page.getByLabel('Heures', { exact: true }).fill('1,5');
  await page.getByRole('button', { name: 'Enregistrer l’appel' }).click();
  const saved = page.getByRole('status').filter({ hasText: /Appel \d+ enregistré/ });
  await expect(saved).toBeVisible();
  const callNumber = (await saved.textContent())!.match(/Appel (\d+)/)![1]!;

  await page.goto(`/calls/${callNumber}`);
  await expect(page.getByTestId('call-municipalities')).toHaveText('Repentigny → Montréal');
  await expect(page.getByTestId('call-billing-type')).toHaveText('Tarif horaire — à l’heure · 1,5 h');
  await expect(page.getByLabel('Municipalité de destination')).toHaveValue('Montréal');
});

test('searching by head 12345 gives its own calls, and with the members option its members’ calls too', async ({ page }) => {
  await page.goto('/calls?client=12345');
  const results = page.getByRole('table', { name: 'Appels trouvés' });
  const clientColumn = results.locator('tbody tr td:nth-child(3)');
  await expect(clientColumn.first()).toBeVisible();
  expect(new Set(await clientColumn.allTextContents())).toEqual(new Set(['12345']));
  await expect(page.getByRole('status', { name: 'Compte regroupé du client' })).toHaveText('No. client regroupé : 12345');

  await page.getByLabel('Inclure les membres du groupe').check();
  await page.getByRole('button', { name: 'Rechercher' }).click();
  await expect(page).toHaveURL(/members=1/);
  // The new results, not the loading state nor the previous list, before reading them whole.
  await expect(clientColumn.filter({ hasText: /^1234[67]$/ }).first()).toBeVisible();
  const clients = new Set(await clientColumn.allTextContents());
  expect(clients.has('12345')).toBe(true);
  expect([...clients].some((number) => number === '12346' || number === '12347')).toBe(true);
  expect([...clients].every((number) => ['12345', '12346', '12347'].includes(number))).toBe(true);
});

test('a client that is not grouped shows a dash in the status bar', async ({ page }) => {
  await page.goto('/calls?client=20001');
  await expect(page.getByRole('status', { name: 'Compte regroupé du client' })).toHaveText('No. client regroupé : —');
});

test.describe('as the billing clerk', () => {
  test.use({ storageState: storageStateOf('billing') });

  test('calls are read-only and call taking is refused', async ({ page }) => {
    const response = await page.goto('/calls/new');
    expect(response?.status()).toBe(403);
    await page.goto('/calls?client=20001');
    await page.getByRole('table', { name: 'Appels trouvés' }).locator('tbody tr').first().getByRole('link').first().click();
    await page.getByRole('link', { name: 'Ouvrir l’appel' }).click();
    await expect(page.getByText('Consultation seulement : les commis à la facturation ne modifient pas les appels.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Affecter' })).toHaveCount(0);
  });
});
