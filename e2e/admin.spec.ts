import { expect, test, type Browser, type Page } from '@playwright/test';
import { insertUser, openTestDatabase } from './database';
import { expectSignedIn, signIn, storageStateOf } from './support';

test.use({ storageState: storageStateOf('admin') });

/** A code of its own for each run, so the test never depends on what another test left behind. */
const unique = Date.now().toString(36).toUpperCase();

async function openAuditFor(page: Page, kind: string) {
  await page.goto('/admin/audit');
  await page.getByLabel('Type', { exact: true }).selectOption({ label: kind });
  await page.getByRole('button', { name: 'Filtrer' }).click();
  await expect(page).toHaveURL(/entity=/);
  return page.getByRole('table', { name: 'Modifications enregistrées' });
}

test('an administrator creates a tariff typed as people type it, edits it, and finds the change in the audit log', async ({ page }) => {
  const code = `E2E${unique}`;
  await page.goto('/admin/tariffs');
  await expect(page.getByRole('heading', { level: 1, name: 'Tarifs' })).toBeVisible();

  const create = page.getByRole('form', { name: 'Nouveau tarif' });
  await create.getByLabel('Code', { exact: true }).fill(code.toLowerCase());
  await create.getByLabel('Nom', { exact: true }).fill('Essai e2e');
  await create.getByLabel('Montant de base', { exact: true }).fill('12,50');
  await create.getByLabel('Taux au km', { exact: true }).fill('1,875');
  await create.getByLabel('Taux par minute d’attente', { exact: true }).fill('0,5');
  await create.getByLabel('Frais minimum', { exact: true }).fill('10');
  await create.getByRole('button', { name: 'Créer le tarif' }).click();
  await expect(create.getByText(`Tarif ${code} créé.`)).toBeVisible();

  const table = page.getByRole('table', { name: 'Liste des tarifs' });
  const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: code, exact: true }) });
  await expect(row).toContainText('Essai e2e');
  await expect(row).toContainText('12,50 $');
  await expect(row).toContainText('1,8750 $/km');
  await expect(row).toContainText('0,5000 $/min');
  await expect(row).toContainText('10,00 $');

  // The same code again is explained next to the field, and what was typed stays.
  await create.getByLabel('Code', { exact: true }).fill(code);
  await create.getByLabel('Nom', { exact: true }).fill('Doublon');
  await create.getByLabel('Montant de base', { exact: true }).fill('1');
  await create.getByLabel('Taux au km', { exact: true }).fill('1');
  await create.getByLabel('Taux par minute d’attente', { exact: true }).fill('1');
  await create.getByRole('button', { name: 'Créer le tarif' }).click();
  await expect(create.getByText('Ce code est déjà utilisé par un autre tarif.').first()).toBeVisible();
  await expect(create.getByLabel('Nom', { exact: true })).toHaveValue('Doublon');

  // Edit: a new base amount, and no longer offered to new clients.
  await row.getByRole('link', { name: `Modifier le tarif ${code}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Modifier le tarif ${code}` })).toBeVisible();
  const edit = page.getByRole('form', { name: `Modifier le tarif ${code}` });
  await expect(edit.getByLabel('Montant de base', { exact: true })).toHaveValue('12,50');
  await expect(edit.getByLabel('Taux au km', { exact: true })).toHaveValue('1,875');
  await expect(page.getByText('Modifier un tarif ne change jamais le prix des appels déjà saisis', { exact: false }).first()).toBeVisible();
  await edit.getByLabel('Montant de base', { exact: true }).fill('13,75');
  await edit.getByLabel('Tarif actif', { exact: true }).uncheck();
  await edit.getByRole('button', { name: 'Enregistrer' }).click();

  await expect(page).toHaveURL(/\/admin\/tariffs\?saved=/);
  await expect(page.getByText(`Tarif ${code} enregistré.`)).toBeVisible();
  await expect(row).toContainText('13,75 $');
  await expect(row.getByRole('cell', { name: 'Non', exact: true })).toBeVisible();

  // The audit log shows who changed what, from which value to which value.
  const audit = await openAuditFor(page, 'Tarifs');
  const baseChange = audit
    .getByRole('row')
    .filter({ hasText: `Tarif ${code}` })
    .filter({ hasText: 'Montant de base' });
  await expect(baseChange).toHaveCount(1);
  await expect(baseChange).toContainText('Administratrice Démo');
  await expect(baseChange.getByRole('cell', { name: '12,50 $', exact: true })).toBeVisible();
  await expect(baseChange.getByRole('cell', { name: '13,75 $', exact: true })).toBeVisible();
  const activeChange = audit
    .getByRole('row')
    .filter({ hasText: `Tarif ${code}` })
    .filter({ hasText: 'Actif' });
  await expect(activeChange.getByRole('cell', { name: 'Oui', exact: true })).toBeVisible();
  await expect(activeChange.getByRole('cell', { name: 'Non', exact: true })).toBeVisible();
});

