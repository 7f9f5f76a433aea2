import { expect, test } from 'vitest';
import { routeOfPath } from './route-of-path';

test.each([
  ['/calls', '/calls'],
  ['/calls/new', '/calls/new'],
  ['/calls/42', '/calls/[number]'],
  ['/calls/42?tab=x', '/calls/[number]'],
  ['/clients/new', '/clients/new'],
  ['/clients/12345/', '/clients/[number]'],
  ['/billing?cutoff=2026-10-31', '/billing'],
  ['/billing/runs/7', '/billing/runs/[id]'],
  ['/invoices/12/pdf', '/invoices/[number]/pdf'],
  ['/admin/audit', '/admin/audit'],
  ['/', '/'],
  ['/nowhere', null],
  ['/calls/42/extra', null],
])('%s → %s', (path, route) => {
  expect(routeOfPath(path)).toBe(route);
});
