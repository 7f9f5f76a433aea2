/**
 * The one wrapper around every route of the dispatch API, in this order: the token and its
 * scope (lib/api/authenticate.ts) → the parameters parsed with zod → the handler. Every failure
 * is a JSON error with its code (lib/api/api-error.ts); an unexpected one is logged, never shown.
 */
import { z } from 'zod';
import { getDb, type Db } from '@/db/index';
import { ApiError, apiErrorResponse } from './api-error';
import { authenticateApiRequest, type ApiCaller } from './authenticate';
import type { ApiScope } from './token-input';
import { apiJson } from './api-json';

type Handler<P> = (context: { db: Db; caller: ApiCaller; request: Request; params: P }) => Promise<Response>;

export function apiRoute<P = Record<string, never>>(scope: ApiScope, handle: Handler<P>) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    try {
      const db = getDb();
      const caller = await authenticateApiRequest(db, request, scope);
      return await handle({ db, caller, request, params: await context.params });
    } catch (error) {
      if (error instanceof ApiError) return apiErrorResponse(error, request);
      console.error('[api]', error);
      return apiErrorResponse(new ApiError('unexpected'), request);
    }
  };
}

/** `value` parsed by `schema`, or the `validation` error naming each wrong field. */
export function parseApi<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const fields: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) (fields[issue.path.join('.') || '(body)'] ??= []).push(issue.message);
  throw new ApiError('validation', fields);
}

/** A found resource as JSON, or `not_found`. */
export function foundOr404<T>(value: T | null): Response {
  if (value === null) throw new ApiError('not_found');
  return apiJson(value);
}

/** Largest JSON body a request may carry: a call is a few hundred bytes. */
const MAX_BODY_BYTES = 64 * 1024;

/** The request's JSON body, or the `validation` error saying why it cannot be read; never more than MAX_BODY_BYTES read. */
export async function readJsonBody(request: Request): Promise<unknown> {
  if (!/^application\/json\b/i.test(request.headers.get('content-type') ?? ''))
    throw new ApiError('validation', { '(body)': ['Content-Type must be application/json'] });
  const tooLarge = new ApiError('validation', { '(body)': [`at most ${MAX_BODY_BYTES} bytes`] });
  if (Number(request.headers.get('content-length') ?? 0) > MAX_BODY_BYTES) throw tooLarge;
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body?.getReader();
  for (let read = await reader?.read(); read && !read.done; read = await reader!.read()) {
    size += read.value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader!.cancel();
      throw tooLarge;
    }
    chunks.push(read.value);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new ApiError('validation', { '(body)': ['not valid JSON'] });
  }
}
