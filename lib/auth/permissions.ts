/**
 * Who may open which screen (docs/business-rules.md, Roles and permissions). Pages, route
 * handlers and the navigation all read this one table; every page and action still checks the
 * role on the server itself.
 */
import { ADMIN, BILLING, CALL_TAKERS, EVERYONE, PORTAL, SIGNED_IN, type Role } from './roles';

/** Every route pattern (docs/business-rules.md, Screens and routes) and the roles allowed on each. */
export const ROUTE_ROLES = {
  '/': SIGNED_IN,
  '/about': EVERYONE,
  '/me': EVERYONE,
  '/clients': EVERYONE,
  '/clients/new': ADMIN,
  '/clients/[number]': EVERYONE,
  '/clients/[number]/account': BILLING,
  '/calls/new': CALL_TAKERS,
  '/calls/new/quote': CALL_TAKERS,
  '/calls': EVERYONE,
  '/calls/[number]': EVERYONE,
  '/billing': BILLING,
  '/billing/export': BILLING,
  '/billing/review': BILLING,
  '/billing/contests': BILLING,
  '/billing/runs': BILLING,
  '/billing/runs/[id]': BILLING,
  '/billing/delivery': BILLING,
  '/billing/delivery/print': BILLING,
  '/invoices': BILLING,
  '/invoices/[number]': BILLING,
  '/invoices/[number]/pdf': BILLING,
  '/receivables': BILLING,
  '/receivables/export': BILLING,
  '/receivables/payments': BILLING,
  '/receivables/payments/new': BILLING,
  '/receivables/payments/[number]': BILLING,
  '/receivables/batches': BILLING,
  '/receivables/batches/[id]': BILLING,
  '/receivables/statements': BILLING,
  '/receivables/statements/print': BILLING,
  '/reports': BILLING,
  '/reports/dues': BILLING,
  '/reports/dues/export': BILLING,
  '/reports/ctq': BILLING,
  '/reports/ctq/export': BILLING,
  '/admin/users': ADMIN,
  '/admin/users/[id]': ADMIN,
  '/admin/tariffs': ADMIN,
  '/admin/tariffs/[id]': ADMIN,
  '/admin/settings': ADMIN,
  '/admin/audit': ADMIN,
  '/admin/api': ADMIN,
  '/admin/municipalities': ADMIN,
  '/admin/import': ADMIN,
  '/admin/import/upload': ADMIN,
  '/admin/import/export': ADMIN,
  '/admin/accounting': BILLING,
  '/admin/accounting/exports/[id]': BILLING,
  '/admin/outbox': BILLING,
  '/admin/outbox/[id]/attachment': BILLING,
  '/portal': PORTAL,
  '/portal/invoices': PORTAL,
  '/portal/invoices/[number]/pdf': PORTAL,
  '/portal/statements': PORTAL,
  '/portal/statements/[id]/pdf': PORTAL,
  '/portal/statements/period': PORTAL,
  '/portal/calls': PORTAL,
  '/portal/calls/[number]': PORTAL,
  '/portal/calls/export': PORTAL,
  '/portal/members': PORTAL,
} as const satisfies Record<string, readonly Role[]>;

export type AppRoute = keyof typeof ROUTE_ROLES;

/** The pages opened before anyone is signed in (proxy.ts lets them through): the sign-in, an invitation's link. */
export const PUBLIC_PAGES: readonly string[] = ['/login', '/portal/invitation/[token]'];

export function canOpen(role: Role, route: AppRoute): boolean {
  return (ROUTE_ROLES[route] as readonly Role[]).includes(role);
}

/** Each role's home screen: where it lands after signing in. */
export const HOME_BY_ROLE: Record<Role, AppRoute> = {
  admin: '/clients',
  billing: '/billing',
  dispatcher: '/calls/new',
  portal: '/portal',
};

/** A label: a key of the `nav` messages, or the full key of an area's own messages (`reports.nav.dues`). */
export type NavItem = { route: AppRoute; labelKey: string };
export type NavSection = { labelKey: string; items: NavItem[] };

/** The application's menu, before filtering by role. */
export const NAVIGATION: NavSection[] = [
  {
    labelKey: 'portal.nav.section',
    items: [
      { route: '/portal', labelKey: 'portal.nav.home' },
      { route: '/portal/invoices', labelKey: 'portal.nav.invoices' },
      { route: '/portal/statements', labelKey: 'portal.nav.statements' },
      { route: '/portal/calls', labelKey: 'portal.nav.calls' },
      { route: '/portal/members', labelKey: 'portal.nav.members' },
    ],
  },
  {
    labelKey: 'calls',
    items: [
      { route: '/calls/new', labelKey: 'callTaking' },
      { route: '/calls', labelKey: 'callSearch' },
    ],
  },
  { labelKey: 'clients', items: [{ route: '/clients', labelKey: 'clientList' }] },
  {
    labelKey: 'billing',
    items: [
      { route: '/billing', labelKey: 'billingList' },
      { route: '/billing/review', labelKey: 'review' },
      { route: '/billing/contests', labelKey: 'contests' },
      { route: '/billing/runs', labelKey: 'billingRuns' },
      { route: '/billing/delivery', labelKey: 'delivery' },
      { route: '/admin/outbox', labelKey: 'outbox' },
    ],
  },
  { labelKey: 'invoices', items: [{ route: '/invoices', labelKey: 'invoiceList' }] },
  {
    labelKey: 'receivables',
    items: [
      { route: '/receivables', labelKey: 'aging' },
      { route: '/receivables/payments', labelKey: 'payments' },
      { route: '/receivables/batches', labelKey: 'batches' },
      { route: '/receivables/statements', labelKey: 'statements' },
      { route: '/admin/accounting', labelKey: 'accounting' },
    ],
  },
  {
    labelKey: 'reports.nav.section',
    items: [
      { route: '/reports', labelKey: 'reports.nav.index' },
      { route: '/reports/dues', labelKey: 'reports.nav.dues' },
      { route: '/reports/ctq', labelKey: 'reports.nav.ctq' },
    ],
  },
  {
    labelKey: 'admin',
    items: [
      { route: '/admin/users', labelKey: 'users' },
      { route: '/admin/tariffs', labelKey: 'tariffs' },
      { route: '/admin/settings', labelKey: 'settings' },
      { route: '/admin/municipalities', labelKey: 'municipalities' },
      { route: '/admin/audit', labelKey: 'audit' },
      { route: '/admin/api', labelKey: 'apiTokens' },
      { route: '/admin/import', labelKey: 'dataImport' },
    ],
  },
];

export function navigationFor(role: Role): NavSection[] {
  return NAVIGATION.map((section) => ({ ...section, items: section.items.filter((item) => canOpen(role, item.route)) })).filter(
    (section) => section.items.length > 0,
  );
}
