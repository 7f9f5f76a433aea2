import { expect, test, type APIRequestContext } from '@playwright/test';
import { ROUTE_ROLES } from '../lib/auth/permissions';
import type { Role } from '../lib/auth/roles';
import { storageStateOf, type DemoRole } from './support';

/**
 * Every route of the permissions table, opened by each role and by an anonymous visitor,
 * through the server (not the menu): a route added to the table cannot escape this matrix.
 */
const sample: Record<string, string> = { '[number]': '12345', '[id]': '1' };
const concrete = (route: string) => route.replace(/\[(number|id)\]/g, (match) => sample[match]!);
const POST_ONLY = new Set(['/billing/delivery/print', '/admin/import/upload']);
const ROLE_OF: Record<DemoRole, Role> = { admin: 'admin', billing: 'billing', dispatcher: 'dispatcher', portal: 'portal' };

async function open(request: APIRequestContext, route: string) {
  const path = concrete(route);
  return POST_ONLY.has(route)
    ? request.post(path, { form: { runId: '999999', isGrouped: 'on' }, maxRedirects: 0 })
    : request.get(path, { maxRedirects: 0 });
}

// The portal's user too: every staff route refuses it, and every portal route refuses the staff.
for (const role of ['admin', 'billing', 'dispatcher', 'portal'] as const) {
  test.describe(`as ${role}`, () => {
    test.use({ storageState: storageStateOf(role) });

    test('each route answers according to the permissions table', async ({ request }) => {
      for (const [route, roles] of Object.entries(ROUTE_ROLES)) {
        const response = await open(request, route);
        const isAllowed = (roles as readonly string[]).includes(ROLE_OF[role]);
        if (isAllowed) expect(response.status(), `${role} ${route}`).not.toBe(403);
        else expect(response.status(), `${role} ${route}`).toBe(403);
        expect(response.status(), `${role} ${route}`).toBeLessThan(500);
      }
    });
  });
}

test('an anonymous visitor is sent to the sign-in page from every route, and the responses carry the security headers', async ({
  request,
}) => {
  for (const route of Object.keys(ROUTE_ROLES)) {
    const response = await open(request, route);
    expect([302, 303, 307, 308], route).toContain(response.status());
    expect(response.headers().location, route).toMatch(/\/login/);
  }
  const login = await request.get('/login');
  expect(login.headers()['x-frame-options']).toBe('DENY');
  expect(login.headers()['x-content-type-options']).toBe('nosniff');
  expect(login.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(login.headers()['x-powered-by']).toBeUndefined();
});
