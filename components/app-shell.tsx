import { getTranslations } from 'next-intl/server';
import { Link } from '@/components/link';
import type { ReactNode } from 'react';
import { signOutAction } from '@/actions/sign-out';
import type { CurrentUser } from '@/lib/auth/current-user';
import { canOpen, navigationFor } from '@/lib/auth/permissions';
import { portalAccountOf } from '@/lib/portal/portal-account';
import { LanguageSwitch } from './language-switch';
import { NavLink } from './nav-link';

/** The frame of every signed-in screen: the menu of the user's role, the user, language, sign-out. */
export async function AppShell({ user, children }: { user: CurrentUser; children: ReactNode }) {
  const t = await getTranslations();
  // A portal user's menu: its group's members for a head only.
  const isHead = user.role === 'portal' ? Boolean((await portalAccountOf(user))?.isHead) : false;
  const sections = navigationFor(user.role)
    .map((section) => ({ ...section, items: section.items.filter((item) => item.route !== '/portal/members' || isHead) }))
    .filter((section) => section.items.length > 0);
  // A route that is also the prefix of a sibling (/calls and /calls/new) is matched exactly.
  const allRoutes = sections.flatMap((s) => s.items.map((i) => i.route as string));
  // A label of the `nav` messages, or the full key of an area's own (`reports.nav.dues`).
  const label = (key: string) => t(key.includes('.') ? key : `nav.${key}`);
  return (
    <>
      <a href="#content" className="skip-link">
        {t('common.skipToContent')}
      </a>
      <header className="topbar">
        <p className="brand">{t('common.appName')}</p>
        <p className="signed-in" data-testid="signed-in-user">
          {t('common.signedInAs', { name: user.name, role: t(`roles.${user.role}`) })}
        </p>
        {canOpen(user.role, '/about') ? (
          <Link href="/about" className="about-link">
            {t('screens.about.title')}
          </Link>
        ) : null}
        <LanguageSwitch current={user.locale} />
        <form action={signOutAction}>
          <button type="submit" className="link-button">
            {t('common.signOut')}
          </button>
        </form>
      </header>
      <div className="frame">
        <nav aria-label={t('common.mainNavigation')} className="sidebar">
          {sections.map((section) => (
            <section key={section.labelKey}>
              <h2>{label(section.labelKey)}</h2>
              <ul>
                {section.items.map((item) => (
                  <li key={item.route}>
                    <NavLink href={item.route} exact={allRoutes.some((r) => r !== item.route && r.startsWith(`${item.route}/`))}>
                      {label(item.labelKey)}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </nav>
        <main id="content" className="page">
          {children}
        </main>
      </div>
    </>
  );
}
