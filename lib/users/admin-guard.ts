/**
 * Lock-out protection: the application always keeps an active administrator, and an
 * administrator cannot take their own rights away by mistake. Pure: the caller reads the
 * active administrators under a row lock (lockActiveAdmins) and applies the verdict in the
 * same transaction, so two administrators demoting each other at once cannot both succeed.
 */
import type { Role } from '@/lib/auth/roles';

export type UserChange = { kind: 'role'; role: Role } | { kind: 'active'; isActive: boolean };

export type AdminGuardInput = {
  actorId: number;
  targetId: number;
  change: UserChange;
  /** The users who are active administrators now, read under lock. */
  activeAdminIds: readonly number[];
};

export type AdminGuardRefusal = 'forbidden' | 'user.lastAdmin' | 'user.cannotDemoteSelf' | 'user.cannotDeactivateSelf';

/** null when the change is allowed; otherwise the error code that explains why not. */
export function checkAdminChange({ actorId, targetId, change, activeAdminIds }: AdminGuardInput): AdminGuardRefusal | null {
  const removesAdmin = change.kind === 'role' ? change.role !== 'admin' : !change.isActive;
  if (removesAdmin) {
    if (targetId === actorId) return change.kind === 'role' ? 'user.cannotDemoteSelf' : 'user.cannotDeactivateSelf';
    // Reached when the actor lost their own rights a moment ago (two administrators demoting
    // each other at once): the one who remains is never removed.
    if (activeAdminIds.includes(targetId) && activeAdminIds.length <= 1) return 'user.lastAdmin';
  }
  // The actor may have been demoted or deactivated by someone else a moment ago.
  if (!activeAdminIds.includes(actorId)) return 'forbidden';
  return null;
}
