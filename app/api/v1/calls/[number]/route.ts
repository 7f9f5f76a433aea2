import { apiRoute, foundOr404, parseApi } from '@/lib/api/api-route';
import { callNumberParams, getApiCall } from '@/lib/api/resources';

/** GET /api/v1/calls/{number}: one call with its billing status (scope read). */
export const GET = apiRoute<{ number: string }>('read', async ({ db, params }) =>
  foundOr404(await getApiCall(db, parseApi(callNumberParams, params).number)),
);
