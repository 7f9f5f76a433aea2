import { and, eq } from 'drizzle-orm';
import { headers } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getDb, withPreparedStatements } from '@/db/index';
import { users } from '@/db/schema';
import { isSameOrigin } from '@/lib/http/same-origin';
import { isBrowserNavigation, SCREEN_OF_FILE_ROUTE, type FileRoute } from './file-routes';
import { canOpen, type AppRoute } from './permissions';
import { routeOfPath } from './route-of-path';
import { readSessionClaims } from './session-token';
import { isAppPath, REQUEST_PATH_HEADER } from './request-path';
import type { Role } from './roles';

export type CurrentUser = {
  id: number;
  name: string;
  email: string;
  role: Role;
  locale: 'fr' | 'en';
  /** A portal user's account: the billed client it sees (docs/business-rules.md, Client portal); null for staff. */
  portalClientNumber: number | null;
};

/**
 * The signed-in user as the database knows them now: a deactivated user or a changed role
 * takes effect at the next request, whatever the session cookie still says. A session opened
 * before the user's password was changed or the user deactivated carries an older session
 * version and is no one's (docs/business-rules.md, Roles and permissions): read in the same query
 * as the user. A session without a version (opened before versions existed) signs in again.
 *
 * Read once per request, however many parts of it ask (the layout, the page, each translation's
 * language): remembered on the request's own headers object, which lives as long as the request.
 * React's `cache` would do it for a page, but not for a server action, which runs outside any
 * rendering: a price preview asked for the user eight times, eight decryptions and eight queries.
 */
export async function getCurrentUser(): Promise<CurrentUser | null> {
  const request = await headers();
  let user = userOfRequest.get(request);
  if (!user) {
    user = readCurrentUser();
    userOfRequest.set(request, user);
  }
  return user;
}

const userOfRequest = new WeakMap<object, Promise<CurrentUser | null>>();

/** For an action that changed the signed-in user's own record (the language): the rest of the request reads it again. */
export async function forgetCurrentUser(): Promise<void> {
  userOfRequest.delete(await headers());
}

async function readCurrentUser(): Promise<CurrentUser | null> {
  const claims = await readSessionClaims();
  if (!claims) return null;
  // Awaited inside: a query runs when awaited, and only there is it prepared.
  const [user] = await withPreparedStatements(async () =>
    getDb()
      .select({
        id: users.id,
        name: users.name,
        email: users.email,
        role: users.role,
        locale: users.locale,
        portalClientNumber: users.portalClientNumber,
      })
      .from(users)
      .where(and(eq(users.id, claims.userId), eq(users.isActive, true), eq(users.sessionVersion, claims.sessionVersion)))
      .limit(1),
  );
  return user ?? null;
}

/** For pages and route handlers: anonymous → sign-in page; signed in without the role → 403. */
export async function requireRoute(route: AppRoute): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(await signInUrl());
  if (!canOpen(user.role, route)) forbidden();
  return user;
}

/**
 * For the layout of a segment that shows a loading state around its lists
 * (components/list-loading.tsx). Below a loading state a page starts streaming with status 200
 * before it runs, so its own `forbidden()` would show the refusal but no longer answer 403; the
 * layout, above the loading state, checks the role of the route requested first (the path passed
 * by proxy.ts; the segment's own route when absent), and returns that route.
 */
export async function requireRequestedRoute(segment: AppRoute): Promise<AppRoute> {
  const path = (await headers()).get(REQUEST_PATH_HEADER);
  const route = (isAppPath(path) ? routeOfPath(path) : null) ?? segment;
  await requireRoute(route);
  return route;
}

export type FileRouteAccess = { user: CurrentUser; refusal: null } | { user: null; refusal: Response };

/**
 * `requireRoute` for route handlers that answer a file. In a route handler Next.js answers
 * `forbidden()` with an empty 403 instead of rendering app/forbidden.tsx, which the browser shows
 * as its own error page. So a browser navigating there without the role (a link followed, a form
 * posted) is sent (303) to the file's screen, which refuses it with the application's forbidden
 * page, translated, still with status 403; a script or a fetch gets the plain 403.
 *
 * Only a GET (or HEAD) may be sent from anywhere, and it only reads: a request of any other
 * method changes data (prints, marks), and is refused with a plain 403 when another site sent it,
 * whoever is signed in, as Next.js refuses a server action (docs/business-rules.md, Roles and
 * permissions).
 */
export async function requireFileRoute(request: Request, route: FileRoute): Promise<FileRouteAccess> {
  if (!isReading(request) && !isSameOrigin(request)) {
    const t = await getTranslations('errors');
    return { user: null, refusal: plainRefusal(403, t('otherSite')) };
  }
  const user = await getCurrentUser();
  if (!user) redirect(await signInUrl());
  if (canOpen(user.role, route)) return { user, refusal: null };
  if (!isBrowserNavigation(request)) forbidden();
  const location = SCREEN_OF_FILE_ROUTE[route];
  return { user: null, refusal: new Response(null, { status: 303, headers: { location, 'cache-control': 'no-store' } }) };
}

const isReading = (request: Request) => request.method === 'GET' || request.method === 'HEAD';

function plainRefusal(status: number, text: string): Response {
  return new Response(text, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });
}

/** The sign-in page, coming back afterwards to where the visitor was going (set by proxy.ts). */
export async function signInUrl(): Promise<string> {
  const path = (await headers()).get(REQUEST_PATH_HEADER);
  return isAppPath(path) && path !== '/' ? `/login?callbackUrl=${encodeURIComponent(path)}` : '/login';
}
