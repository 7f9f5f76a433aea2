'use server';

import { AuthError, type CredentialsSignin } from 'next-auth';
import { getTranslations } from 'next-intl/server';
import { registerAnonymousAction } from '@/actions/define-action';
import { signIn } from '@/lib/auth/index';
import { isAppPath } from '@/lib/auth/request-path';

export type SignInState = { error?: string; email?: string };

registerAnonymousAction('auth.signIn', signInAction);

export async function signInAction(_previous: SignInState, formData: FormData): Promise<SignInState> {
  const email = String(formData.get('email') ?? '').slice(0, 254);
  const password = String(formData.get('password') ?? '');
  const t = await getTranslations('login');
  try {
    const callbackUrl = formData.get('callbackUrl');
    await signIn('credentials', { email, password, redirectTo: isAppPath(callbackUrl) ? callbackUrl : '/' });
    return {};
  } catch (error) {
    // Class names are minified in production builds: the error's type is what identifies it.
    if (error instanceof AuthError && error.type === 'CredentialsSignin') {
      return { email, error: (error as CredentialsSignin).code === 'rate_limited' ? t('rateLimited') : t('invalid') };
    }
    if (error instanceof AuthError) return { email, error: t('invalid') };
    throw error; // the redirect after a successful sign-in
  }
}
