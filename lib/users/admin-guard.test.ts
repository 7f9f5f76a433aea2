import { describe, expect, test } from 'vitest';
import { checkAdminChange, type AdminGuardInput } from './admin-guard';

const demote = { kind: 'role', role: 'billing' } as const;
const promote = { kind: 'role', role: 'admin' } as const;
const deactivate = { kind: 'active', isActive: false } as const;
const reactivate = { kind: 'active', isActive: true } as const;

describe('checkAdminChange (users 1 and 2 are admins, 3 is a clerk)', () => {
  test.each<[string, AdminGuardInput, string | null]>([
    ['admin 1 demotes admin 2, two admins → allowed, 1 remains', { actorId: 1, targetId: 2, change: demote, activeAdminIds: [1, 2] }, null],
    [
      'admin 1 deactivates admin 2, two admins → allowed, 1 remains',
      { actorId: 1, targetId: 2, change: deactivate, activeAdminIds: [1, 2] },
      null,
    ],
    [
      'admin 1 demotes themself, two admins → refused',
      { actorId: 1, targetId: 1, change: demote, activeAdminIds: [1, 2] },
      'user.cannotDemoteSelf',
    ],
    [
      'admin 1 deactivates themself, two admins → refused',
      { actorId: 1, targetId: 1, change: deactivate, activeAdminIds: [1, 2] },
      'user.cannotDeactivateSelf',
    ],
    [
      'admin 1, the only admin, demotes themself → refused',
      { actorId: 1, targetId: 1, change: demote, activeAdminIds: [1] },
      'user.cannotDemoteSelf',
    ],
    [
      'admin 1, the only admin, deactivates themself → refused',
      { actorId: 1, targetId: 1, change: deactivate, activeAdminIds: [1] },
      'user.cannotDeactivateSelf',
    ],
    [
      '2, deactivated a moment ago, deactivates 1, the only admin → refused: last admin',
      { actorId: 2, targetId: 1, change: deactivate, activeAdminIds: [1] },
      'user.lastAdmin',
    ],
    ['admin 1 keeps their own admin role → allowed', { actorId: 1, targetId: 1, change: promote, activeAdminIds: [1] }, null],
    ['admin 1 promotes clerk 3 → allowed', { actorId: 1, targetId: 3, change: promote, activeAdminIds: [1] }, null],
    ['admin 1 deactivates clerk 3 → allowed', { actorId: 1, targetId: 3, change: deactivate, activeAdminIds: [1] }, null],
    ['admin 1 reactivates clerk 3 → allowed', { actorId: 1, targetId: 3, change: reactivate, activeAdminIds: [1] }, null],
    [
      '2, demoted a moment ago, demotes 1, now the only admin → refused: last admin',
      { actorId: 2, targetId: 1, change: demote, activeAdminIds: [1] },
      'user.lastAdmin',
    ],
    [
      '2, demoted a moment ago, promotes clerk 3 → refused: no longer admin',
      { actorId: 2, targetId: 3, change: promote, activeAdminIds: [1] },
      'forbidden',
    ],
  ])('%s', (_name, input, expected) => {
    expect(checkAdminChange(input)).toBe(expected);
  });
});
