import { NextIntlClientProvider } from 'next-intl';
import { getMessages } from 'next-intl/server';
import type { ReactNode } from 'react';

/**
 * The messages of the client components below, and only theirs: every page would otherwise
 * carry the whole catalogue (about 30 KB) to the browser, serialized on every request.
 */
export async function ClientMessages({ namespaces, children }: { namespaces: string[]; children: ReactNode }) {
  const messages = await getMessages();
  return <NextIntlClientProvider messages={Object.fromEntries(namespaces.map((name) => [name, messages[name]]))}>{children}</NextIntlClientProvider>;
}
