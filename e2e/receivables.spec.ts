import { expect, test, type Page } from '@playwright/test';
import { sql } from 'drizzle-orm';
import { calls, clients, tariffs } from '../db/schema';
import { addDays, todayInMontreal } from '../lib/dates/montreal';
import { pdfText } from '../test/support/pdf-text';
import type { Db } from '../db/index';
import { withTestDatabase } from './database';
import { storageStateOf } from './support';

/** The figure in a cell as cents ("1 234,56 $" → 123456). */
const centsOf = (text: string) => Number(text.replace(/[^\d,-]/g, '').replace(',', ''));

async function agingBalanceOf(page: Page, client: number): Promise<number> {
  await page.goto('/receivables?grouped=on');
  const row = page.getByRole('table', { name: 'Âge des comptes clients' }).getByTestId(`aging-${client}`);
  await expect(row).toBeVisible();
  // Columns: number, name, Courant, 1-30, 31-60, 61-90, Plus de 90, Solde, Crédit au compte.
  return centsOf((await row.locator('td').nth(6).textContent())!);
}

test.describe('billing clerk', () => {
  test.use({ storageState: storageStateOf('billing') });

  test('a cheque for 12345 covers its grouped invoice partly: the invoice shows partly paid, the aging moves, the account lists its members', async ({
    page,
  }) => {
    const before = await agingBalanceOf(page, 12345);
    await expect(page.getByRole('columnheader', { name: 'Plus de 90' })).toBeVisible();

    await page.goto('/receivables/payments/new');
    // A member's number proposes its head, which owes the grouped invoices.
    await page.getByLabel('No. client', { exact: true }).fill('12346');
    await page.getByLabel('Montant', { exact: true }).focus();
    await expect(page.getByText('12346 est membre du groupe 12345')).toBeVisible();
    await page.getByRole('button', { name: 'Enregistrer le paiement pour 12345' }).click();
    await expect(page.getByLabel('No. client', { exact: true })).toHaveValue('12345');
    const invoices = page.getByRole('table', { name: /Factures ouvertes de 12345/ });
    const oldest = invoices.getByRole('row').nth(1);
    const invoiceNumber = (await oldest.getByRole('rowheader').textContent())!.trim();
    const balance = centsOf((await oldest.locator('td').nth(3).textContent())!);
    expect(balance).toBeGreaterThan(100);

    await page.getByLabel('Montant', { exact: true }).fill('1,00');
    await page.getByLabel('Mode de paiement').selectOption({ label: 'Chèque' });
    await page.getByLabel('Référence').fill('004613');
    // Oldest due first: the whole dollar goes to the oldest invoice, nothing on account.
    await expect(page.getByTestId('payment-summary')).toHaveText(/Affecté : 1,00\s\$ · Crédit au compte : 0,00\s\$/);
    await page.getByRole('button', { name: 'Enregistrer le paiement' }).click();
    await expect(page).toHaveURL(/\/receivables\/payments\/\d+\?created=1/);
    await expect(page.getByRole('status').filter({ hasText: /Paiement \d+ enregistré : 1,00\s\$ affecté/ })).toBeVisible();

    await page.goto(`/invoices/${invoiceNumber}`);
    await expect(page.getByTestId('invoice-status')).toHaveText('Partiellement payée');
    expect(centsOf((await page.getByTestId('invoice-balance').textContent())!)).toBe(balance - 100);

    expect(await agingBalanceOf(page, 12345)).toBe(before - 100);

    await page.goto('/clients/12345/account');
    await expect(page.getByRole('heading', { name: 'Compte client 12345 — Pharmacie Centrale inc.' })).toBeVisible();
    const ledger = page.getByRole('table', { name: 'Grand livre' });
    await expect(ledger.getByRole('link', { name: `Facture ${invoiceNumber}`, exact: true })).toBeVisible();
    await ledger.getByText('Membres').first().click();
    await expect(ledger.getByText(/12346 — Pharmacie Centrale — succursale Laval : \d+ appels?/).first()).toBeVisible();

    // The head's statement: listed with the grouped checkbox, its PDF preview naming its members,
    // and saying that looking at it does not record it printed.
    const from = addDays(todayInMontreal(), -150);
    const to = todayInMontreal();
    await page.goto(`/receivables/statements?from=${from}&to=${to}&isGrouped=on`);
    await expect(page.getByLabel('Facturation par client regroupé')).toBeChecked();
    const row = page.getByRole('table', { name: /états? de compte/ }).getByRole('row', { name: /12345/ });
    const preview = row.getByRole('link', { name: 'Aperçu PDF' });
    await expect(preview).toHaveAccessibleDescription(/ne l’inscrit pas imprimé/);
    const pdf = await page.request.get((await preview.getAttribute('href'))!);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    const text = (await pdfText(await pdf.body())).join('\n');
    expect(text).toContain('Pharmacie Centrale inc.');
    expect(text).toContain('Pharmacie Centrale — succursale Laval');
    expect(text).toContain('004613');
    await page.reload();
    await expect(row).toBeVisible();
    await expect(row).not.toContainText('Imprimé le');
  });

  test('the aging exports as CSV for a French spreadsheet and as PDF, a head with its members', async ({ page }) => {
    const csv = await page.request.get('/receivables/export?grouped=on');
    expect(csv.headers()['content-type']).toContain('text/csv');
    const text = (await csv.body()).toString('utf8');
    expect(text.startsWith('\ufeff')).toBe(true);
    expect(text).toContain('Courant;1-30;31-60;61-90;Plus de 90;Solde;Crédit au compte');
    expect(text).toMatch(/\nClient facturé;12345;Pharmacie Centrale inc\.;;;-?\d+,\d\d;/);
    expect(text).toMatch(/\nMembre;12345;Pharmacie Centrale inc\.;12346;Pharmacie Centrale — succursale Laval;/);

    const pdf = await page.request.get('/receivables/export?grouped=on&format=pdf');
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    const pages = (await pdfText(await pdf.body())).join('\n');
    expect(pages).toContain('Âge des comptes clients — Facturation par client regroupé');
    expect(pages).toContain('Pharmacie Centrale — succursale Laval');
    expect(pages).toContain('Plus de 90');
  });

  test('bad input loses nothing: an amount with three decimals, a future date and an allocation above the balance are refused with the field’s error', async ({
    page,
  }) => {
    await page.goto('/receivables/payments/new?client=12345');
    await page.getByLabel('Montant', { exact: true }).fill('10,5555');
    await page.getByLabel('Date de réception').fill('2099-01-01');
    await page.getByRole('button', { name: 'Enregistrer le paiement' }).click();
    await expect(page.getByText('Deux décimales au plus.')).toBeVisible();
    await expect(page.getByText('La date de réception ne peut pas être dans le futur.')).toBeVisible();
    await expect(page).toHaveURL(/\/receivables\/payments\/new/);

    await page.getByLabel('Montant', { exact: true }).fill('5,00');
    await page.getByLabel('Date de réception').fill('2026-01-15');
    await page.getByLabel('Facture par facture').check();
    const first = page
      .getByRole('table', { name: /Factures ouvertes de 12345/ })
      .getByRole('row')
      .nth(1);
    await first.getByRole('textbox').fill('999999,00');
    await page.getByRole('button', { name: 'Enregistrer le paiement' }).click();
    await expect(page.getByText(/dépasse son solde dû/).first()).toBeVisible();
    await expect(page).toHaveURL(/\/receivables\/payments\/new/);
  });

  test('a returned cheque is reversed with its reason: its allocation is released and the invoice’s balance is due again', async ({
    page,
  }) => {
    await page.goto('/receivables/payments/new?client=20002');
    await page.getByLabel('Montant', { exact: true }).fill('2,00');
    await page.getByRole('button', { name: 'Enregistrer le paiement' }).click();
    await expect(page).toHaveURL(/\/receivables\/payments\/\d+\?created=1/);
    const allocations = page.getByRole('table', { name: 'Affectations' });
    const invoiceNumber = (await allocations.getByRole('row').nth(1).getByRole('rowheader').textContent())!.trim();
    await page.goto(`/invoices/${invoiceNumber}`);
    const paidBalance = centsOf((await page.getByTestId('invoice-balance').textContent())!);
    await page.goBack();

    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByLabel('Motif').fill('Chèque sans provision');
    await page.getByRole('button', { name: 'Renverser le paiement' }).click();
    await expect(page.getByText(/Renversé le .*: Chèque sans provision/)).toBeVisible();
    // The allocation stays, dated with its release (column "Retiré le").
    await expect(allocations.getByRole('row').nth(1).locator('td').nth(2)).not.toBeEmpty();
    await page.goto(`/invoices/${invoiceNumber}`);
    expect(centsOf((await page.getByTestId('invoice-balance').textContent())!)).toBe(paidBalance + 200);
  });
});

