/**
 * Every page except /login needs a session: anonymous requests go to the sign-in page.
 * The role of each screen is checked by the page itself (lib/auth/current-user.ts).
 */
import NextAuth from 'next-auth';
import { NextResponse } from 'next/server';
import { authConfig } from '@/lib/auth/config';

const { auth } = NextAuth(authConfig);

export default auth((request) => {
  const { pathname, search } = request.nextUrl;
  const isSignedIn = Boolean(request.auth?.user);
  if (pathname === '/login') {
    return isSignedIn ? NextResponse.redirect(new URL('/', request.url)) : NextResponse.next();
  }
  if (!isSignedIn) {
    const login = new URL('/login', request.url);
    if (pathname !== '/') login.searchParams.set('callbackUrl', `${pathname}${search}`);
    return NextResponse.redirect(login);
  }
  return NextResponse.next();
});

export const config = {
  // Everything but Auth.js's own endpoints and static files.
  matcher: ['/((?!api/auth|_next/static|_next/image|favicon.ico|fonts/|.*\\.(?:png|svg|ico|css|js|woff2?|ttf)$).*)'],
};
