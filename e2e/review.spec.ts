import { sql } from 'drizzle-orm';
import { expect, test } from '@playwright/test';
import { queryRows } from '@/db/index';
import { insertBillableGroup, withTestDatabase } from './database';
import { storageStateOf } from './support';

test.use({ storageState: storageStateOf('billing') });

test('a call of zero waits in the review: the grouped list says so; held from the review, then released and approved, it is generated', async ({
  page,
}) => {
  // A group of the test's own, and one of its member's calls priced at zero, reviewed as the application reviews every call.
  const { group, call } = await withTestDatabase(async (db) => {
    const group = await insertBillableGroup(db, { members: 1, deliveryMethod: 'print' });
    const [call] = await queryRows<{ number: number }>(
      db,
      sql`update calls set gross_cents = 0, price_cents = 0
           where number = (select min(number) from calls where client_number = ${group.members[0]!})
       returning number::int as number`,
    );
    await db.execute(sql`select refresh_review_flags(array[${call!.number}::bigint], true)`);
    return { group, call: call!.number };
  });
  const list = `/billing?isGrouped=on&cycle=all&clientFrom=${group.head}&clientTo=${group.head}`;

  await page.goto(list);
  await page.getByRole('button', { name: 'Afficher la liste' }).click();
  await expect(page.getByRole('status').filter({ hasText: /3 appels/ })).toBeVisible();
  await expect(page.getByTestId('to-review')).toContainText('1 appel attend la vérification avant facturation');
  await page.getByTestId('to-review').getByRole('link', { name: 'Vérifier' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Vérification avant facturation' })).toBeVisible();
  await expect(page.getByLabel('Facturation par client regroupé')).toBeChecked();
  // The review shows the calls the list counted: its clients' range, not every call to review.
  await expect(page.getByLabel('Clients facturés de')).toHaveValue(String(group.head));
  await expect(page.getByRole('status').filter({ hasText: /^1 appel à vérifier$/ })).toBeVisible();
  const row = page.getByTestId(`review-${call}`);
  await expect(row).toContainText('Prix nul');

  // Held from the review with its reason: the grouped list says « 1 appel retenu ».
  await row.getByLabel('Motif').fill('Course offerte ? À confirmer');
  await row.getByRole('button', { name: 'Retenir' }).click();
  await expect(page.getByTestId(`review-${call}`)).toContainText('Retenu : Course offerte ? À confirmer');
  await page.goto(list);
  await page.getByRole('button', { name: 'Afficher la liste' }).click();
  await expect(page.getByTestId('held-calls').getByRole('heading')).toHaveText('1 appel retenu n’est pas dans cette liste');
  await page.getByTestId('held-calls').getByRole('button', { name: 'Libérer' }).click();
  await expect(page.getByTestId('held-calls')).toHaveCount(0);

  // Released, it still waits for review; approved, it is on the list, and generated.
  await expect(page.getByTestId('to-review')).toBeVisible();
  await page.getByTestId('to-review').getByRole('link', { name: 'Vérifier' }).click();
  await page.getByTestId(`review-${call}`).getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Approuver les appels cochés' }).click();
  await expect(page.getByTestId(`review-${call}`)).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Aucun appel à vérifier' })).toBeVisible();

  await page.goto(list);
  await page.getByRole('button', { name: 'Afficher la liste' }).click();
  await expect(page.getByRole('status').filter({ hasText: /4 appels/ })).toBeVisible();
  await expect(page.getByTestId('to-review')).toHaveCount(0);
  await page.getByRole('button', { name: 'Générer les factures' }).click();
  await page.getByRole('button', { name: 'Confirmer la génération' }).click();
  await expect(page.getByRole('status').filter({ hasText: /1 facture créée/ })).toBeVisible();
});
