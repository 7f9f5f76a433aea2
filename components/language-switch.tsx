import { getTranslations } from 'next-intl/server';
import { getCurrentUser } from '@/lib/auth/current-user';
import { setSignInLocaleAction, setUserLocaleAction } from '@/actions/locale';
import type { Locale } from '@/lib/i18n/locale';

/** Two buttons, the current language pressed; works without JavaScript. */
export async function LanguageSwitch({ current }: { current: Locale }) {
  const t = await getTranslations('common');
  // Signed in, the language is stored on the user; on the sign-in page, only in a cookie. A plain
  // form ignores what the action returns.
  const action = (await getCurrentUser())
    ? (setUserLocaleAction.bind(null, null) as (formData: FormData) => Promise<unknown> as (formData: FormData) => Promise<void>)
    : setSignInLocaleAction;
  return (
    <form action={action} className="language-switch" aria-label={t('language')}>
      <button type="submit" name="locale" value="fr" aria-pressed={current === 'fr'} lang="fr">
        {t('french')}
      </button>
      <button type="submit" name="locale" value="en" aria-pressed={current === 'en'} lang="en">
        {t('english')}
      </button>
    </form>
  );
}
