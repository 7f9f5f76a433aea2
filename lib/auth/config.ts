/**
 * The part of the Auth.js configuration that needs no database: session strategy, pages and
 * the JWT shape. `proxy.ts` uses it alone; `lib/auth/index.ts` adds the credentials provider.
 */
import type { NextAuthConfig } from 'next-auth';
import { isRole, type Role } from './roles';

/** A work shift: the session ends after 10 hours. */
export const SESSION_MAX_AGE_SECONDS = 10 * 60 * 60;

declare module 'next-auth' {
  interface Session {
    /** `sessionVersion`: the user's session version when this session was opened (lib/auth/current-user.ts). */
    user: { id: string; role: Role; sessionVersion?: number; name?: string | null; email?: string | null };
  }
  interface User {
    role?: Role;
    sessionVersion?: number;
  }
}

export const authConfig = {
  pages: { signIn: '/login' },
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
  trustHost: true,
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.role = user.role;
        token.sessionVersion = user.sessionVersion;
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub && isRole(token.role)) {
        session.user.id = token.sub;
        session.user.role = token.role;
        if (typeof token.sessionVersion === 'number') session.user.sessionVersion = token.sessionVersion;
      }
      return session;
    },
  },
} satisfies NextAuthConfig;
