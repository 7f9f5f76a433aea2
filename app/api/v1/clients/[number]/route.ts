import { apiRoute, foundOr404, parseApi } from '@/lib/api/api-route';
import { clientNumberParams, getApiClient } from '@/lib/api/resources';

/** GET /api/v1/clients/{number}: one client with its grouped number today (scope read). */
export const GET = apiRoute<{ number: string }>('read', async ({ db, params }) =>
  foundOr404(await getApiClient(db, parseApi(clientNumberParams, params).number)),
);
