import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../db/index';
import { openTestDatabase } from './database';
import { storageStateOf } from './support';

test.use({ storageState: storageStateOf('admin') });

/** Numbers of this run's own, far from the demo's. */
const head = 60_000_000 + (Date.now() % 1_000_000) * 10;
const member = head + 1;

const clientsFile = (memberHead: number) =>
  Buffer.from(
    [
      'No. client;Nom;Adresse;Ville;Code postal;Tarif;No. client regroupé',
      // The member comes before its head: a file may hold them in any order.
      `${member};Succursale Importée;12, rue Côté;Québec;G1R 4P5;STD;${memberHead}`,
      `${head};Siège Importé;1, rue Principale;Montréal;H2X 1Y4;STD;${head}`,
      '',
    ].join('\r\n'),
  );

test('an administrator checks a client file, reads its error by line and column, fixes it, imports it and finds the new group', async ({
  page,
}) => {
  await page.goto('/admin/import');
  await expect(page.getByRole('heading', { level: 1, name: 'Importation et exportation des données' })).toBeVisible();
  const form = page.getByRole('form', { name: 'Importer un fichier' });
  await form.getByLabel('Contenu du fichier').selectOption({ label: 'Clients' });

  // 12346 is a member of 12345: the member cannot join it (a chain).
  await form.getByLabel('Fichier CSV').setInputFiles({ name: 'clients.csv', mimeType: 'text/csv', buffer: clientsFile(12346) });
  await form.getByRole('button', { name: 'Vérifier le fichier' }).click();
  await expect(form.getByRole('alert')).toHaveText('1 erreur : rien n’a été importé. Corrigez le fichier, puis vérifiez-le de nouveau.');
  const errors = form.getByRole('table', { name: 'Erreurs du fichier' });
  await expect(errors.getByRole('columnheader')).toHaveText(['Ligne', 'Colonne', 'Erreur']);
  await expect(errors.getByRole('row').nth(1).getByRole('cell')).toHaveText([
    '2',
    'No. client regroupé',
    '12346 est membre du groupe 12345 : un client ne peut être rattaché qu’à un compte regroupé',
  ]);
  await expect(form.getByRole('button', { name: 'Importer' })).toHaveCount(0);
  expect((await page.request.get(`/clients/${member}`)).status()).toBe(404);

  // Fixed: the member joins the head of the same file.
  await form.getByLabel('Fichier CSV').setInputFiles({ name: 'clients.csv', mimeType: 'text/csv', buffer: clientsFile(head) });
  await form.getByRole('button', { name: 'Vérifier le fichier' }).click();
  await expect(form.getByRole('status')).toHaveText(
    'Fichier valide (UTF-8, séparateur « ; ») : 2 lignes — 2 à créer, 0 à mettre à jour, 0 inchangée(s). Rien n’est encore importé.',
  );
  await expect(errors).toHaveCount(0);
  await form.getByRole('button', { name: 'Importer' }).click();
  await expect(form.getByRole('status')).toHaveText(
    'Importation terminée : 2 créé(s), 0 mis à jour, 0 inchangé(s). Chaque changement figure au journal d’audit à votre nom.',
  );

  await page.goto(`/clients/${member}`);
  await expect(page.getByLabel('Nom', { exact: true })).toHaveValue('Succursale Importée');
  await expect(page.getByLabel('No. client regroupé')).toHaveValue(String(head));
  await expect(page.getByTestId('grouped-status')).toHaveText(`Membre du groupe ${head} — Siège Importé`);
});

test('the clients export holds the imported group in the import’s columns, and a template has them all', async ({ page }) => {
  await page.goto('/admin/import');
  const exportForm = page.getByRole('form', { name: 'Exporter' });
  await exportForm.getByLabel('Données').selectOption({ label: 'Clients' });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    exportForm.getByRole('button', { name: 'Télécharger le CSV' }).click(),
  ]);
  const exported = readFileSync((await download.path())!, 'utf8');
  expect(exported.startsWith('\uFEFFNo. client;Nom;')).toBe(true);
  expect(exported).toContain(
    `${member};Succursale Importée;;;12, rue Côté;;Québec;QC;G1R 4P5;;Français;Impression;30;Mensuel;Non;;Non;;Non;;;;STD;0,00;${head};;Oui;`,
  );

  const [template] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Modèle — Appels historiques' }).click(),
  ]);
  expect(template.suggestedFilename()).toBe('modele-appels.csv');
  expect(readFileSync((await template.path())!, 'utf8').trimEnd()).toBe(
    '\uFEFFNo. appel;No. client;Date du service;Heure;Appelant;Adresse de départ;Destination;Distance (km);Attente (minutes);Type de service;Référence du client;Notes;Statut;Tarif;Montant brut;Escompte (%);Escompte;Prix;Type de facturation;Heures;Municipalité de départ;Municipalité de destination;No. de facture SEV;Références;No. facture',
  );
});

