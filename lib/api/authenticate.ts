/**
 * Who calls the dispatch API: the token of the `Authorization: Bearer …` header, checked for
 * its scope and counted against its rate limit. The count is a row per token and minute in
 * the database, incremented in one statement, so that the limit holds across instances.
 */
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { queryRows, withPreparedStatements, type Executor } from '@/db/index';
import { ApiError } from './api-error';
import { hashToken } from './tokens';
import type { ApiScope } from './token-input';

export type ApiCaller = { tokenId: number; scope: ApiScope };

const rateSetting = z.coerce.number().int().min(1).max(100_000);

/** Requests a token may make per minute (API_RATE_PER_MINUTE, default 600). */
export function apiRatePerMinute(): number {
  const value = process.env.API_RATE_PER_MINUTE;
  if (!value) return 600;
  const parsed = rateSetting.safeParse(value);
  if (!parsed.success)
    throw new Error(
      `API_RATE_PER_MINUTE doit être un entier de 1 à 100000. / must be an integer from 1 to 100000. (API_RATE_PER_MINUTE=${value})`,
    );
  return parsed.data;
}

export async function authenticateApiRequest(db: Executor, request: Request, needed: ApiScope): Promise<ApiCaller> {
  const found = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get('authorization') ?? '');
  if (!found) throw new ApiError('unauthenticated');
  const limit = apiRatePerMinute();
  // The token's last use and its count for this minute, in one round trip; a revoked token
  // is neither touched nor counted.
  const [row] = await withPreparedStatements(() =>
    queryRows<{ id: number; scope: ApiScope; is_revoked: boolean; count: number | null }>(
      db,
      sql`
      with token as (
        select id, scope, revoked_at is not null as is_revoked from api_tokens where secret_hash = ${hashToken(found[1]!)}
      ), used as (
        -- To the minute: the token's row is written once a minute, not by every request.
        update api_tokens set last_used_at = now()
         where id = (select id from token where not is_revoked)
           and (last_used_at is null or last_used_at < now() - interval '1 minute')
      ), counted as (
        insert into api_request_counts (token_id, minute, count)
        select id, date_trunc('minute', now()), 1 from token where not is_revoked
        on conflict (token_id, minute) do update set count = api_request_counts.count + 1
        returning count
      ), purged as (
        -- Past minutes are of no use: the rows of an hour ago go as the token is used.
        delete from api_request_counts
         where token_id = (select id from token) and minute < date_trunc('minute', now()) - interval '1 hour'
      )
      select token.id, token.scope, token.is_revoked, (select count from counted) as count from token`,
    ),
  );
  if (!row) throw new ApiError('unauthenticated');
  if (row.is_revoked) throw new ApiError('token_revoked');
  if (Number(row.count) > limit) {
    const secondsLeft = 60 - new Date().getUTCSeconds();
    throw new ApiError('rate_limited', {}, { 'Retry-After': String(secondsLeft) });
  }
  if (needed === 'write' && row.scope !== 'write') throw new ApiError('insufficient_scope');
  return { tokenId: Number(row.id), scope: row.scope };
}
