/**
 * Changing a user's role, deactivating or reactivating them, without ever locking everyone
 * out: see admin-guard.ts for the rules. The active administrators are read FOR UPDATE in the
 * transaction that writes, always in id order: a concurrent change of any of them waits for
 * this one and then sees its result (PostgreSQL re-reads a locked row that changed meanwhile),
 * so two administrators demoting each other at the same moment cannot both succeed.
 */
import { and, asc, eq, or } from 'drizzle-orm';
import type { Db, Tx } from '@/db/index';
import { users } from '@/db/schema';
import { withActor } from '@/lib/audit/with-actor';
import type { Role } from '@/lib/auth/roles';
import { AppError } from '@/lib/errors';
import { checkAdminChange, type UserChange } from './admin-guard';

async function applyUserChange(db: Db, actorId: number, userId: number, change: UserChange): Promise<{ email: string }> {
  return withActor(db, actorId, async (tx: Tx) => {
    const locked = await tx
      .select({ id: users.id, email: users.email, role: users.role, isActive: users.isActive })
      .from(users)
      .where(or(and(eq(users.role, 'admin'), eq(users.isActive, true)), eq(users.id, userId)))
      .orderBy(asc(users.id))
      .for('update');
    const target = locked.find((u) => u.id === userId);
    if (!target) throw new AppError('user.notFound');
    const activeAdminIds = locked.filter((u) => u.role === 'admin' && u.isActive).map((u) => u.id);
    const refusal = checkAdminChange({ actorId, targetId: userId, change, activeAdminIds });
    if (refusal) throw new AppError(refusal, { email: target.email });

    const values = change.kind === 'role' ? { role: change.role } : { isActive: change.isActive };
    await tx
      .update(users)
      .set({ ...values, updatedAt: new Date() })
      .where(eq(users.id, userId));
    return { email: target.email };
  });
}

export function changeUserRole(db: Db, actorId: number, userId: number, role: Role): Promise<{ email: string }> {
  return applyUserChange(db, actorId, userId, { kind: 'role', role });
}

export function setUserActive(db: Db, actorId: number, userId: number, isActive: boolean): Promise<{ email: string }> {
  return applyUserChange(db, actorId, userId, { kind: 'active', isActive });
}
