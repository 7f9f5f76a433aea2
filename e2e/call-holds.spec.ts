import { sql } from 'drizzle-orm';
import { expect, test } from '@playwright/test';
import { queryRows } from '@/db/index';
import { insertBillableGroup, withTestDatabase } from './database';
import { storageStateOf } from './support';

test.use({ storageState: storageStateOf('billing') });

test('a billing clerk holds a call from its page: the grouped list leaves it out and says « 1 appel retenu »; released, it is generated with the others', async ({
  page,
  browser,
}) => {
  const { group, call } = await withTestDatabase(async (db) => {
    const group = await insertBillableGroup(db, { members: 1, deliveryMethod: 'print' });
    const [call] = await queryRows<{ number: number }>(
      db,
      sql`select number::int as number from calls where client_number = ${group.members[0]!} order by number limit 1`,
    );
    return { group, call: call!.number };
  });
  const list = `/billing?isGrouped=on&cycle=all&clientFrom=${group.head}&clientTo=${group.head}`;

  await page.goto(`/calls/${call}`);
  await page.getByLabel('Motif').fill('Bon de commande à confirmer avec le client');
  await page.getByRole('button', { name: 'Retenir' }).click();
  // The page now says it is held, why and by whom, with its release in place of the form.
  await expect(page.getByTestId('call-hold')).toContainText('Bon de commande à confirmer avec le client');
  await expect(page.getByTestId('call-hold').getByRole('button', { name: 'Libérer' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Retenir' })).toHaveCount(0);

  // A dispatcher sees that it is held and why, and cannot release it.
  const dispatcher = await browser.newContext({ storageState: storageStateOf('dispatcher') });
  try {
    const calls = await dispatcher.newPage();
    await calls.goto(`/calls/${call}`);
    await expect(calls.getByTestId('call-hold')).toContainText('Appel retenu');
    await expect(calls.getByTestId('call-hold')).toContainText('Bon de commande à confirmer avec le client');
    await expect(calls.getByRole('button', { name: 'Libérer' })).toHaveCount(0);
  } finally {
    await dispatcher.close();
  }

  await page.goto(list);
  await page.getByRole('button', { name: 'Afficher la liste' }).click();
  await expect(page.getByRole('status').filter({ hasText: /3 appels/ })).toBeVisible();
  const held = page.getByTestId('held-calls');
  await expect(held.getByRole('heading')).toHaveText('1 appel retenu n’est pas dans cette liste');
  await expect(held.getByRole('row', { name: new RegExp(`${call}`) })).toContainText('Bon de commande à confirmer avec le client');

  // Released, the list is read again at once: the call is back in it.
  await held.getByRole('button', { name: 'Libérer' }).click();
  await expect(page.getByTestId('held-calls')).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: /4 appels/ })).toBeVisible();

  await page.getByRole('button', { name: 'Générer les factures' }).click();
  await page.getByRole('button', { name: 'Confirmer la génération' }).click();
  await expect(page.getByRole('status').filter({ hasText: /1 facture créée/ })).toBeVisible();
});
