import { readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import type { AppDatabase } from '../db/index';
import { insertBillableClients, openTestDatabase } from './database';
import { storageStateOf } from './support';

/**
 * The two daily journeys with the keyboard alone (Tab, Shift+Tab, Enter, Space, arrows and
 * typing; no click): each control is reached in the tab order and shows where the focus is.
 */
let db: AppDatabase;

test.beforeAll(() => {
  db = openTestDatabase();
});
test.afterAll(async () => {
  await db?.close();
});

/** Presses Tab (or Shift+Tab) until `target` has the focus, then checks that the focus shows. */
async function tabTo(page: Page, target: Locator, { backwards = false, max = 60 } = {}) {
  for (let presses = 0; presses < max; presses++) {
    if (await target.evaluate((element) => element === document.activeElement)) break;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  await expect(target).toBeFocused();
  await expectFocusShown(target);
}

/** The focused control is drawn with a focus ring (an outline or a shadow), not left unmarked. */
async function expectFocusShown(target: Locator) {
  const ring = await target.evaluate((element) => {
    const style = getComputedStyle(element);
    const hasOutline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    return { isFocusVisible: element.matches(':focus-visible'), hasRing: hasOutline || style.boxShadow !== 'none' };
  });
  expect(ring, 'the focus is visible').toEqual({ isFocusVisible: true, hasRing: true });
}

test.describe('as the dispatcher', () => {
  test.use({ storageState: storageStateOf('dispatcher') });

  test('takes two calls in a row with the keyboard, then finds them in the call search', async ({ page }) => {
    // Two calls and a search, one key at a time.
    test.slow();
    const { from: client } = await insertBillableClients(db.db, { count: 1, isEmailed: false });
    await page.goto('/calls/new');
    const clientNumber = page.getByLabel('No. client');
    const saved: string[] = [];

    for (const caller of ['M. Gagnon', 'Mme Roy']) {
      // Focus starts (and starts again after saving) on the client number.
      await expect(clientNumber).toBeFocused();
      await expectFocusShown(clientNumber);
      await page.keyboard.type(String(client));
      await expect(page.getByTestId('client-lookup')).toHaveText(`Client d’essai ${client}`);
      await tabTo(page, page.getByLabel('Appelant'));
      await page.keyboard.type(caller);
      await tabTo(page, page.getByLabel('Adresse de départ'));
      await page.keyboard.type('1000, rue De La Gauchetière Ouest, Montréal');
      await tabTo(page, page.getByLabel('Destination'));
      await page.keyboard.type('4500, rue Hochelaga, Montréal');
      await tabTo(page, page.getByLabel('Distance (km)'));
      await page.keyboard.type('12');
      await expect(page.getByTestId('price-preview')).toContainText('$');
      await page.keyboard.press('Enter');

      // A new message, not the previous call's.
      const message = page.getByRole('status').filter({ hasText: /Appel \d+ enregistré/ });
      await expect(message).toHaveText(new RegExp(`Appel (?!(${saved.join('|') || '0'})\\b)\\d+ enregistré`));
      saved.push((await message.textContent())!.match(/Appel (\d+)/)![1]!);
      await expect(clientNumber).toHaveValue('');
    }
    expect(new Set(saved).size).toBe(2);

    // The call search opens on the client number; Enter searches.
    await page.goto('/calls');
    await expect(page.getByLabel('No. client', { exact: true })).toBeFocused();
    await page.keyboard.type(String(client));
    await page.keyboard.press('Enter');
    const results = page.getByRole('table', { name: 'Appels trouvés' });
    for (const number of saved) await expect(results.getByRole('link', { name: number, exact: true })).toBeVisible();
    // The first call selected from the keyboard: its details beside the results.
    await tabTo(page, results.getByRole('link', { name: saved[0]!, exact: true }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: `Détail de l’appel ${saved[0]}` })).toBeVisible();
    await expect(page.getByRole('complementary')).toContainText('M. Gagnon');
  });
});

test.describe('as the billing clerk', () => {
  test.use({ storageState: storageStateOf('billing') });

  test('shows the list of a client range, generates it, and prints the run, with the keyboard', async ({ page }) => {
    // Four screens, a generation and a merged PDF, one key at a time.
    test.slow();
    const range = await insertBillableClients(db.db, { count: 3, isEmailed: false });
    await page.goto('/billing');

    await tabTo(page, page.getByLabel('Du No. client'));
    await page.keyboard.type(String(range.from));
    await tabTo(page, page.getByLabel('Au No. client'));
    await page.keyboard.type(String(range.to));
    await tabTo(page, page.getByRole('button', { name: 'Afficher la liste' }));
    await page.keyboard.press('Enter');
    const list = page.getByRole('table', { name: 'Liste de facturation' });
    await expect(list.getByRole('row', { name: /Client d’essai/ })).toHaveCount(3);

    // Generate: the confirmation takes the focus; Space confirms.
    await tabTo(page, page.getByRole('button', { name: 'Générer les factures' }));
    await page.keyboard.press('Enter');
    const confirm = page.getByRole('button', { name: 'Confirmer la génération' });
    await expect(confirm).toBeFocused();
    await expectFocusShown(confirm);
    await page.keyboard.press('Space');
    await expect(page).toHaveURL(/\/billing\/runs\/\d+\?created=1/);
    await expect(page.getByRole('status').filter({ hasText: '3 factures créées' })).toBeVisible();
    const runId = page.url().match(/runs\/(\d+)/)![1]!;

    // To the delivery screen through the menu.
    await tabTo(page, page.getByRole('link', { name: 'Impression et envoi' }));
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL('/billing/delivery');
    const run = page.getByLabel('Traitement');
    await tabTo(page, run);
    for (let presses = 0; presses < 60 && (await run.inputValue()) !== runId; presses++) await page.keyboard.press('ArrowDown');
    await expect(run).toHaveValue(runId);
    await tabTo(page, page.getByRole('button', { name: 'Afficher', exact: true }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: '3 factures à imprimer' })).toBeVisible();

    // Print: the merged PDF is downloaded.
    await tabTo(page, page.getByRole('button', { name: 'Imprimer (un PDF pour tout le lot)' }));
    const download = page.waitForEvent('download');
    await page.keyboard.press('Enter');
    const pdf = readFileSync((await (await download).path())!);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });
});