const CLIENT_ADDRESS = { addressLine1: '1, rue Principale', city: 'Montréal', postalCode: 'H2X 1Y4' };

/** Head `head`, suspended for `reason`, with its member `head + 1`, on the STD tariff; returns the tariff's id. */
async function insertHeldGroup(db: Db, head: number, reason: string): Promise<number> {
  const [tariff] = await db
    .select()
    .from(tariffs)
    .where(sql`${tariffs.code} = 'STD'`);
  const base = { ...CLIENT_ADDRESS, tariffId: tariff!.id };
  await db.insert(clients).values([
    { ...base, number: head, name: `Siège ${head}`, groupedClientNumber: head, suspensionReason: reason },
    { ...base, number: head + 1, name: `Succursale ${head + 1}`, groupedClientNumber: head },
  ]);
  return tariff!.id;
}

test.describe('dispatcher', () => {
  test.use({ storageState: storageStateOf('dispatcher') });

  test('taking a call for a member of a held head shows the hold and refuses the call', async ({ page }) => {
    const head = 79_100_000 + Math.floor(Math.random() * 90_000);
    await withTestDatabase((db) => insertHeldGroup(db, head, 'Faillite'));
    await page.goto('/calls/new');
    await page.getByLabel('No. client', { exact: true }).fill(String(head + 1));
    const hold = page.getByTestId('credit-hold');
    await expect(hold).toContainText('Compte suspendu : appel refusé');
    await expect(hold).toContainText(`Compte facturé : ${head} — Siège ${head}`);
    await expect(hold).toContainText('Suspendu par un administrateur : Faillite');
    // A dispatcher cannot override: no reason field, and saving is refused.
    await expect(page.getByLabel('Motif de l’exception (administrateur)')).toHaveCount(0);
    await page.getByLabel('Adresse de départ').fill('1, rue A, Montréal');
    await page.getByLabel('Destination').fill('2, rue B, Laval');
    await page.getByRole('button', { name: 'Enregistrer l’appel' }).click();
    await expect(page.getByText(`Appel refusé : le compte ${head} est suspendu.`)).toBeVisible();
  });

  test('a call moved onto a member of a held head shows the hold and is refused; kept for its own client, it saves', async ({ page }) => {
    const head = 79_200_000 + Math.floor(Math.random() * 90_000);
    const callNumber = await withTestDatabase(async (db) => {
      const tariffId = await insertHeldGroup(db, head, 'Chèque sans provision');
      await db.insert(clients).values({ ...CLIENT_ADDRESS, tariffId, number: head + 2, name: `Client ${head + 2}` });
      const today = todayInMontreal();
      const [call] = await db
        .insert(calls)
        .values({
          clientNumber: head + 2,
          serviceAt: new Date(`${today}T14:00:00Z`),
          serviceDate: today,
          pickupAddress: '1, rue A, Montréal',
          destinationAddress: '2, rue B, Laval',
          tariffId,
          tariffCode: 'STD',
          grossCents: 1200,
          discountCents: 0,
          priceCents: 1200,
        })
        .returning();
      return call!.number;
    });
    await page.goto(`/calls/${callNumber}`);
    // Its own client is not held: no notice.
    await expect(page.getByTestId('client-lookup')).toHaveText(`Client ${head + 2}`);
    await expect(page.getByTestId('credit-hold')).toHaveCount(0);
    await page.getByLabel('No. client', { exact: true }).fill(String(head + 1));
    const hold = page.getByTestId('credit-hold');
    await expect(hold).toContainText(`Compte facturé : ${head} — Siège ${head}`);
    await expect(hold).toContainText('Suspendu par un administrateur : Chèque sans provision');
    await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
    await expect(page.getByText(`Appel refusé : le compte ${head} est suspendu.`)).toBeVisible();
    // Back to its own client with another caller: saved.
    await page.getByLabel('No. client', { exact: true }).fill(String(head + 2));
    await expect(page.getByTestId('credit-hold')).toHaveCount(0);
    await page.getByLabel('Appelant').fill('M. Roy');
    await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Appel modifié' })).toBeVisible();
  });
});
