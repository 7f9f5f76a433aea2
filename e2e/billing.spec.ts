import { expect, test } from '@playwright/test';
import { addDays, todayInMontreal } from '../lib/dates/montreal';
import { pdfText } from '../test/support/pdf-text';
import { generateRun, insertBillableClients, insertBillableGroup, withTestDatabase } from './database';
import { storageStateOf } from './support';

test.use({ storageState: storageStateOf('billing') });

const yesterday = () => addDays(todayInMontreal(), -1);

test('the billing clerk lists, generates and opens grouped invoices; generating again creates nothing', async ({ page }) => {
  // A client billed on its own and a group of the test's own (head, two members), side by side
  // in one range of numbers: what the lists show is theirs, whatever the other tests billed.
  const { alone, group } = await withTestDatabase(async (db) => ({
    alone: (await insertBillableClients(db, { count: 1, isEmailed: false })).from,
    group: await insertBillableGroup(db, { members: 2, deliveryMethod: 'print' }),
  }));
  const { head } = group;
  const [first, second] = group.members as [number, number];
  const range = `/billing?cycle=all&clientFrom=${alone}&clientTo=${group.to}`;

  await page.goto(range);
  const checkbox = page.getByLabel('Facturation par client regroupé');

  // Unchecked: the normal process, which never shows the group.
  await expect(checkbox).not.toBeChecked();
  await page.getByRole('button', { name: 'Afficher la liste' }).click();
  const list = page.getByRole('table', { name: 'Liste de facturation' });
  await expect(list.getByTestId(`billed-${alone}`)).toBeVisible();
  for (const number of [head, first, second]) await expect(list.getByTestId(`billed-${number}`)).toHaveCount(0);
  // It says that the group's six completed calls wait in the grouped process, with a link to it.
  await expect(page.getByTestId('other-process')).toContainText(/^6 appels terminés attendent dans la facturation regroupée/);
  await expect(page.getByRole('link', { name: 'Afficher la liste de facturation regroupée' })).toHaveAttribute('href', /isGrouped=on/);

  // Checked: one row per head, which expands into its members.
  await checkbox.check();
  await page.getByRole('button', { name: 'Afficher la liste' }).click();
  await expect(page).toHaveURL(/isGrouped=on/);
  await expect(list.getByTestId(`billed-${head}`)).toBeVisible();
  for (const number of [alone, first, second]) await expect(list.getByTestId(`billed-${number}`)).toHaveCount(0);
  await list.getByText(`Membres de ${head}`).click();
  const members = page.getByRole('table', { name: `Membres de ${head}` });
  await expect(members.getByRole('row', { name: new RegExp(`${first}`) })).toBeVisible();
  await expect(members.getByRole('row', { name: new RegExp(`${second}`) })).toBeVisible();
  const total = (await list.getByTestId(`billed-${head}`).locator('td').last().textContent())!;

  // Generation: a confirmation states what will be created, then the run page.
  await page.getByRole('button', { name: 'Générer les factures' }).click();
  await expect(page.getByText(/^Générer 1 facture regroupée pour un total de/)).toBeVisible();
  await page.getByRole('button', { name: 'Confirmer la génération' }).click();
  await expect(page).toHaveURL(/\/billing\/runs\/\d+\?created=1/);
  await expect(page.getByRole('status').filter({ hasText: /1 facture créée/ })).toBeVisible();

  // The head's invoice shows its lines in member blocks, and the same total as the list.
  const invoices = page.getByRole('table', { name: 'Factures du traitement' });
  await invoices
    .getByRole('row', { name: new RegExp(`${head} — Siège d’essai ${head}`) })
    .getByRole('link')
    .first()
    .click();
  await expect(page.getByRole('heading', { name: /^Facture \d+$/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: `Client ${head} — Siège d’essai ${head}` })).toBeVisible();
  await expect(page.getByRole('heading', { name: `Client ${first} — Succursale d’essai ${first}` })).toBeVisible();
  await expect(page.getByRole('heading', { name: `Client ${second} — Succursale d’essai ${second}` })).toBeVisible();
  await expect(page.getByTestId('invoice-total')).toHaveText(total);
  const pdf = await page.request.get(`${new URL(page.url()).pathname}/pdf`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toBe('application/pdf');

  // Generating again with the same inputs creates nothing.
  await page.goto(range);
  await page.getByLabel('Facturation par client regroupé').check();
  await page.getByRole('button', { name: 'Afficher la liste' }).click();
  await expect(page.getByText('Aucun appel à facturer pour ces critères.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Générer les factures' })).toBeDisabled();
});

