'use server';

import { eq } from 'drizzle-orm';
import { cookies } from 'next/headers';
import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/index';
import { users } from '@/db/schema';
import { getCurrentUser } from '@/lib/auth/current-user';
import { LOCALE_COOKIE, isLocale } from './locale';

/**
 * Changes the interface language: stored on the signed-in user (so it follows them to any
 * browser and stays after sign-out), and in a cookie for the sign-in page.
 */
export async function setLocaleAction(formData: FormData): Promise<void> {
  const locale = formData.get('locale');
  if (!isLocale(locale)) return;
  const user = await getCurrentUser();
  if (user) await getDb().update(users).set({ locale, updatedAt: new Date() }).where(eq(users.id, user.id));
  (await cookies()).set(LOCALE_COOKIE, locale, { httpOnly: true, sameSite: 'lax', path: '/', maxAge: 365 * 24 * 3600 });
  revalidatePath('/', 'layout');
}
