import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { eq, inArray } from 'drizzle-orm';
import { calls, clients } from '../db/schema';
import { addDays, todayInMontreal } from '../lib/dates/montreal';
import { insertBillableClients, openTestDatabase } from './database';
import { storageStateOf } from './support';

test.use({ storageState: storageStateOf('billing') });

const FORMULA = '=HYPERLINK("http://evil.example","x")';

test('a client name written as a formula is exported as text, not as a formula the spreadsheet would run', async ({ page }) => {
  const app = openTestDatabase();
  const { from } = await insertBillableClients(app.db, { count: 1, isEmailed: false });
  await app.db.update(clients).set({ name: FORMULA }).where(eq(clients.number, from));
  try {
    await page.goto(`/billing?cutoff=${addDays(todayInMontreal(), -1)}&cycle=all&clientFrom=${from}&clientTo=${from}`);
    await expect(page.getByRole('table', { name: 'Liste de facturation' }).getByTestId(`billed-${from}`)).toContainText(FORMULA);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'CSV (point-virgule, Excel français)' }).click(),
    ]);
    const rows: string[][] = parse(readFileSync((await download.path())!), { bom: true, delimiter: ';' });
    const invoiceRow = rows.find((row) => row[1] === String(from));
    expect(invoiceRow?.[2]).toBe(`'${FORMULA}`);
    // Amounts stay numbers: two calls of 15,00 $ and 17,50 $.
    expect(invoiceRow?.[6]).toBe('32,50');
  } finally {
    // The client and its calls leave no trace for the tests that bill every client.
    await app.db.delete(calls).where(inArray(calls.clientNumber, [from]));
    await app.db.delete(clients).where(eq(clients.number, from));
    await app.close();
  }
});
