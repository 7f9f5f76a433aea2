import { expect, request, test } from '@playwright/test';
import { eq } from 'drizzle-orm';
import { encode } from 'next-auth/jwt';
import { users } from '../db/schema';
import { SESSION_MAX_AGE_SECONDS } from '../lib/auth/config';
import { openTestDatabase } from './database';
import { DEMO } from './support';

/*
 * A session lasts one work shift (10 hours). Cookies are made here as Auth.js makes them, for
 * the demo dispatcher, with the application's secret: one still valid, one past its end, one
 * opened before the dispatcher's password last changed (another session version).
 */
const COOKIE = 'authjs.session-token';

async function dispatcherSession(maxAgeSeconds: number, versionsBehind = 0): Promise<string> {
  const app = openTestDatabase();
  try {
    const [user] = await app.db.select().from(users).where(eq(users.email, DEMO.dispatcher));
    const token = {
      sub: String(user!.id),
      role: user!.role,
      name: user!.name,
      email: user!.email,
      sessionVersion: user!.sessionVersion - versionsBehind,
    };
    return await encode({ token, secret: process.env.AUTH_SECRET!, salt: COOKIE, maxAge: maxAgeSeconds });
  } finally {
    await app.close();
  }
}

test('a session opens the dispatcher’s screens until its 10 hours are over or the password changes; past them, the server sends to the sign-in page, and back afterwards', async ({
  baseURL,
}) => {
  const api = await request.newContext({ baseURL, maxRedirects: 0 });
  try {
    const open = (session: string) => api.get('/calls', { headers: { cookie: `${COOKIE}=${session}` } });

    const valid = await open(await dispatcherSession(SESSION_MAX_AGE_SECONDS));
    expect(valid.status()).toBe(200);
    expect(await valid.text()).toContain('Recherche d’appel');

    // Ended a minute ago (beyond the clock tolerance of 15 s).
    const expired = await open(await dispatcherSession(-60));
    expect(expired.status()).toBe(307);
    expect(expired.headers().location).toMatch(/\/login\?callbackUrl=%2Fcalls$/);

    // Within its 10 hours, but opened before the password changed (or the dispatcher was deactivated).
    const superseded = await open(await dispatcherSession(SESSION_MAX_AGE_SECONDS, 1));
    expect(superseded.status()).toBe(307);
    expect(superseded.headers().location).toMatch(/\/login\?callbackUrl=%2Fcalls$/);

    // A cookie that is not one of the application's (forged, or from another secret).
    const forged = await open('eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2Q0JDLUhTNTEyIn0..forged.forged.forged');
    expect(forged.status()).toBe(307);
    expect(forged.headers().location).toMatch(/\/login\?callbackUrl=%2Fcalls$/);

    // The session the application itself issues at sign-in lasts 10 hours.
    const { csrfToken } = (await (await api.get('/api/auth/csrf')).json()) as { csrfToken: string };
    const signedIn = await api.post('/api/auth/callback/credentials', { form: { csrfToken, email: DEMO.dispatcher, password: 'demo' } });
    const issued = signedIn
      .headersArray()
      .find((header) => header.name.toLowerCase() === 'set-cookie' && header.value.startsWith(`${COOKIE}=`));
    const expires = Date.parse(/Expires=([^;]+)/i.exec(issued!.value)![1]!);
    expect(Math.abs(expires - (Date.now() + SESSION_MAX_AGE_SECONDS * 1000))).toBeLessThan(120_000);
    expect(SESSION_MAX_AGE_SECONDS).toBe(10 * 60 * 60);
  } finally {
    await api.dispose();
  }
});
