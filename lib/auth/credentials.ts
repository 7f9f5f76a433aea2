/**
 * Checking a sign-in: the password against its argon2id hash, and the rate limit on failed
 * attempts, counted in the database so that it holds across every instance of the application.
 */
import { and, count, eq, gt, sql } from 'drizzle-orm';
import type { Db, Executor } from '@/db/index';
import { auditLog, signInAttempts, users } from '@/db/schema';
import { hashPassword, verifyPassword } from './password';
import type { Role } from './roles';

export const MAX_FAILED_ATTEMPTS = 5;
export const FAILED_ATTEMPTS_WINDOW_MINUTES = 15;

export type SignInResult =
  | { ok: true; user: { id: number; name: string; email: string; role: Role; sessionVersion: number } }
  | { ok: false; reason: 'invalid' | 'rate_limited' };

// Verified against when the e-mail is unknown, so that both cases take the same time.
let decoyHash: Promise<string> | undefined;

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function checkCredentials(db: Db, rawEmail: string, password: string, now: Date = new Date()): Promise<SignInResult> {
  const email = normalizeEmail(rawEmail);
  // Attempts for one e-mail take turns (on every instance): parallel guesses cannot all slip
  // under the limit before any of them is recorded.
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`sign-in:${email}`}))`);
    return checkLocked(tx, email, password, now);
  });
}

async function checkLocked(db: Executor, email: string, password: string, now: Date): Promise<SignInResult> {
  const windowStart = new Date(now.getTime() - FAILED_ATTEMPTS_WINDOW_MINUTES * 60_000);
  const [failures] = await db
    .select({ n: count() })
    .from(signInAttempts)
    .where(and(eq(signInAttempts.email, email), eq(signInAttempts.isSuccess, false), gt(signInAttempts.attemptedAt, windowStart)));
  if ((failures?.n ?? 0) >= MAX_FAILED_ATTEMPTS) return { ok: false, reason: 'rate_limited' };

  const [user] = await db.select().from(users).where(eq(users.email, email)).limit(1);
  decoyHash ??= hashPassword('decoy password');
  const isValid = user ? await verifyPassword(user.passwordHash, password) : (await verifyPassword(await decoyHash, password), false);
  const isSuccess = Boolean(user && user.isActive && isValid);
  await db.insert(signInAttempts).values({ email, isSuccess, attemptedAt: now });
  if (!user || !isSuccess) return { ok: false, reason: 'invalid' };
  // A portal user's sign-in is in the audit log, under its account (docs/business-rules.md, Client portal).
  if (user.role === 'portal')
    await db.insert(auditLog).values({
      userId: user.id,
      entity: 'portal_user',
      entityKey: user.email,
      clientNumber: user.portalClientNumber,
      field: 'portal_sign_in',
      newValue: user.email,
      at: now,
    });
  // The session opened now carries the version read with the password it was checked against.
  return { ok: true, user: { id: user.id, name: user.name, email: user.email, role: user.role, sessionVersion: user.sessionVersion } };
}
