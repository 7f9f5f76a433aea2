'use server';

import { cookies } from 'next/headers';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { defineAction, registerAnonymousAction } from '@/actions/define-action';
import { forgetCurrentUser } from '@/lib/auth/current-user';
import { SIGNED_IN } from '@/lib/auth/roles';
import { setUserLocale } from '@/lib/users/set-user-locale';
import { LOCALE_COOKIE, LOCALES, isLocale, type Locale } from '@/lib/i18n/locale';

/**
 * Changing the interface language, by the two buttons of the language switch. Signed in: an
 * action like any other, open to every role (the portal's too), that stores the language on the user (so it
 * follows them to any browser and stays after sign-out) and in the cookie. On the sign-in page,
 * before anyone is signed in: the cookie only, and nothing written to the database.
 */
export const setUserLocaleAction = defineAction({
  name: 'account.setLocale',
  roles: SIGNED_IN,
  input: z.object({ locale: z.enum(LOCALES, { error: 'invalid' }) }),
  run: async ({ db, user, input }) => {
    await setUserLocale(db, user.id, input.locale);
    // The page rendered again for this request speaks the new language.
    await forgetCurrentUser();
    await rememberLocale(input.locale);
    return null;
  },
});

registerAnonymousAction('account.setSignInLocale', setSignInLocaleAction);

export async function setSignInLocaleAction(formData: FormData): Promise<void> {
  const locale = formData.get('locale');
  if (isLocale(locale)) await rememberLocale(locale);
}

async function rememberLocale(locale: Locale): Promise<void> {
  (await cookies()).set(LOCALE_COOKIE, locale, { httpOnly: true, sameSite: 'lax', path: '/', maxAge: 365 * 24 * 3600 });
  revalidatePath('/', 'layout');
}
