import { apiRoute, foundOr404, parseApi, readJsonBody } from '@/lib/api/api-route';
import { dispatchCallInput, dispatchIdParams } from '@/lib/api/dispatch-call-input';
import { putDispatchCall } from '@/lib/api/put-dispatch-call';
import { getApiCallByDispatchId } from '@/lib/api/resources';
import { apiJson } from '@/lib/api/api-json';

/** GET /api/v1/dispatch-calls/{dispatchId}: the call the dispatch system sent with this id (scope read). */
export const GET = apiRoute<{ dispatchId: string }>('read', async ({ db, params }) =>
  foundOr404(await getApiCallByDispatchId(db, parseApi(dispatchIdParams, params).dispatchId)),
);

/**
 * PUT /api/v1/dispatch-calls/{dispatchId}: creates the call (201) or brings it up to date (200),
 * the same request twice giving one call (scope write).
 */
export const PUT = apiRoute<{ dispatchId: string }>('write', async ({ db, caller, request, params }) => {
  const { dispatchId } = parseApi(dispatchIdParams, params);
  const input = parseApi(dispatchCallInput, await readJsonBody(request));
  const { call, isCreated } = await putDispatchCall(db, caller.tokenId, dispatchId, input);
  return apiJson(call, { status: isCreated ? 201 : 200 });
});
