import { expect, test, type Page } from '@playwright/test';
import { todayInMontreal } from '../lib/dates/montreal';
import { storageStateOf } from './support';

test.use({ storageState: storageStateOf('admin') });

async function fillNewClient(page: Page, number: string, name: string) {
  await page.goto('/clients/new');
  await page.getByLabel('No. client', { exact: true }).fill(number);
  await page.getByLabel('Nom', { exact: true }).fill(name);
  await page.getByLabel('Adresse', { exact: true }).fill('100, rue Sherbrooke Ouest');
  await page.getByLabel('Ville').fill('Montréal');
  await page.getByLabel('Code postal').fill('h3a1b9');
}

const groupedField = (page: Page) => page.getByLabel('No. client regroupé');
const groupedStatus = (page: Page) => page.getByTestId('grouped-status');

test('an administrator builds a group, and the grouping rules refuse a chain and an un-heading', async ({ page }) => {
  // 50001 becomes a grouped account in one click.
  await fillNewClient(page, '50001', 'Siège social Boréal');
  await page.getByRole('button', { name: 'Ce client est un compte regroupé' }).click();
  await expect(groupedField(page)).toHaveValue('50001');
  await expect(groupedStatus(page)).toHaveText('Compte regroupé : reçoit les factures de son groupe.');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page).toHaveURL('/clients/50001?created=1');
  await expect(page.getByRole('status').filter({ hasText: 'Client 50001 créé.' })).toBeVisible();

  // 50002 joins it: the head's name shows before saving.
  await fillNewClient(page, '50002', 'Succursale Boréal Nord');
  await groupedField(page).fill('50001');
  await expect(groupedStatus(page)).toHaveText('Membre du groupe 50001 — Siège social Boréal');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page).toHaveURL('/clients/50002?created=1');

  // 50003 cannot join 50002, a member: the reason shows while typing, and saving is refused.
  await fillNewClient(page, '50003', 'Succursale Boréal Sud');
  await groupedField(page).fill('50002');
  const chain = '50002 est membre du groupe 50001 : un client ne peut être rattaché qu’à un compte regroupé';
  await expect(groupedStatus(page)).toHaveText(chain);
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByTestId('form-error')).toHaveText(chain);
  await expect(page.locator('#groupedClientNumber-error')).toHaveText(chain);
  await expect(page).toHaveURL('/clients/new');
  await expect(page.getByLabel('Nom', { exact: true })).toHaveValue('Succursale Boréal Sud'); // nothing typed is lost
  const missing = await page.request.get('/clients/50003');
  expect(missing.status()).toBe(404);

  // 50001 cannot stop being a grouped account while 50002 is its member.
  await page.goto('/clients/50001');
  await groupedField(page).fill('');
  await expect(groupedStatus(page)).toHaveText('50001 est le compte regroupé de 50002 : réassignez d’abord ces membres.');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.locator('#groupedClientNumber-error')).toContainText('50002');
  await page.reload();
  await expect(groupedField(page)).toHaveValue('50001');

  // The head's page lists its member.
  const members = page.getByRole('table', { name: 'Membres du groupe' });
  await expect(members.getByRole('row', { name: /50002 Succursale Boréal Nord/ })).toBeVisible();
});

test('members are added several at once and removed from the head’s page', async ({ page }) => {
  await page.goto('/clients/12345');
  const members = page.getByRole('table', { name: 'Membres du groupe' });
  await expect(members.getByTestId('member-12346')).toBeVisible();

  await page.getByLabel('Ajouter des clients au groupe (numéros)').fill('20003, 20004');
  await page.getByRole('button', { name: 'Ajouter au groupe' }).click();
  await expect(page.getByRole('status').filter({ hasText: '2 clients ajoutés au groupe.' })).toBeVisible();
  await expect(members.getByTestId('member-20003')).toBeVisible();
  await expect(members.getByTestId('member-20004')).toBeVisible();

  await page.getByLabel('Ajouter des clients au groupe (numéros)').fill('12346 99999');
  await page.getByRole('button', { name: 'Ajouter au groupe' }).click();
  await expect(page.getByTestId('form-error')).toContainText('12346 fait déjà partie du groupe 12345.');
  await expect(page.getByTestId('form-error')).toContainText('99999 n’existe pas.');

  // Removal asks from when, and says what it does before doing it.
  await page.getByRole('button', { name: 'Retirer 20004 du groupe' }).click();
  const removal = page.getByRole('form', { name: 'Retirer 20004 du groupe' });
  await expect(removal.getByLabel('En vigueur le')).toHaveValue(todayInMontreal());
  await expect(removal.getByRole('status')).toHaveText(
    `Retirer 20004 du groupe 12345 à partir du ${todayInMontreal()} ? Ses appels à partir de cette date seront facturés seul.`,
  );
  await removal.getByRole('button', { name: 'Annuler' }).click();
  await expect(members.getByTestId('member-20004')).toBeVisible();
  await page.getByRole('button', { name: 'Retirer 20004 du groupe' }).click();
  await page.getByRole('button', { name: 'Confirmer le retrait' }).click();
  await expect(members.getByTestId('member-20004')).toHaveCount(0);
  await page.getByRole('button', { name: 'Retirer 20003 du groupe' }).click();
  await page.getByRole('button', { name: 'Confirmer le retrait' }).click();
  await expect(members.getByTestId('member-20003')).toHaveCount(0);
});

