import { eq } from 'drizzle-orm';
import type { Db } from '@/db/index';
import { users } from '@/db/schema';
import { withActor } from '@/lib/audit/with-actor';
import { hashPassword } from '@/lib/auth/password';
import { AppError } from '@/lib/errors';

/**
 * Replaces a user's password with one the administrator typed (to hand over in person). The
 * audit log records that it changed, as '***', never the hash.
 */
export async function resetUserPassword(db: Db, actorId: number, userId: number, password: string): Promise<{ email: string }> {
  const passwordHash = await hashPassword(password);
  return withActor(db, actorId, async (tx) => {
    const [updated] = await tx
      .update(users)
      .set({ passwordHash, updatedAt: new Date() })
      .where(eq(users.id, userId))
      .returning({ email: users.email });
    if (!updated) throw new AppError('user.notFound');
    return updated;
  });
}
