import { requireRoute } from '@/lib/auth/current-user';

/**
 * The signed-in user, as JSON: who a browser's session is for, read as every page reads it (the
 * session cookie, then one query by primary key). The benchmark's floor for a route handler
 * (scripts/bench/load.ts).
 */
export async function GET(): Promise<Response> {
  const { id, name, email, role, locale } = await requireRoute('/me');
  return Response.json({ id, name, email, role, locale }, { headers: { 'cache-control': 'no-store' } });
}
