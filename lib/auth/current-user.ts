import { and, eq } from 'drizzle-orm';
import { headers } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { cache } from 'react';
import { getDb } from '@/db/index';
import { users } from '@/db/schema';
import { auth } from './index';
import { canOpen, type AppRoute } from './permissions';
import { isAppPath, REQUEST_PATH_HEADER } from './request-path';
import type { Role } from './roles';

export type CurrentUser = { id: number; name: string; email: string; role: Role; locale: 'fr' | 'en' };

/**
 * The signed-in user as the database knows them now: a deactivated user or a changed role
 * takes effect at the next request, whatever the session cookie still says.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await auth();
  const id = Number(session?.user?.id);
  if (!Number.isSafeInteger(id)) return null;
  const [user] = await getDb()
    .select({ id: users.id, name: users.name, email: users.email, role: users.role, locale: users.locale })
    .from(users)
    .where(and(eq(users.id, id), eq(users.isActive, true)))
    .limit(1);
  return user ?? null;
});

/** For pages and route handlers: anonymous → sign-in page; signed in without the role → 403. */
export async function requireRoute(route: AppRoute): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(await signInUrl());
  if (!canOpen(user.role, route)) forbidden();
  return user;
}

/** The sign-in page, coming back afterwards to where the visitor was going (set by proxy.ts). */
export async function signInUrl(): Promise<string> {
  const path = (await headers()).get(REQUEST_PATH_HEADER);
  return isAppPath(path) && path !== '/' ? `/login?callbackUrl=${encodeURIComponent(path)}` : '/login';
}