test('a call imported with the invoice of the former system says so on its page and offers no edit nor status button', async ({ page }) => {
  const callId = `E2E-${head}`;
  await page.goto('/admin/import');
  const form = page.getByRole('form', { name: 'Importer un fichier' });
  await form.getByLabel('Contenu du fichier').selectOption({ label: 'Appels historiques' });
  const file = [
    'No. appel;No. client;Date du service;Heure;Adresse de départ;Destination;Statut;Tarif;Montant brut;Escompte;Prix;No. facture',
    `${callId};${member};2026-10-03;09:30;1, rue A, Québec;2, rue B, Lévis;Terminé;STD;43,06;2,15;40,91;ANC-0042`,
  ].join('\r\n');
  await form.getByLabel('Fichier CSV').setInputFiles({ name: 'appels.csv', mimeType: 'text/csv', buffer: Buffer.from(file) });
  await form.getByRole('button', { name: 'Vérifier le fichier' }).click();
  await expect(form.getByRole('status')).toContainText('1 ligne — 1 à créer');
  await form.getByRole('button', { name: 'Importer' }).click();
  await expect(form.getByRole('status')).toContainText('Importation terminée : 1 créé(s)');

  const database = openTestDatabase();
  const [call] = await queryRows<{ number: number }>(
    database.db,
    sql`select number::int from calls where dispatch_id = ${`import:${callId}`}`,
  ).finally(() => database.close());
  await page.goto(`/calls/${call!.number}`);
  await expect(page.getByRole('note')).toHaveText(
    'Cet appel a été importé de l’ancien système, où il a été facturé sur la facture ANC-0042 : il ne peut pas être modifié ni facturé de nouveau.',
  );
  await expect(page.getByTestId('call-invoice')).toHaveText('Facturé dans l’ancien système (facture ANC-0042)');
  await expect(page.getByRole('heading', { name: 'Modifier l’appel' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Annuler l’appel|Rouvrir|Terminer/ })).toHaveCount(0);
});

test('a file of 100,000 calls (15 MB) is checked with a progress bar that moves as the server reads it', async ({ page }) => {
  // Building, uploading and checking 15 MB is this suite's heaviest test: its own time limit,
  // above the minute its last step may take (30 s for every other test).
  test.setTimeout(90_000);
  const lines = [
    'No. appel;No. client;Date du service;Heure;Adresse de départ;Destination;Statut;Tarif;Montant brut;Escompte;Prix;No. facture',
  ];
  for (let i = 0; i < 100_000; i++) {
    lines.push(
      `P-${i};20001;2026-10-03;09:30;${i}, rue Saint-Denis, Montréal, porte arrière;${i}, boulevard Laurier, Québec;Terminé;STD;20,00;0,00;20,00;F-${i}`,
    );
  }
  const buffer = Buffer.from(lines.join('\r\n'));
  // Above the 10 MB a Next.js proxy would let through: the upload goes around it.
  expect(buffer.length).toBeGreaterThan(10 * 1024 * 1024);
  await page.goto('/admin/import');
  const form = page.getByRole('form', { name: 'Importer un fichier' });
  await form.getByLabel('Contenu du fichier').selectOption({ label: 'Appels historiques' });
  await form.getByLabel('Fichier CSV').setInputFiles({ name: 'appels.csv', mimeType: 'text/csv', buffer });
  await form.getByRole('button', { name: 'Vérifier le fichier' }).click();

  const bar = form.getByLabel('Vérification en cours…');
  await expect(bar).toHaveAttribute('max', String(buffer.length));
  await expect.poll(async () => Number(await bar.getAttribute('value')), { intervals: [50] }).toBeGreaterThan(0);
  expect(Number(await bar.getAttribute('value'))).toBeLessThan(buffer.length);
  await expect(form.getByRole('status')).toHaveText(
    'Fichier valide (UTF-8, séparateur « ; ») : 100 000 lignes — 100 000 à créer, 0 à mettre à jour, 0 inchangée(s). Rien n’est encore importé.',
    { timeout: 60_000 },
  );
  await expect(bar).toHaveCount(0);
});

test('a file over the 50 MB limit is refused with the limit and its setting named, nothing imported', async ({ page }, testInfo) => {
  const path = testInfo.outputPath('trop-gros.csv');
  writeFileSync(path, `Code;Nom\r\n${'X;'.repeat(28 * 1024 * 1024)}`);
  await page.goto('/admin/import');
  const form = page.getByRole('form', { name: 'Importer un fichier' });
  await form.getByLabel('Contenu du fichier').selectOption({ label: 'Tarifs' });
  await form.getByLabel('Fichier CSV').setInputFiles(path);
  await form.getByRole('button', { name: 'Vérifier le fichier' }).click();
  await expect(form.getByRole('alert')).toHaveText(
    'Fichier trop volumineux : 50 Mo au plus (réglage IMPORT_MAX_MB). Rien n’a été importé.',
  );
});
