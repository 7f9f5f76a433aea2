import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { generateRun, insertBillableClients, withTestDatabase } from './database';
import { storageStateOf } from './support';

const cents = (text: string) => (text === '' ? 0 : Math.round(Number(text.replace(',', '.')) * 100));

test.describe('as a billing clerk', () => {
  test.use({ storageState: storageStateOf('billing') });

  test('exports the documents waiting, downloads a general journal whose debits equal its credits, and cannot export them twice', async ({
    page,
  }) => {
    // An invoice of the test's own, so that a document waits whatever was exported before.
    await withTestDatabase(async (db) => {
      const range = await insertBillableClients(db, { count: 1, isEmailed: false });
      await generateRun(db, { ...range, isGrouped: false });
    });

    await page.goto('/admin/accounting');
    await expect(page.getByRole('heading', { level: 1, name: 'Exportation comptable' })).toBeVisible();
    await expect(page.getByText(/documents? attend(ent)? d’être exportés/)).toBeVisible();
    // The accounts are the administrator's to set.
    await expect(page.getByLabel('Comptes clients')).toBeDisabled();

    const form = page.getByRole('form', { name: 'Nouvelle exportation' });
    // The period offered is the one of the documents waiting.
    await expect(form.getByLabel('Du')).not.toHaveValue('');
    await form.getByRole('button', { name: 'Exporter la période' }).click();
    await expect(form.getByRole('status')).toContainText(/Exportation \d+ :/);
    await expect(page.getByText('Tous les documents ont été exportés.')).toBeVisible();

    const row = page.getByRole('table', { name: 'Exportations comptables' }).getByRole('row').nth(1);
    const [download] = await Promise.all([page.waitForEvent('download'), row.getByRole('link', { name: 'Journal général (CSV)' }).click()]);
    const lines = parse(readFileSync((await download.path())!), { bom: true, delimiter: ';', columns: true }) as Record<string, string>[];
    expect(lines.length).toBeGreaterThan(0);
    const debits = lines.reduce((sum, line) => sum + cents(line['Débit']!), 0);
    const credits = lines.reduce((sum, line) => sum + cents(line['Crédit']!), 0);
    expect(debits).toBeGreaterThan(0);
    expect(debits).toBe(credits);

    await form.getByRole('button', { name: 'Exporter la période' }).click();
    await expect(form.getByRole('alert')).toContainText('Aucun document à exporter');
  });
});

test.describe('as an administrator', () => {
  test.use({ storageState: storageStateOf('admin') });

  test('sets the bank account of the books; a quote is refused with what to fix', async ({ page }) => {
    await page.goto('/admin/accounting');
    const mapping = page.getByRole('form', { name: 'Comptes du grand livre' });
    await mapping.getByLabel('Banque').fill('1060 "Desjardins"');
    await mapping.getByRole('button', { name: 'Enregistrer les comptes' }).click();
    await expect(mapping.getByText('Un compte s’écrit sur une ligne, sans guillemets.')).toBeVisible();
    await mapping.getByLabel('Banque').fill('1061 Desjardins');
    await mapping.getByRole('button', { name: 'Enregistrer les comptes' }).click();
    await expect(mapping.getByRole('status')).toHaveText('Comptes enregistrés.');
    await page.reload();
    await expect(page.getByRole('form', { name: 'Comptes du grand livre' }).getByLabel('Banque')).toHaveValue('1061 Desjardins');
  });
});
