import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { AppShell } from '@/components/app-shell';
import { getCurrentUser, signInUrl } from '@/lib/auth/current-user';

export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const user = await getCurrentUser();
  if (!user) redirect(await signInUrl());
  return <AppShell user={user}>{children}</AppShell>;
}
