/**
 * Tokens of the dispatch API (docs/business-rules.md, Dispatch API). A token is 32 random bytes
 * shown once at its creation; the database keeps only its SHA-256, so that a copy of the
 * database opens nothing. A token reads (scope `read`) or also writes calls (`write`).
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db, Executor } from '@/db/index';
import { apiTokens, users } from '@/db/schema';
import { withActor } from '@/lib/audit/with-actor';
import { AppError } from '@/lib/errors';
import type { CreateTokenInput } from './token-input';

/** What every token starts with, so that one found in a log or a file is recognized. */
const TOKEN_MARK = 'rfd_';
/** The characters of a token shown in the list, to tell tokens apart. */
const PREFIX_LENGTH = TOKEN_MARK.length + 8;

export const hashToken = (secret: string) => createHash('sha256').update(secret, 'utf8').digest('hex');

/** A new token: its secret, returned this once and never stored. */
export async function createApiToken(db: Db, actorId: number, input: CreateTokenInput): Promise<{ id: number; secret: string }> {
  const secret = `${TOKEN_MARK}${randomBytes(32).toString('base64url')}`;
  return withActor(db, actorId, async (tx) => {
    const [created] = await tx
      .insert(apiTokens)
      .values({
        name: input.name,
        scope: input.scope,
        prefix: secret.slice(0, PREFIX_LENGTH),
        secretHash: hashToken(secret),
        createdBy: actorId,
      })
      .returning({ id: apiTokens.id });
    return { id: created!.id, secret };
  });
}

/** Revokes a token at once: the next request that carries it is refused. */
export async function revokeApiToken(db: Db, actorId: number, tokenId: number): Promise<{ name: string }> {
  return withActor(db, actorId, async (tx) => {
    const [revoked] = await tx
      .update(apiTokens)
      .set({ revokedAt: sql`now()`, revokedBy: actorId })
      .where(and(eq(apiTokens.id, tokenId), isNull(apiTokens.revokedAt)))
      .returning({ name: apiTokens.name });
    if (revoked) return revoked;
    const [existing] = await tx.select({ id: apiTokens.id }).from(apiTokens).where(eq(apiTokens.id, tokenId));
    throw new AppError(existing ? 'apiToken.alreadyRevoked' : 'apiToken.notFound');
  });
}

const creators = alias(users, 'creators');

/** Every token, the newest first, with who created it. */
export function listApiTokens(db: Executor) {
  return db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      prefix: apiTokens.prefix,
      scope: apiTokens.scope,
      createdAt: apiTokens.createdAt,
      createdBy: creators.name,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
    })
    .from(apiTokens)
    .innerJoin(creators, eq(creators.id, apiTokens.createdBy))
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id));
}
