import { NextIntlClientProvider } from 'next-intl';
import { getMessages } from 'next-intl/server';
import type { ReactNode } from 'react';
import type { Messages } from '@/lib/i18n/messages/fr/index';

/**
 * The messages of the client components below, and only theirs: every page would otherwise
 * carry the whole catalogue (about 30 KB) to the browser, serialized on every request.
 */
export async function ClientMessages({ namespaces, children }: { namespaces: (keyof Messages)[]; children: ReactNode }) {
  const messages = await getMessages();
  return (
    <NextIntlClientProvider messages={Object.fromEntries(namespaces.map((name) => [name, messages[name]]))}>
      {children}
    </NextIntlClientProvider>
  );
}
