import { cookies } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { getCurrentUser } from '@/lib/auth/current-user';
import { BUSINESS_TIME_ZONE } from '@/lib/dates/montreal';
import { en } from './messages/en/index';
import { fr } from './messages/fr/index';
import { DEFAULT_LOCALE, LOCALE_COOKIE, isLocale, type Locale } from './locale';

/** The signed-in user's language (stored on the user); before sign-in, the cookie; else French. */
async function resolveLocale(): Promise<Locale> {
  const user = await getCurrentUser();
  if (user) return user.locale;
  const fromCookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  return isLocale(fromCookie) ? fromCookie : DEFAULT_LOCALE;
}

export default getRequestConfig(async () => {
  const locale = await resolveLocale();
  return { locale, messages: locale === 'en' ? en : fr, timeZone: BUSINESS_TIME_ZONE };
});
