/**
 * The session a request carries: its Auth.js cookie, decrypted, and nothing more. Auth.js's own
 * `auth()` also signs a fresh token for every request (decrypting and encrypting, each with its
 * key derivation: about a tenth of the server's time per page under load) to push the cookie's
 * end further; a page cannot set that cookie anyway, and a session here lasts one fixed work
 * shift from sign-in (lib/auth/config.ts). Auth.js still opens, signs and ends sessions.
 */
import { cookies } from 'next/headers';
import { decode } from 'next-auth/jwt';

export type SessionClaims = { userId: number; sessionVersion: number };

/** Auth.js's session cookie: `__Secure-` prefixed when the site is served over HTTPS; split into `.0`, `.1`… when large. */
const COOKIE_NAMES = ['__Secure-authjs.session-token', 'authjs.session-token'] as const;

export async function readSessionClaims(): Promise<SessionClaims | null> {
  const secret = process.env.AUTH_SECRET ?? process.env.NEXTAUTH_SECRET;
  if (!secret) return null;
  const jar = await cookies();
  for (const name of COOKIE_NAMES) {
    const token = jar.get(name)?.value ?? joinChunks(jar.getAll(), name);
    if (!token) continue;
    try {
      // The salt is the cookie's name, as Auth.js encrypts it; an expired or forged token throws.
      const payload = await decode({ token, secret, salt: name });
      const userId = Number(payload?.sub);
      const sessionVersion = payload?.sessionVersion;
      return Number.isSafeInteger(userId) && typeof sessionVersion === 'number' ? { userId, sessionVersion } : null;
    } catch {
      return null;
    }
  }
  return null;
}

function joinChunks(all: { name: string; value: string }[], name: string): string | undefined {
  const chunks = all
    .map((cookie) => ({ index: cookie.name.startsWith(`${name}.`) ? Number(cookie.name.slice(name.length + 1)) : NaN, value: cookie.value }))
    .filter((chunk) => Number.isSafeInteger(chunk.index))
    .sort((a, b) => a.index - b.index);
  return chunks.length > 0 ? chunks.map((chunk) => chunk.value).join('') : undefined;
}
