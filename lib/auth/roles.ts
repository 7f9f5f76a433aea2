export const ROLES = ['admin', 'billing', 'dispatcher'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/*
 * The sets of roles that screens, route handlers and server actions allow, declared once
 * (docs/business-rules.md, Roles and permissions). Every permission check names one of these.
 */
/** Every signed-in role: client and call consultation. */
export const EVERYONE: readonly Role[] = ROLES;
/** Billing list, generation, reversal, credit notes, invoices, delivery. */
export const BILLING: readonly Role[] = ['admin', 'billing'];
/** Call taking and editing. */
export const CALL_TAKERS: readonly Role[] = ['admin', 'dispatcher'];
/** Clients and groups, tariffs, users, company settings, audit log. */
export const ADMIN: readonly Role[] = ['admin'];
