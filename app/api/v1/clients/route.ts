import { apiRoute, parseApi } from '@/lib/api/api-route';
import { clientPageQuery, listApiClients } from '@/lib/api/resources';
import { apiJson } from '@/lib/api/api-json';

/** GET /api/v1/clients?after=&limit=: clients by number, a page at a time (scope read). */
export const GET = apiRoute('read', async ({ db, request }) => {
  const query = parseApi(clientPageQuery, Object.fromEntries(new URL(request.url).searchParams));
  return apiJson(await listApiClients(db, query));
});
