/**
 * The one wrapper around a route handler that a page's script reads as it would call a server
 * action, for what only reads and is asked again and again while a person types (the call-taking
 * screen's price preview): a GET, answered as JSON in the shape of an action's result
 * (actions/action-state.ts), in this order: authenticate → check the role → parse the query
 * string with zod → run → `{ status: 'success', data }`. Refusals carry the same translated
 * message and field errors as defineAction's, with an HTTP status of their own: 401 signed out,
 * 403 without the role, 400 input that does not parse, 409 an AppError, 503 the database
 * unreachable, 500 anything else (logged, never a stack).
 *
 * Why not a server action: a browser sends a page's server actions one at a time, so a preview
 * would wait behind a save; a GET is aborted when the next keystroke asks again; and it skips the
 * framework's decoding and encoding of an action, paid at every keystroke under load.
 */
import { unstable_rethrow } from 'next/navigation';
import { z } from 'zod';
import { isConnectionLost } from '@/db/errors';
import { getDb, type Db } from '@/db/index';
import { getCurrentUser, type CurrentUser } from '@/lib/auth/current-user';
import { canOpen, type AppRoute } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors';
import type { ActionState } from './action-state';
import { actionFailure, appErrorFailure, formDataToObject, validationFailure } from './define-action';

export type QueryRouteSpec<S extends z.ZodType, R> = {
  /** The route's pattern, which gives its roles (lib/auth/permissions.ts). */
  route: AppRoute;
  input: S;
  run: (context: { db: Db; user: CurrentUser; input: z.output<S> }) => Promise<R>;
};

export function defineQueryRoute<S extends z.ZodType, R>(spec: QueryRouteSpec<S, R>) {
  return async function GET(request: Request): Promise<Response> {
    try {
      const user = await getCurrentUser();
      if (!user) return answer(401, await actionFailure<R>('unauthenticated'));
      if (!canOpen(user.role, spec.route)) return answer(403, await actionFailure<R>('forbidden'));
      const parsed = spec.input.safeParse(formDataToObject(new URL(request.url).searchParams));
      if (!parsed.success) return answer(400, await validationFailure<R>(parsed.error));
      const data = await spec.run({ db: getDb(), user, input: parsed.data });
      return answer(200, { status: 'success', data });
    } catch (error) {
      unstable_rethrow(error);
      if (error instanceof AppError) return answer(409, await appErrorFailure<R>(error));
      console.error(`[query ${spec.route}]`, error);
      return answer(isConnectionLost(error) ? 503 : 500, await actionFailure<R>('unexpected'));
    }
  };
}

function answer<R>(status: number, state: ActionState<R>): Response {
  return Response.json(state, { status, headers: { 'cache-control': 'no-store' } });
}
