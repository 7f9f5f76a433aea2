import { getTranslations } from 'next-intl/server';
import { setLocaleAction } from '@/lib/i18n/actions';
import type { Locale } from '@/lib/i18n/locale';

/** Two buttons, the current language pressed; works without JavaScript. */
export async function LanguageSwitch({ current }: { current: Locale }) {
  const t = await getTranslations('common');
  return (
    <form action={setLocaleAction} className="language-switch" aria-label={t('language')}>
      <button type="submit" name="locale" value="fr" aria-pressed={current === 'fr'} lang="fr">
        {t('french')}
      </button>
      <button type="submit" name="locale" value="en" aria-pressed={current === 'en'} lang="en">
        {t('english')}
      </button>
    </form>
  );
}
