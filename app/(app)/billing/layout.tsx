import type { ReactNode } from 'react';
import { requireRequestedRoute } from '@/lib/auth/current-user';

/** The role is checked here, above loading.tsx, so that a refusal still answers 403 (see requireRequestedRoute). */
export default async function Layout({ children }: { children: ReactNode }) {
  await requireRequestedRoute('/billing');
  return children;
}
