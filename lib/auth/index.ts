import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { z } from 'zod';
import { getDb } from '@/db/index';
import { authConfig } from './config';
import { checkCredentials } from './credentials';

class RateLimitedSignIn extends CredentialsSignin {
  code = 'rate_limited';
}

const credentialsInput = z.object({ email: z.string().trim().min(1).max(254), password: z.string().min(1).max(512) });

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  logger: {
    // A refused password is an expected outcome (recorded in sign_in_attempts), not a server error.
    error(error) {
      if ((error as { type?: string }).type === 'CredentialsSignin') return;
      console.error('[auth]', error);
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw) {
        const parsed = credentialsInput.safeParse(raw);
        if (!parsed.success) return null;
        const result = await checkCredentials(getDb(), parsed.data.email, parsed.data.password);
        if (!result.ok) {
          if (result.reason === 'rate_limited') throw new RateLimitedSignIn();
          return null;
        }
        const { id, name, email, role, sessionVersion } = result.user;
        return { id: String(id), name, email, role, sessionVersion };
      },
    }),
  ],
});