test('a passenger tariff: exempting a courier tariff is refused on its field; the flag, the exemption and the billing type are kept and audited', async ({
  page,
}) => {
  const code = `PAX${unique}`;
  await page.goto('/admin/tariffs');
  const create = page.getByRole('form', { name: 'Nouveau tarif' });
  await create.getByLabel('Code', { exact: true }).fill(code);
  await create.getByLabel('Nom', { exact: true }).fill('Transport adapté e2e');
  await create.getByLabel('Montant de base', { exact: true }).fill('4,10');
  await create.getByLabel('Taux au km', { exact: true }).fill('2,05');
  await create.getByLabel('Taux par minute d’attente', { exact: true }).fill('0,77');
  await create.getByLabel('Exempté de la redevance', { exact: true }).check();
  await create.getByLabel('Type de facturation par défaut', { exact: true }).selectOption('adapted');
  await create.getByRole('button', { name: 'Créer le tarif' }).click();
  const refused = create.getByLabel('Exempté de la redevance', { exact: true });
  await expect(refused).toHaveAttribute('aria-invalid', 'true');
  await expect(refused).toHaveAccessibleDescription(/Seul un tarif de transport de personnes peut être exempté de la redevance/);

  await create.getByLabel('Transport de personnes', { exact: true }).check();
  await create.getByRole('button', { name: 'Créer le tarif' }).click();
  await expect(create.getByText(`Tarif ${code} créé.`)).toBeVisible();
  const row = page
    .getByRole('table', { name: 'Liste des tarifs' })
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: code, exact: true }) });
  await expect(row.getByRole('cell', { name: 'De personnes, exempté de la redevance', exact: true })).toBeVisible();

  await row.getByRole('link', { name: `Modifier le tarif ${code}` }).click();
  const edit = page.getByRole('form', { name: `Modifier le tarif ${code}` });
  await expect(edit.getByLabel('Transport de personnes', { exact: true })).toBeChecked();
  await expect(edit.getByLabel('Type de facturation par défaut', { exact: true })).toHaveValue('adapted');
  await edit.getByLabel('Exempté de la redevance', { exact: true }).uncheck();
  await edit.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText(`Tarif ${code} enregistré.`)).toBeVisible();
  await expect(row.getByRole('cell', { name: 'De personnes', exact: true })).toBeVisible();

  const audit = await openAuditFor(page, 'Tarifs');
  const exemption = audit
    .getByRole('row')
    .filter({ hasText: `Tarif ${code}` })
    .filter({ hasText: 'Exempté de la redevance' });
  await expect(exemption).toHaveCount(1);
  await expect(exemption).toContainText('Administratrice Démo');
});

test('an administrator creates a user, changes their role, and the change is audited', async ({ page }) => {
  const email = `e2e-${unique.toLowerCase()}@demo.local`;
  const name = `Utilisateur E2E ${unique}`;
  await page.goto('/admin/users');
  await expect(page.getByRole('heading', { level: 1, name: 'Utilisateurs' })).toBeVisible();

  const create = page.getByRole('form', { name: 'Nouvel utilisateur' });
  await create.getByLabel('Nom', { exact: true }).fill(name);
  await create.getByLabel('Courriel', { exact: true }).fill(email.toUpperCase());
  await create.getByLabel('Rôle', { exact: true }).selectOption({ label: 'Répartiteur' });
  await create.getByLabel('Mot de passe initial', { exact: true }).fill('un-mot-de-passe');
  await create.getByRole('button', { name: 'Créer l’utilisateur' }).click();
  await expect(create.getByText(`Utilisateur ${email} créé.`)).toBeVisible();

  const row = page.getByRole('table', { name: 'Liste des utilisateurs' }).getByRole('row').filter({ hasText: email });
  await expect(row).toContainText('Répartiteur');
  await row.getByRole('link', { name }).click();

  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await page.getByRole('combobox', { name: 'Rôle', exact: true }).selectOption({ label: 'Commis à la facturation' });
  await page.getByRole('button', { name: 'Changer le rôle' }).click();
  await expect(page.getByText(`Rôle de ${email} : Commis à la facturation.`)).toBeVisible();

  const audit = await openAuditFor(page, 'Utilisateurs');
  const roleChange = audit
    .getByRole('row')
    .filter({ hasText: `Utilisateur ${email}` })
    .filter({ hasText: 'Rôle' });
  await expect(roleChange.getByRole('cell', { name: 'Répartiteur', exact: true })).toBeVisible();
  await expect(roleChange.getByRole('cell', { name: 'Commis à la facturation', exact: true })).toBeVisible();
});

