/**
 * Every page except /login (and an invitation's link to the client portal) needs a session: a request without a session cookie goes to the
 * sign-in page, keeping where it was going. This is only the quick check of the cookie's
 * presence, so that no request pays for decrypting the session twice: each page and route
 * handler verifies the session and the role itself (lib/auth/current-user.ts).
 */
import { NextResponse, type NextRequest } from 'next/server';
import { REQUEST_PATH_HEADER } from '@/lib/auth/request-path';

const SESSION_COOKIE = /^(__Secure-)?authjs\.session-token(\.\d+)?$/;

export default function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  // The sign-in page, and an invitation's link to the client portal: before anyone is signed in.
  if (pathname === '/login' || pathname.startsWith('/portal/invitation/')) return NextResponse.next();
  if (request.cookies.getAll().some((cookie) => SESSION_COOKIE.test(cookie.name))) {
    // Where the visitor was going, for the sign-in page should the session prove invalid.
    const headers = new Headers(request.headers);
    headers.set(REQUEST_PATH_HEADER, `${pathname}${search}`);
    return NextResponse.next({ request: { headers } });
  }
  const login = new URL('/login', request.url);
  if (pathname !== '/') login.searchParams.set('callbackUrl', `${pathname}${search}`);
  return NextResponse.redirect(login);
}

export const config = {
  // Everything but Auth.js's own endpoints, the dispatch API (its own tokens, lib/api), static
  // files, and the import's upload: Next.js holds a request body in memory for the proxy (and
  // cuts it at 10 MB), where the upload of a 50 MB file must stream; that route handler checks
  // the session itself.
  matcher: [
    '/((?!api/auth|api/v1/|admin/import/upload|_next/static|_next/image|favicon.ico|fonts/|.*\\.(?:png|svg|ico|css|js|woff2?|ttf)$).*)',
  ],
};
