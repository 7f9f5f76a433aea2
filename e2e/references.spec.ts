import { sql } from 'drizzle-orm';
import { expect, test } from '@playwright/test';
import { queryRows } from '@/db/index';
import { insertBillableGroup, withTestDatabase } from './database';
import { storageStateOf } from './support';

test.use({ storageState: storageStateOf('admin') });

// The rule is the demo head's: taken away afterwards, so that the other calls of its group are taken as before.
test.afterAll(async () => {
  await withTestDatabase((db) => db.execute(sql`delete from client_references where client_number = 12345`));
});

test('an administrator makes « No. d’autorisation » required on head 12345; a dispatcher taking a call for member 12346 is asked for it', async ({
  page,
  browser,
}) => {
  await page.goto('/clients/12345');
  const form = page.getByRole('form', { name: 'Ajouter ou modifier une référence' });
  await form.getByLabel('Libellé').fill("No. d'autorisation");
  await form.getByLabel('Format').fill('AU-#####');
  await form.getByLabel('Exemple').fill('AU-42');
  await form.getByRole('button', { name: 'Définir la référence' }).click();
  // The example must follow the format: said under its field, nothing saved.
  await expect(form.getByText('L’exemple ne respecte pas le format.')).toBeVisible();
  await form.getByLabel('Exemple').fill('AU-00042');
  await form.getByRole('button', { name: 'Définir la référence' }).click();
  await expect(page.getByRole('status').filter({ hasText: "Référence « No. d'autorisation » enregistrée." })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Références requises du client 12345' })).toContainText('AU-##### (ex. AU-00042)');

  // The member's page shows its head's reference.
  await page.goto('/clients/12346');
  await expect(page.getByRole('table', { name: 'Références requises du client 12346' })).toContainText('Du client regroupé 12345');

  const dispatcher = await browser.newContext({ storageState: storageStateOf('dispatcher') });
  try {
    const calls = await dispatcher.newPage();
    await calls.goto('/calls/new');
    await calls.getByLabel('No. client').fill('12346');
    const reference = calls.getByLabel("No. d'autorisation");
    await expect(reference).toBeVisible();
    await expect(calls.getByText('Exigée par le client 12345 — format AU-#####, ex. AU-00042')).toBeVisible();
    await calls.getByLabel('Adresse de départ').fill('3035, boulevard Le Carrefour, Laval');
    await calls.getByLabel('Destination', { exact: true }).fill('1500, boulevard René-Lévesque Ouest, Montréal');
    // Left empty, the browser asks for it before anything is sent (the server refuses it too: integration tests).
    await calls.getByRole('button', { name: 'Enregistrer l’appel' }).click();
    expect(await reference.evaluate((input: HTMLInputElement) => input.validity.valueMissing)).toBe(true);
    await expect(reference).toBeFocused();

    await reference.fill('AU-123');
    await calls.getByRole('button', { name: 'Enregistrer l’appel' }).click();
    await expect(calls.getByTestId('form-error')).toHaveText(
      "Références à corriger : No. d'autorisation : format AU-##### (ex. AU-00042).",
    );
    await expect(reference).toHaveAttribute('aria-invalid', 'true');
    await expect(calls.getByText('Ne respecte pas le format.')).toBeVisible();

    await reference.fill('AU-12345');
    await calls.getByRole('button', { name: 'Enregistrer l’appel' }).click();
    const saved = calls.getByRole('status').filter({ hasText: /Appel \d+ enregistré/ });
    await expect(saved).toBeVisible();
    const callNumber = (await saved.textContent())!.match(/Appel (\d+)/)![1]!;
    await calls.goto(`/calls/${callNumber}`);
    await expect(calls.locator('dl')).toContainText("No. d'autorisationAU-12345");
  } finally {
    await dispatcher.close();
  }
});

test('an administrator subtotals a head’s invoices by « Centre de coûts »: the grouped list and the invoice show each value’s subtotal', async ({
  page,
}) => {
  const group = await withTestDatabase(async (db) => {
    const group = await insertBillableGroup(db, { members: 1, deliveryMethod: 'print' });
    // The member's call of 15,00 $ was taken for cost centre 100; its call of 17,50 $ without one.
    await db.execute(sql`update calls set reference_values = '{"Centre de coûts": "100"}'
                          where client_number = ${group.members[0]!} and price_cents = 1500`);
    return group;
  });
  const member = group.members[0]!;

  await page.goto(`/clients/${group.head}`);
  const form = page.getByRole('form', { name: 'Ajouter ou modifier une référence' });
  await form.getByLabel('Libellé').fill('Centre de coûts');
  await form.getByRole('button', { name: 'Définir la référence' }).click();
  await expect(page.getByRole('table', { name: `Références requises du client ${group.head}` })).toContainText('Centre de coûts');
  const subtotals = page.getByRole('form', { name: 'Sous-totaux par' });
  await subtotals.getByLabel('Sous-totaux par').selectOption({ label: 'Centre de coûts' });
  await subtotals.getByRole('button', { name: 'Appliquer les sous-totaux' }).click();
  await expect(page.getByRole('table', { name: `Références requises du client ${group.head}` })).toContainText(
    'Centre de coûts · Sous-totaux',
  );

  await page.goto(`/billing?isGrouped=on&cycle=all&clientFrom=${group.head}&clientTo=${group.head}`);
  await page.getByRole('button', { name: 'Afficher la liste' }).click();
  const row = page.getByTestId(`billed-${group.head}`);
  await expect(row).toBeVisible();
  await page.getByText(`Membres de ${group.head}`).click();
  const members = page.getByRole('table', { name: `Membres de ${group.head}` });
  await expect(members).toContainText('Sous-total Centre de coûts : 100 (1 appel)');
  await expect(members).toContainText('Sous-total sans Centre de coûts (1 appel)');

  await page.getByRole('button', { name: 'Générer les factures' }).click();
  await page.getByRole('button', { name: 'Confirmer la génération' }).click();
  await expect(page.getByRole('status').filter({ hasText: /1 facture créée/ })).toBeVisible();
  const [invoice] = await withTestDatabase((db) =>
    queryRows<{ number: number }>(db, sql`select number::int from invoices where billed_client_number = ${group.head}`),
  );
  await page.goto(`/invoices/${invoice!.number}`);
  await expect(page.getByTestId(`reference-subtotal-${member}-100`)).toContainText('Sous-total Centre de coûts : 100 (1 appel)');
  await expect(page.getByTestId(`reference-subtotal-${member}-100`)).toContainText('15,00');
  await expect(page.getByTestId(`reference-subtotal-${member}-`)).toContainText('Sous-total sans Centre de coûts (1 appel)');
});
