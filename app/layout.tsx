import type { Metadata } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getMessages, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('common');
  return { title: t('appName'), icons: { icon: '/favicon.svg' } };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  const messages = await getMessages();
  return (
    <html lang={locale === 'en' ? 'en-CA' : 'fr-CA'}>
      <body>
        {/* Locale and time zone for client components; their messages come with their page (ClientMessages),
            except the error pages' (error.tsx), which stand above every page. */}
        <NextIntlClientProvider messages={{ errorPage: messages.errorPage }}>{children}</NextIntlClientProvider>
      </body>
    </html>
  );
}
