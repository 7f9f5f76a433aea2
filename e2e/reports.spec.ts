import { expect, test } from '@playwright/test';
import { todayInMontreal } from '../lib/dates/montreal';
import { formatMoney } from '../lib/i18n/format';
import { duesReturn, previousMonth } from '../lib/reports/dues-return';
import { formatCount } from '../lib/reports/report-format';
import { withTestDatabase } from './database';
import { storageStateOf } from './support';

test.describe('billing clerk', () => {
  test.use({ storageState: storageStateOf('billing') });

  test('opens the dues return from the menu and reads the previous month’s figures to report, its basis and its CSV', async ({ page }) => {
    // The previous month: the other tests issue, credit and void today, never in it.
    const period = previousMonth(todayInMontreal());
    const report = await withTestDatabase((db) => duesReturn(db, period));

    await page.goto('/reports');
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Redevance' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Déclaration de la redevance' })).toBeVisible();
    await expect(page.getByLabel('Du')).toHaveValue(period.from);
    await expect(page.getByLabel('Au')).toHaveValue(period.to);
    await expect(page.getByTestId('dues-net-trips')).toHaveText(formatCount(report.totals.netTrips, 'fr'));
    await expect(page.getByTestId('dues-net-dues')).toHaveText(formatMoney(report.totals.netCents, 'fr'));
    await expect(page.getByTestId('dues-totals').locator('td').last()).toHaveText(formatMoney(report.totals.netCents, 'fr'));
    await expect(page.getByRole('note')).toContainText('perçue ou à percevoir');
    await expect(page.getByRole('note')).toContainText('comptable de l’entreprise');

    const csv = await page.request.get(`/reports/dues/export?from=${period.from}&to=${period.to}`);
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toContain('text/csv');
    expect(await csv.text()).toContain(`Total;${period.from} – ${period.to};`);
  });
});

test.describe('dispatcher', () => {
  test.use({ storageState: storageStateOf('dispatcher') });

  test('has no returns in the menu and is refused the dues return', async ({ page }) => {
    await page.goto('/calls');
    await expect(page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Redevance' })).toHaveCount(0);
    const response = await page.goto('/reports/dues');
    expect(response?.status()).toBe(403);
    await expect(page.getByRole('heading', { name: 'Accès refusé' })).toBeVisible();
  });
});
