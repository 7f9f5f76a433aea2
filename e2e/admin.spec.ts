import { expect, test, type Page } from '@playwright/test';
import { storageStateOf } from './support';

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
