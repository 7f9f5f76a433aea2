import { expect, test } from '@playwright/test';
import { storageStateOf } from './support';

test.use({ storageState: storageStateOf('admin') });

test('an administrator creates a token, sees it once, the dispatch system reads with it, and a revocation shuts it out', async ({
  page,
  playwright,
  baseURL,
}) => {
  const name = `Répartition e2e ${Date.now().toString(36)}`;
  await page.goto('/admin/api');
  await expect(page.getByRole('heading', { level: 1, name: 'Jetons de l’API de répartition' })).toBeVisible();

  const create = page.getByRole('form', { name: 'Nouveau jeton' });
  await create.getByLabel('Nom du jeton').fill(name);
  await create.getByLabel('Portée').selectOption({ label: 'Lecture' });
  await create.getByRole('button', { name: 'Créer le jeton' }).click();
  await expect(create.getByText(`Jeton « ${name} » créé.`)).toBeVisible();
  const secret = await create.getByLabel('Jeton à copier').inputValue();
  expect(secret).toMatch(/^rfd_/);

  const row = page
    .getByRole('table', { name: 'Jetons de l’API' })
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name }) });
  await expect(row).toContainText(`${secret.slice(0, 12)}…`);
  await expect(row).toContainText('Jamais');
  // The list never shows the whole token.
  await expect(page.getByRole('table', { name: 'Jetons de l’API' })).not.toContainText(secret);

  const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${secret}` } });
  try {
    const clients = await api.get('/api/v1/clients?limit=3');
    expect(clients.status()).toBe(200);
    expect(((await clients.json()) as { clients: unknown[] }).clients).toHaveLength(3);
    // A client's data is never kept by a cache on the way; a few hundred bytes are sent as they
    // are, a page of a hundred clients compressed (the request accepts gzip).
    expect(clients.headers()['cache-control']).toBe('no-store, no-transform');
    expect(clients.headers()['content-encoding']).toBeUndefined();
    const page100 = await api.get('/api/v1/clients?limit=100', { headers: { 'accept-encoding': 'gzip' } });
    expect(((await page100.json()) as { clients: unknown[] }).clients.length).toBeGreaterThan(3);
    expect(page100.headers()['cache-control']).toBe('no-store');
    expect(page100.headers()['content-encoding']).toBe('gzip');

    await page.reload();
    await expect(row).not.toContainText('Jamais');
    page.once('dialog', (dialog) => void dialog.accept());
    await row.getByRole('button', { name: 'Révoquer' }).click();
    // The row says so at once, in place of its button.
    await expect(row).toContainText('Révoqué le');
    await expect(row.getByRole('button', { name: 'Révoquer' })).toHaveCount(0);

    const refused = await api.get('/api/v1/clients');
    expect(refused.status()).toBe(401);
    expect(await refused.json()).toMatchObject({ error: { code: 'token_revoked' } });
  } finally {
    await api.dispose();
  }
});

test('the OpenAPI document is served to anyone, without a session', async ({ playwright, baseURL }) => {
  const anonymous = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  try {
    const response = await anonymous.get('/api/v1/openapi.json');
    expect(response.status()).toBe(200);
    expect(await response.json()).toMatchObject({ openapi: '3.1.0', paths: { '/clients': expect.anything() } });
    // Without a token, the data itself is refused in JSON, never sent to the sign-in page.
    const refused = await anonymous.get('/api/v1/clients', { maxRedirects: 0 });
    expect(refused.status()).toBe(401);
  } finally {
    await anonymous.dispose();
  }
});

test('a call sent by the dispatch system with a write token is one call, whatever the retries, and shows in the application', async ({
  page,
  playwright,
  baseURL,
}) => {
  const name = `Écriture e2e ${Date.now().toString(36)}`;
  await page.goto('/admin/api');
  const create = page.getByRole('form', { name: 'Nouveau jeton' });
  await create.getByLabel('Nom du jeton').fill(name);
  await create.getByLabel('Portée').selectOption({ label: 'Lecture et écriture des appels' });
  await create.getByRole('button', { name: 'Créer le jeton' }).click();
  const secret = await create.getByLabel('Jeton à copier').inputValue();

  const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${secret}` } });
  try {
    const dispatchId = `E2E-${Date.now().toString(36)}`;
    const call = {
      clientNumber: 12347,
      serviceDate: '2026-11-20',
      serviceTime: '10:45',
      status: 'dispatched',
      pickupAddress: '77, rue du Quai-de-Répartition',
      destinationAddress: '1, place Ville-Marie',
      distanceKm: 8.5,
    };
    const first = await api.put(`/api/v1/dispatch-calls/${dispatchId}`, { data: call });
    expect(first.status()).toBe(201);
    const { number } = (await first.json()) as { number: number };
    const retry = await api.put(`/api/v1/dispatch-calls/${dispatchId}`, { data: call });
    expect(retry.status()).toBe(200);
    expect(((await retry.json()) as { number: number }).number).toBe(number);

    await page.goto(`/calls/${number}`);
    await expect(page.getByLabel('Adresse de départ')).toHaveValue('77, rue du Quai-de-Répartition');
    await expect(page.getByText(`par l’API (jeton « ${name} »)`)).toBeVisible();
  } finally {
    await api.dispose();
  }
});
