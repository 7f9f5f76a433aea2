import { expect, test, type APIResponse, type Page } from '@playwright/test';
import type { AppDatabase } from '../db/index';
import { insertUser, openTestDatabase } from './database';
import { INSTANCES } from './instances';
import { storageStateOf } from './support';

/**
 * Server actions refuse a request whose Origin is not the application's own (Next.js compares
 * the Origin header with the Host, or X-Forwarded-Host, and `serverActions.allowedOrigins` is not
 * set): a page of another site cannot make a signed-in administrator's browser promote a user.
 * Both ways an action is posted are tried, with the administrator's valid session cookie: as the
 * application's own script sends it (Next-Action header), and as a plain HTML form would (the
 * action's reference in hidden fields), which is what a page of another site can send.
 */
test.use({ storageState: storageStateOf('admin') });

const FOREIGN_ORIGINS = ['https://evil.example', 'null'];

let app: AppDatabase;
test.beforeAll(() => {
  app = openTestDatabase();
});
test.afterAll(async () => {
  await app.close();
});

/** A dispatcher of the test's own, and its page, whose header shows its role. */
async function openDispatcher(page: Page) {
  const email = `cible-${Date.now().toString(36)}@exemple.test`;
  const id = await insertUser(app.db, { email, role: 'dispatcher', password: 'mot de passe inutilisé' });
  await page.goto(`${INSTANCES.a.url}/admin/users/${id}`);
  return { url: page.url(), roleShown: (role: string) => page.getByText(`${email} · ${role}`) };
}

/** Refused, and the answer shows nothing of the server: no stack trace, no path, no secret. */
async function expectRefused(response: APIResponse, origin: string) {
  expect(response.status(), origin).toBeGreaterThanOrEqual(400);
  const body = await response.text();
  expect(body, origin).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  expect(body, origin).not.toContain(process.cwd());
  expect(body, origin).not.toContain('node_modules');
  expect(body, origin).not.toContain(process.env.AUTH_SECRET!);
  expect(body, origin).not.toContain(process.env.DATABASE_URL!);
  expect(body, origin).not.toContain('postgres://');
}

/** Posted from every foreign origin: refused, the role unchanged; from the application's own: done. */
async function expectRefusedThenAccepted(
  page: Page,
  target: Awaited<ReturnType<typeof openDispatcher>>,
  post: (origin: string) => Promise<APIResponse>,
) {
  for (const origin of FOREIGN_ORIGINS) await expectRefused(await post(origin), origin);
  await page.reload();
  await expect(target.roleShown('Répartiteur')).toBeVisible();

  const accepted = await post(INSTANCES.a.url);
  expect(accepted.status()).toBe(200);
  await page.reload();
  await expect(target.roleShown('Administrateur')).toBeVisible();
}

test('the role change sent by the application’s script is refused from another origin, and works from its own', async ({ page }) => {
  const target = await openDispatcher(page);
  await expect(target.roleShown('Répartiteur')).toBeVisible();

  // The request the form sends (the action's id in the Next-Action header), kept rather than sent.
  const kept = new Promise<{ headers: Record<string, string>; body: Buffer }>((resolve) => {
    void page.route(target.url, async (route) => {
      if (route.request().method() !== 'POST') return route.fallback();
      resolve({ headers: await route.request().allHeaders(), body: route.request().postDataBuffer()! });
      await route.abort();
    });
  });
  await page.getByRole('combobox', { name: 'Rôle' }).selectOption('admin');
  await page.getByRole('button', { name: 'Changer le rôle' }).click();
  const { headers, body } = await kept;
  await page.unrouteAll();
  expect(headers['next-action']).toMatch(/^[0-9a-f]{40,}$/);

  const post = (origin: string) =>
    page.request.post(target.url, {
      headers: {
        origin,
        'next-action': headers['next-action']!,
        'next-router-state-tree': headers['next-router-state-tree']!,
        accept: headers.accept!,
        'content-type': headers['content-type']!,
      },
      data: body,
      maxRedirects: 0,
    });

  await expectRefusedThenAccepted(page, target, post);

  // A browser on another site would not even send such a request: nothing allows its headers.
  const preflight = await page.request.fetch(target.url, {
    method: 'OPTIONS',
    headers: {
      origin: FOREIGN_ORIGINS[0]!,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'next-action, next-router-state-tree',
    },
  });
  expect(preflight.headers()['access-control-allow-origin']).toBeUndefined();
  expect(preflight.headers()['access-control-allow-headers']).toBeUndefined();
});

test('the role form posted as a plain HTML form is refused from another origin, and works from the application’s own', async ({
  browser,
}) => {
  const context = await browser.newContext({ storageState: storageStateOf('admin'), javaScriptEnabled: false });
  const page = await context.newPage();
  const target = await openDispatcher(page);
  await expect(target.roleShown('Répartiteur')).toBeVisible();

  // The form as the server rendered it, the action's reference in its hidden fields.
  const form = page.locator('form').filter({ has: page.getByRole('combobox', { name: 'Rôle' }) });
  const fields = Object.fromEntries(
    await form.evaluate((element: HTMLFormElement) => [...new FormData(element)].map(([name, value]) => [name, String(value)])),
  );
  expect(Object.keys(fields).some((name) => name.startsWith('$ACTION_'))).toBe(true);
  const post = (origin: string) =>
    context.request.post(target.url, { headers: { origin }, multipart: { ...fields, role: 'admin' }, maxRedirects: 0 });

  await expectRefusedThenAccepted(page, target, post);

  // Besides, a page of another site does not even get the session cookie sent with its form.
  const session = (await context.cookies()).find((cookie) => cookie.name.includes('session-token'));
  expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
  await context.close();
});