test('a passenger client is billed with its dues: 2 trips × 0,90 $ on the list, the invoice and its PDF, GST and QST on fares plus dues', async ({
  page,
}) => {
  // A client of the demo's TAXI tariff (passenger transport, Tarif fixe c. by default): 32,50 $
  // of fares and 1,80 $ of dues; GST 5 % and QST 9,975 % of 34,30 $ are 1,72 $ and 3,42 $.
  const { from: client } = await withTestDatabase((db) => insertBillableClients(db, { count: 1, isEmailed: false, tariffCode: 'TAXI' }));
  await page.goto(`/billing?cycle=all&cutoff=${yesterday()}&clientFrom=${client}&clientTo=${client}`);
  const row = page.getByRole('table', { name: 'Liste de facturation' }).getByTestId(`billed-${client}`);
  await expect(row.getByRole('cell')).toContainText(['32,50 $', '1,80 $', '1,72 $', '3,42 $', '39,44 $']);

  await page.getByRole('button', { name: 'Générer les factures' }).click();
  await page.getByRole('button', { name: 'Confirmer la génération' }).click();
  await expect(page).toHaveURL(/\/billing\/runs\/\d+\?created=1/);
  await page
    .getByRole('table', { name: 'Factures du traitement' })
    .getByRole('row', { name: new RegExp(`${client} — Client d’essai ${client}`) })
    .getByRole('link')
    .first()
    .click();
  await expect(page.getByRole('heading', { name: /^Facture \d+$/ })).toBeVisible();
  // The totals: fares, dues, then the taxes on both; each trip says how its price was set.
  await expect(page.locator('dt, dd')).toContainText(['Sous-total', '32,50 $', 'Redevance (2 courses)', '1,80 $', 'TPS (5 %)', '1,72 $']);
  await expect(page.getByRole('cell', { name: /Tarif fixe c\.$/ })).toHaveCount(2);
  await expect(page.getByTestId('invoice-total')).toHaveText('39,44 $');

  const pdf = await page.request.get(`${new URL(page.url()).pathname}/pdf`);
  expect(pdf.status()).toBe(200);
  const text = (await pdfText(await pdf.body())).join(' ');
  expect(text).toContain('Redevance (2 courses × 0,90 $)');
  expect(text).toContain('Tarif fixe c.');
  expect(text).toContain('39,44 $');
});

test('a run not yet delivered can be reversed: its invoices are void and keep their numbers', async ({ page }) => {
  // A grouped run of the test's own.
  const { group, runId } = await withTestDatabase(async (db) => {
    const group = await insertBillableGroup(db, { members: 1, deliveryMethod: 'print' });
    return { group, runId: await generateRun(db, { ...group, isGrouped: true }) };
  });

  await page.goto(`/billing/runs/${runId}`);
  const invoices = page.getByRole('table', { name: 'Factures du traitement' });
  const row = invoices.getByRole('row', { name: new RegExp(`${group.head} — Siège d’essai ${group.head}`) });
  const number = (await row.getByRole('link').first().textContent())!.trim();
  page.once('dialog', (dialog) => dialog.accept());
  await page.getByRole('button', { name: 'Annuler ce traitement' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Ce traitement a été annulé le/ })).toBeVisible();
  await expect(row.getByRole('cell', { name: 'Annulée' })).toBeVisible();
  await expect(row.getByRole('link', { name: number, exact: true })).toBeVisible();

  // The calls are billable again.
  await page.goto(`/billing?isGrouped=on&cycle=all&cutoff=${yesterday()}&clientFrom=${group.head}&clientTo=${group.head}`);
  await expect(page.getByRole('table', { name: 'Liste de facturation' }).getByTestId(`billed-${group.head}`)).toBeVisible();
});

test.describe('as the dispatcher', () => {
  test.use({ storageState: storageStateOf('dispatcher') });

  test('the CSV export is refused', async ({ request }) => {
    const response = await request.get('/billing/export?cutoff=2026-10-31&cycle=all', { maxRedirects: 0 });
    expect(response.status()).toBe(403);
  });
});

test('the billing list exports as CSV for a French spreadsheet: a group of 3 clients × (15,00 $ + 17,50 $) = 97,50 $, no dues, GST 4,88 $, QST 9,73 $', async ({
  request,
}) => {
  const { head, members } = await withTestDatabase((db) => insertBillableGroup(db, { members: 2, deliveryMethod: 'print' }));
  const response = await request.get(
    `/billing/export?cutoff=${yesterday()}&cycle=all&isGrouped=on&clientFrom=${head}&clientTo=${head}&separator=semicolon`,
  );
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('text/csv');
  const body = await response.body();
  expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(body.toString('utf8').split('\r\n')).toEqual([
    '\ufeffType;No. client facturé;Nom;No. client;Membre;Appels;Sous-total;Redevance;TPS;TVQ;Total',
    `Facture;${head};Siège d’essai ${head};;;6;97,50;0,00;4,88;9,73;112,11`,
    `Membre;${head};Siège d’essai ${head};${head};Siège d’essai ${head};2;32,50;0,00;;;`,
    ...members.map((member) => `Membre;${head};Siège d’essai ${head};${member};Succursale d’essai ${member};2;32,50;0,00;;;`),
    'Total général;;;;;6;97,50;0,00;4,88;9,73;112,11',
    '',
  ]);
});

test('the billing list exports as PDF', async ({ request }) => {
  const response = await request.get('/billing/export?cutoff=2026-12-31&cycle=all&isGrouped=on&format=pdf');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('application/pdf');
  expect((await response.body()).subarray(0, 5).toString()).toBe('%PDF-');
});
