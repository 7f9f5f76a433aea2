import { expect, test } from '@playwright/test';
import { addDays, todayInMontreal } from '../lib/dates/montreal';
import { INSTANCES } from './instances';
import { storageStateOf } from './support';

/**
 * The print routes record what they print (statements and invoices printed). A form posted to
 * them from another origin with a billing clerk's session — another site, or another application
 * on the same host, whose forms a `SameSite=Lax` cookie does not stop — is refused and records
 * nothing. A GET, which any link can make a browser send, only previews a statement. From the
 * application's own screen, the same form prints and records.
 */
test.use({ storageState: storageStateOf('billing') });

const OTHER_ORIGINS = ['https://ailleurs.example', INSTANCES.b.url, 'null'];

test('statements posted from another origin are refused and not recorded; a link only previews; the screen’s own form prints and records them', async ({
  page,
}) => {
  const from = addDays(todayInMontreal(), -150);
  const to = addDays(todayInMontreal(), -1);
  const screen = `/receivables/statements?from=${from}&to=${to}&clientNumber=12345`;
  await page.goto(screen);
  const row = page.getByTestId('statement-12345');
  await expect(row).toBeVisible();
  await expect(row).not.toContainText('Imprimé le');

  for (const origin of OTHER_ORIGINS) {
    for (const [path, form] of [
      ['/receivables/statements/print', { from, to, clientNumber: '12345' }],
      ['/billing/delivery/print', { runId: '1' }],
    ] as const) {
      const refused = await page.request.post(path, { headers: { origin }, form, maxRedirects: 0 });
      expect(refused.status(), `${origin} ${path}`).toBe(403);
      expect(await refused.text(), `${origin} ${path}`).toBe(
        'Cette demande vient d’un autre site : elle est refusée et rien n’a été enregistré. Refaites-la depuis l’application.',
      );
    }
  }

  // What a link opens: the statement, shown in the browser, not recorded.
  const preview = await page.request.get(`/receivables/statements/print?from=${from}&to=${to}&clientNumber=12345`, {
    headers: { referer: 'https://ailleurs.example/' },
  });
  expect(preview.status()).toBe(200);
  expect(preview.headers()['content-disposition']).toMatch(/^inline;/);
  await page.reload();
  await expect(row).toBeVisible();
  await expect(row).not.toContainText('Imprimé le');

  // The screen's own form prints the statement and records it.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Imprimer (un PDF pour tout le lot)' }).click();
  expect(await (await download).path()).toBeTruthy();
  await page.goto(screen);
  await expect(row).toContainText('Imprimé le');
});
