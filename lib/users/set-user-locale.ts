import { eq } from 'drizzle-orm';
import type { Db } from '@/db/index';
import { users } from '@/db/schema';
import type { Locale } from '@/lib/i18n/locale';

/** A user's interface language, kept on the user so that it follows them to any browser (not audited). */
export async function setUserLocale(db: Db, userId: number, locale: Locale): Promise<void> {
  await db.update(users).set({ locale, updatedAt: new Date() }).where(eq(users.id, userId));
}
