/**
 * Whether a request that changes data comes from a page of this application. Server actions get
 * this check from Next.js; a route handler taking a POST checks it itself. A browser always sends
 * `Origin` with a POST made by a script or a form; a request without one (a script outside any
 * browser) carries no one else's cookies and is let through to the role check.
 */
export function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get('origin');
  if (origin === null) return true;
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  try {
    return host !== null && new URL(origin).host === host;
  } catch {
    return false;
  }
}