test('a client exempt from the dues: its reason, its days, the last before the first refused; its member is shown the head’s', async ({
  page,
}) => {
  await fillNewClient(page, '50101', 'Transport adapté de l’Est');
  await page.getByRole('button', { name: 'Ce client est un compte regroupé' }).click();
  await page.getByLabel('Exempté de la redevance', { exact: true }).selectOption({ label: 'Autre exemption prévue par la Loi' });
  await page.getByLabel('Exemption prévue par la Loi', { exact: true }).fill('Transport bénévole');
  await page.getByLabel('Du', { exact: true }).fill('2026-02-01');
  const to = page.getByLabel('Au', { exact: true });
  await to.fill('2026-01-31');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.locator('#duesExemptTo-error')).toHaveText('La fin de l’exemption de la redevance ne peut précéder son début.');
  await to.fill('2026-12-31');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page).toHaveURL('/clients/50101?created=1');
  await expect(page.getByLabel('Exempté de la redevance', { exact: true })).toHaveValue('act');
  await expect(page.getByLabel('Au', { exact: true })).toHaveValue('2026-12-31');

  await fillNewClient(page, '50102', 'Transport adapté — secteur nord');
  await groupedField(page).fill('50101');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page).toHaveURL('/clients/50102?created=1');
  await expect(page.getByLabel('Exempté de la redevance', { exact: true })).toHaveAccessibleDescription(
    'Pris du compte regroupé 50101 : Autre exemption prévue par la Loi (Transport bénévole), du 2026-02-01 au 2026-12-31',
  );
});

test('the client list finds "Côté" by typing "cote" and filters the members of a head', async ({ page }) => {
  await page.goto('/clients');
  await page.getByLabel('Rechercher (numéro ou nom)').fill('cote');
  await page.getByRole('button', { name: 'Rechercher' }).click();
  const table = page.getByRole('table', { name: 'Clients' });
  await expect(table.getByRole('row', { name: /20001 Boulangerie Côté/ })).toBeVisible();

  await page.goto('/clients?filter=members&head=12345');
  await expect(table.getByRole('link', { name: '12346' })).toBeVisible();
  await expect(table.getByRole('link', { name: '12347' })).toBeVisible();
  await expect(table.getByRole('link', { name: '20001' })).toHaveCount(0);
});

test.describe('as the dispatcher', () => {
  test.use({ storageState: storageStateOf('dispatcher') });

  test('a client is read-only and /clients/new is refused', async ({ page }) => {
    await page.goto('/clients/12346');
    await expect(page.getByText('Consultation seulement : seul un administrateur modifie les clients.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Enregistrer' })).toHaveCount(0);
    const response = await page.goto('/clients/new');
    expect(response?.status()).toBe(403);
  });
});

test('a list full of links asks the server for no page ahead; a link followed opens its page', async ({ page }) => {
  const askedAhead: string[] = [];
  page.on('request', (request) => {
    if (request.headers()['next-router-prefetch']) askedAhead.push(new URL(request.url()).pathname);
  });
  await page.goto('/clients');
  const list = page.getByRole('table', { name: 'Clients' });
  await expect(list.getByRole('link', { name: '12346', exact: true })).toBeVisible();
  // The menu, the sort headers and every client's number are links in view; pointing at one asks for nothing either.
  await list.getByRole('link', { name: '12346', exact: true }).hover();
  await page.waitForLoadState('networkidle');
  expect(askedAhead).toEqual([]);
  await list.getByRole('link', { name: '12346', exact: true }).click();
  await expect(page).toHaveURL('/clients/12346');
  await expect(page.getByLabel('Nom', { exact: true })).toHaveValue('Pharmacie Centrale — succursale Laval');
});
