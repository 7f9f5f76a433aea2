/**
 * The session a request carries: its Auth.js cookie, decrypted, and nothing more. Auth.js's own
 * `auth()` also signs a fresh token for every request (decrypting and encrypting, each with its
 * key derivation: about a tenth of the server's time per page under load) to push the cookie's
 * end further; a page cannot set that cookie anyway, and a session here lasts one fixed work
 * shift from sign-in (lib/auth/config.ts). Auth.js still opens, signs and ends sessions.
 *
 * A browser sends the same cookie with each request of its session: what a cookie decrypts to is
 * remembered (by the cookie's exact text, until the token's own end), so that the decryption is
 * paid once per session rather than once per request. Whether the session is still its user's
 * is not remembered: lib/auth/current-user.ts asks the database at every request.
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
    return claimsOf(token, secret, name);
  }
  return null;
}

type Decrypted = { claims: SessionClaims | null; expiresAt: number };

/** Cookies decrypted lately, by their text (with the secret and salt they were read with). At most MAX_REMEMBERED, the oldest forgotten first. */
const decrypted = new Map<string, Decrypted>();
const MAX_REMEMBERED = 10_000;

async function claimsOf(token: string, secret: string, salt: string): Promise<SessionClaims | null> {
  const key = `${salt}\u0000${secret}\u0000${token}`;
  const known = decrypted.get(key);
  if (known && Date.now() < known.expiresAt) return known.claims;
  decrypted.delete(key);
  const result = await decrypt(token, secret, salt);
  // A token that does not decrypt is not remembered: forged cookies cannot fill the memory.
  if (result) {
    if (decrypted.size >= MAX_REMEMBERED) decrypted.delete(decrypted.keys().next().value!);
    decrypted.set(key, result);
  }
  return result?.claims ?? null;
}

async function decrypt(token: string, secret: string, salt: string): Promise<Decrypted | null> {
  try {
    // The salt is the cookie's name, as Auth.js encrypts it; an expired or forged token throws.
    const payload = await decode({ token, secret, salt });
    const userId = Number(payload?.sub);
    const sessionVersion = payload?.sessionVersion;
    const claims = Number.isSafeInteger(userId) && typeof sessionVersion === 'number' ? { userId, sessionVersion } : null;
    return { claims, expiresAt: typeof payload?.exp === 'number' ? payload.exp * 1000 : 0 };
  } catch {
    return null;
  }
}

function joinChunks(all: { name: string; value: string }[], name: string): string | undefined {
  const chunks = all
    .map((cookie) => ({
      index: cookie.name.startsWith(`${name}.`) ? Number(cookie.name.slice(name.length + 1)) : NaN,
      value: cookie.value,
    }))
    .filter((chunk) => Number.isSafeInteger(chunk.index))
    .sort((a, b) => a.index - b.index);
  return chunks.length > 0 ? chunks.map((chunk) => chunk.value).join('') : undefined;
}
