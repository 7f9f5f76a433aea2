'use server';

import { AuthError, type CredentialsSignin } from 'next-auth';
import { getTranslations } from 'next-intl/server';
import { signIn } from '@/lib/auth/index';

export type SignInState = { error?: string; email?: string };

/** Only a path of this application: never an absolute or protocol-relative URL (open redirect). */
function safeCallbackUrl(value: FormDataEntryValue | null): string {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\') ? value : '/';
}

export async function signInAction(_previous: SignInState, formData: FormData): Promise<SignInState> {
  const email = String(formData.get('email') ?? '').slice(0, 254);
  const password = String(formData.get('password') ?? '');
  const t = await getTranslations('login');
  try {
    await signIn('credentials', { email, password, redirectTo: safeCallbackUrl(formData.get('callbackUrl')) });
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
