import type { AppRoute } from './permissions';

/**
 * The screen each file route (PDF, CSV) belongs to, with the same roles (checked by a test):
 * where a browser refused a file is sent to see the application's "Accès refusé" page
 * (`requireFileRoute`).
 */
export const SCREEN_OF_FILE_ROUTE = {
  '/invoices/[number]/pdf': '/invoices',
  '/billing/export': '/billing',
  '/receivables/export': '/receivables',
  '/reports/dues/export': '/reports/dues',
  '/reports/ctq/export': '/reports/ctq',
  '/billing/delivery/print': '/billing/delivery',
  '/receivables/statements/print': '/receivables/statements',
  '/admin/outbox/[id]/attachment': '/admin/outbox',
  '/admin/import/export': '/admin/import',
  '/admin/accounting/exports/[id]': '/admin/accounting',
  '/portal/invoices/[number]/pdf': '/portal/invoices',
  '/portal/statements/[id]/pdf': '/portal/statements',
  '/portal/statements/period': '/portal/statements',
  '/portal/calls/export': '/portal/calls',
} as const satisfies Partial<Record<AppRoute, AppRoute>>;
export type FileRoute = keyof typeof SCREEN_OF_FILE_ROUTE;

/** A page load in a browser (Fetch Metadata), or, from a browser that sends none, a request for HTML. */
export function isBrowserNavigation(request: Request): boolean {
  const mode = request.headers.get('sec-fetch-mode');
  if (mode !== null) return mode === 'navigate';
  return request.headers.get('accept')?.includes('text/html') ?? false;
}
