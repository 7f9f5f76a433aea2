import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { insertBillableGroup, withTestDatabase } from './database';
import { storageStateOf } from './support';

test.use({ storageState: storageStateOf('billing') });

test('the billing clerk prints the grouped batch of a run as one PDF, then e-mails it and sees it sent', async ({ page }) => {
  // A grouped run to deliver: a group of the test's own, printed and e-mailed.
  const { head } = await withTestDatabase((db) => insertBillableGroup(db, { members: 2, deliveryMethod: 'both' }));
  await page.goto(`/billing?cycle=all&clientFrom=${head}&clientTo=${head}`);
  await page.getByLabel('Facturation par client regroupé').check();
  await page.getByRole('button', { name: 'Afficher la liste' }).click();
  await page.getByRole('button', { name: 'Générer les factures' }).click();
  await page.getByRole('button', { name: 'Confirmer la génération' }).click();
  await expect(page).toHaveURL(/\/billing\/runs\/\d+\?created=1/);
  const runId = page.url().match(/runs\/(\d+)/)![1]!;

  // Chosen with the box unchecked, the grouped run lists nothing and says why.
  await page.goto('/billing/delivery');
  await page.getByLabel('Traitement').selectOption(runId);
  await page.getByLabel('Impression').check();
  await page.getByRole('button', { name: 'Afficher' }).click();
  await expect(page.getByTestId('other-kind')).toContainText(`Le traitement ${runId} est une facturation regroupée`);
  await page.getByRole('link', { name: 'Cocher la case et afficher ses factures' }).click();
  await expect(page.getByLabel('Facturation par client regroupé')).toBeChecked();
  await expect(page.getByTestId('other-kind')).toHaveCount(0);

  // Print: one merged PDF, streamed as a download; the invoices are then marked printed.
  await page.goto('/billing/delivery');
  await page.getByLabel('Traitement').selectOption(runId);
  await page.getByLabel('Facturation par client regroupé').check();
  await page.getByLabel('Impression').check();
  await page.getByRole('button', { name: 'Afficher' }).click();
  await expect(page.getByRole('heading', { name: '1 facture à imprimer' })).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Imprimer (un PDF pour tout le lot)' }).click();
  const pdf = readFileSync((await (await download).path())!);
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  await expect(async () => {
    await page.reload();
    await expect(page.getByText(/^Imprimée le/).first()).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });

  // E-mail: without SMTP settings, the messages go to the local outbox; the page follows progress.
  await page.getByLabel('Courriel', { exact: true }).check();
  await page.getByRole('button', { name: 'Afficher' }).click();
  await page.getByRole('button', { name: 'Envoyer par courriel' }).click();
  await expect(page.getByRole('status').filter({ hasText: /mises? en file d’envoi/ })).toBeVisible();
  await expect(page.getByTestId('email-counts')).toContainText(/en cours|envoyées/);
  const headRow = page.getByRole('row', { name: new RegExp(`${head} — Siège d’essai ${head}`) });
  await expect(headRow.getByRole('cell', { name: 'Envoyée' })).toBeVisible({ timeout: 20_000 });
  // Sending again queues nothing: every invoice of the batch was sent.
  await expect(page.getByRole('button', { name: 'Envoyer par courriel' })).toBeDisabled();

  await page.goto('/admin/outbox');
  await expect(
    page
      .getByRole('table', { name: 'Boîte d’envoi locale' })
      .getByText(/^Facture \d+ — Répartition Express Montréal inc\.$/)
      .first(),
  ).toBeVisible();
});

test.describe('as the dispatcher', () => {
  test.use({ storageState: storageStateOf('dispatcher') });

  test('printing and e-mailing, the outbox and invoice PDFs are refused', async ({ page, request }) => {
    expect((await page.goto('/billing/delivery'))?.status()).toBe(403);
    expect((await page.goto('/admin/outbox'))?.status()).toBe(403);
    const print = await request.post('/billing/delivery/print', { form: { runId: '1', isGrouped: 'on' }, maxRedirects: 0 });
    expect(print.status()).toBe(403);
    expect((await request.get('/invoices/1/pdf', { maxRedirects: 0 })).status()).toBe(403);
  });
});
