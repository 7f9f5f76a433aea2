import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { isDemoMode } from '@/db/index';
import { DEMO_PASSWORD, DEMO_USERS } from '@/scripts/demo/users';
import { LanguageSwitch } from '@/components/language-switch';
import { getCurrentUser } from '@/lib/auth/current-user';
import { getAppLocale } from '@/lib/i18n/app-locale';
import { LoginForm } from './login-form';
import { ClientMessages } from '@/components/client-messages';

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[] }> }) {
  // Already signed in: straight to the home page.
  if (await getCurrentUser()) redirect('/');
  const t = await getTranslations();
  const locale = await getAppLocale();
  const { callbackUrl } = await searchParams;
  return (
    <ClientMessages namespaces={['login']}>
      <main className="page narrow login" id="content">
        <div className="login-header">
          <p className="brand">{t('common.appName')}</p>
          <LanguageSwitch current={locale} />
        </div>
        <h1>{t('login.title')}</h1>
        <LoginForm callbackUrl={typeof callbackUrl === 'string' ? callbackUrl : undefined} />
        {isDemoMode() ? (
          <section className="demo-accounts" aria-labelledby="demo-title">
            <h2 id="demo-title">{t('login.demoTitle')}</h2>
            <ul>
              {DEMO_USERS.map((user) => (
                <li key={user.email}>
                  <code>{user.email}</code> — {t(`roles.${user.role}`)}
                </li>
              ))}
            </ul>
            <p>{t('login.demoHint', { password: DEMO_PASSWORD })}</p>
          </section>
        ) : null}
      </main>
    </ClientMessages>
  );
}
