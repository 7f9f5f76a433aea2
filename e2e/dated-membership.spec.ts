import { expect, test, type Page } from '@playwright/test';
import { inArray, sql } from 'drizzle-orm';
import { queryRows } from '../db/index';
import { calls, tariffs } from '../db/schema';
import { addDays, montrealDateTime, todayInMontreal } from '../lib/dates/montreal';
import { openTestDatabase } from './database';
import { storageStateOf } from './support';

test.use({ storageState: storageStateOf('admin') });

const MEMBER = 12347;
const NEW_HEAD = 30000;

/** "2026-11-15" as the date field of the browser's French locale takes it: typed in ISO. */
async function changeGroup(page: Page, head: string, effective: string) {
  await page.goto(`/clients/${MEMBER}`);
  await page.getByLabel('No. client regroupé').fill(head);
  const date = page.getByLabel('En vigueur le');
  await expect(date).toHaveValue(todayInMontreal());
  await date.fill(effective);
  await expect(page.getByTestId('grouped-status')).toContainText(`Membre du groupe ${head}`);
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Client ${MEMBER} enregistré` })).toBeVisible();
}

test('12347 moves to head 30000 from a date: both grouped invoices take their share of its calls, and it comes back the same day', async ({
  page,
}) => {
  const app = openTestDatabase();
  const today = todayInMontreal();
  // The move takes effect after 12347's last invoiced call, whatever the other tests billed.
  const [limits] = await queryRows<{ last: string | null }>(app.db, sql`select last_invoiced_service_date(${MEMBER})::text as last`);
  const earliest = limits!.last ? addDays(limits!.last, 1) : addDays(today, -10);
  const effective = earliest > addDays(today, -10) ? earliest : addDays(today, -10);
  expect(effective <= today).toBe(true);
  // One call of 12347 the day before the move and one on its day, completed, not invoiced; and
  // one of head 30000 itself on that day, so that 30000 has a row in the list whatever the other
  // tests billed.
  const [tariff] = await app.db
    .select()
    .from(tariffs)
    .where(sql`${tariffs.code} = 'STD'`);
  const inserted = await app.db
    .insert(calls)
    .values(
      [
        { clientNumber: MEMBER, serviceDate: addDays(effective, -1) },
        { clientNumber: MEMBER, serviceDate: effective },
        { clientNumber: NEW_HEAD, serviceDate: effective },
      ].map(({ clientNumber, serviceDate }, i) => ({
        clientNumber,
        serviceAt: montrealDateTime(serviceDate, '11:00'),
        serviceDate,
        pickupAddress: '100, rue Saint-Charles Ouest, Longueuil',
        destinationAddress: `${i + 1}, place Ville-Marie, Montréal`,
        status: 'completed' as const,
        completedAt: montrealDateTime(serviceDate, '12:00'),
        tariffId: tariff!.id,
        tariffCode: tariff!.code,
        grossCents: 1900 + i * 100,
        priceCents: 1900 + i * 100,
      })),
    )
    .returning({ number: calls.number });
  const [before, from] = inserted.map((c) => String(c.number));

  try {
    await changeGroup(page, '30000', effective);
    // The history: 12345 until the day before, 30000 from the date on.
    const history = page.getByRole('table', { name: 'Historique du regroupement' });
    await expect(history.getByRole('row').nth(1)).toContainText('30000');
    await expect(history.getByRole('row').nth(1)).toContainText('En cours');
    await expect(history.getByRole('row').nth(2)).toContainText('12345');

    // The grouped billing list up to today: 12347 is a member of both invoices.
    await page.goto(`/billing?cutoff=${today}&cycle=all&clientFrom=&clientTo=&isGrouped=on`);
    const list = page.getByRole('table', { name: 'Liste de facturation' });
    for (const head of ['12345', '30000']) {
      await list.getByText(`Membres de ${head}`).click();
      await expect(page.getByRole('table', { name: `Membres de ${head}` }).getByRole('row', { name: /12347/ })).toBeVisible();
    }

    // The call search names the head each of its calls is billed on.
    const statusBar = page.getByRole('status', { name: 'Compte regroupé du client' });
    for (const [call, head] of [
      [before, '12345'],
      [from, '30000'],
    ] as const) {
      await page.goto(`/calls?number=${call}&selected=${call}`);
      await expect(page.getByRole('heading', { name: `Détail de l’appel ${call}` })).toBeVisible();
      await expect(statusBar).toHaveText(`No. client regroupé : ${head}`);
    }

    // Back to 12345 from the same date: the move is undone, and the list is as before.
    await changeGroup(page, '12345', effective);
    await expect(page.getByRole('table', { name: 'Historique du regroupement' }).getByRole('row')).toHaveCount(2);
    await page.goto(`/billing?cutoff=${today}&cycle=all&clientFrom=&clientTo=&isGrouped=on`);
    await list.getByText('Membres de 30000').click();
    await expect(page.getByRole('table', { name: 'Membres de 30000' }).getByRole('row', { name: /12347/ })).toHaveCount(0);
  } finally {
    await app.db.delete(calls).where(
      inArray(
        calls.number,
        inserted.map((c) => c.number),
      ),
    );
    await app.close();
  }
});
