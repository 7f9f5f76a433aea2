/** The staff's roles: the users of the application itself (administration creates them). */
export const ROLES = ['admin', 'billing', 'dispatcher'] as const;
export type StaffRole = (typeof ROLES)[number];
/**
 * Every role a session may carry: the staff's and the client portal's (a client's contact,
 * invited from the client's page, who sees only `/portal`: docs/business-rules.md, Client portal).
 */
export const ALL_ROLES = [...ROLES, 'portal'] as const;
export type Role = (typeof ALL_ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ALL_ROLES as readonly string[]).includes(value);
}

/*
 * The sets of roles that screens, route handlers and server actions allow, declared once
 * (docs/business-rules.md, Roles and permissions). Every permission check names one of these.
 * None but PORTAL holds the portal's role: a portal user reaches no staff screen nor action.
 */
/** Every signed-in user, staff or portal: the home page only, which sends each to its own. */
export const SIGNED_IN: readonly Role[] = ALL_ROLES;
/** Every staff role: client and call consultation. */
export const EVERYONE: readonly Role[] = ROLES;
/** Billing list, generation, reversal, credit notes, invoices, delivery, portal access. */
export const BILLING: readonly Role[] = ['admin', 'billing'];
/** Call taking and editing. */
export const CALL_TAKERS: readonly Role[] = ['admin', 'dispatcher'];
/** Clients and groups, tariffs, users, company settings, audit log. */
export const ADMIN: readonly Role[] = ['admin'];
/** The client portal's screens, files and actions. */
export const PORTAL: readonly Role[] = ['portal'];