test('an administrator is not offered to deactivate their own account or drop their own role', async ({ page }) => {
  await page.goto('/admin/users');
  const me = page.getByRole('table', { name: 'Liste des utilisateurs' }).getByRole('row').filter({ hasText: 'admin@demo.local' });
  await me.getByRole('link', { name: 'Administratrice Démo' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Administratrice Démo' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Désactiver l’utilisateur' })).toBeDisabled();
  await expect(page.getByText('Vous ne pouvez pas désactiver votre propre compte.')).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Rôle', exact: true })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Changer le rôle' })).toBeDisabled();
});

/** A dispatcher of the test's own, signed in in a browser of their own; their user id and page. */
async function signedInDispatcher(browser: Browser, password: string) {
  const email = `repartition-${unique.toLowerCase()}-${Date.now().toString(36)}@exemple.test`;
  const app = openTestDatabase();
  let id: number;
  try {
    id = await insertUser(app.db, { email, role: 'dispatcher', password });
  } finally {
    await app.close();
  }
  // Its own cookies: not the administrator's session this file's pages use.
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await signIn(page, email, password);
  await expectSignedIn(page);
  await page.goto('/calls');
  await expect(page.getByRole('heading', { level: 1, name: 'Recherche d’appel' })).toBeVisible();
  return { id, email, page, close: () => context.close() };
}

test('a dispatcher whose password an administrator resets is sent to the sign-in page at their next request, and signs in with the new one', async ({
  page,
  browser,
}) => {
  const dispatcher = await signedInDispatcher(browser, 'ancien-mot-de-passe');
  try {
    await page.goto(`/admin/users/${dispatcher.id}`);
    await page.getByLabel('Nouveau mot de passe').fill('nouveau-mot-de-passe');
    await page.getByRole('button', { name: 'Réinitialiser le mot de passe' }).click();
    await expect(page.getByText(`Mot de passe de ${dispatcher.email} réinitialisé.`)).toBeVisible();

    await dispatcher.page.goto('/calls/new');
    await expect(dispatcher.page).toHaveURL(/\/login\?callbackUrl=%2Fcalls%2Fnew$/);
    await expect(dispatcher.page.getByRole('heading', { name: 'Connexion' })).toBeVisible();
    await signIn(dispatcher.page, dispatcher.email, 'ancien-mot-de-passe', { isOnLoginPage: true });
    await expect(dispatcher.page.getByText('Courriel ou mot de passe invalide.')).toBeVisible();
    await signIn(dispatcher.page, dispatcher.email, 'nouveau-mot-de-passe', { isOnLoginPage: true });
    await expect(dispatcher.page).toHaveURL('/calls/new');
    await expectSignedIn(dispatcher.page);
  } finally {
    await dispatcher.close();
  }
});

test('a dispatcher deactivated and then reactivated does not get their former session back; a change of role keeps it, with the new role', async ({
  page,
  browser,
}) => {
  const dispatcher = await signedInDispatcher(browser, 'mot-de-passe-du-quart');
  try {
    await page.goto(`/admin/users/${dispatcher.id}`);
    await page.getByRole('combobox', { name: 'Rôle', exact: true }).selectOption({ label: 'Commis à la facturation' });
    await page.getByRole('button', { name: 'Changer le rôle' }).click();
    await expect(page.getByText(`Rôle de ${dispatcher.email} : Commis à la facturation.`)).toBeVisible();
    await dispatcher.page.goto('/billing');
    await expect(dispatcher.page.getByRole('heading', { level: 1, name: 'Liste de facturation' })).toBeVisible();

    await page.getByRole('button', { name: 'Désactiver l’utilisateur' }).click();
    await expect(page.getByText(`${dispatcher.email} est désactivé.`)).toBeVisible();
    await page.getByRole('button', { name: 'Réactiver l’utilisateur' }).click();
    await expect(page.getByText(`${dispatcher.email} est réactivé.`)).toBeVisible();

    await dispatcher.page.goto('/billing');
    await expect(dispatcher.page).toHaveURL(/\/login\?callbackUrl=%2Fbilling$/);
  } finally {
    await dispatcher.close();
  }
});
