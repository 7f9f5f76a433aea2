import { ROUTE_ROLES, type AppRoute } from './permissions';

const PATTERNS = (Object.keys(ROUTE_ROLES) as AppRoute[])
  .map((route) => ({ route, pattern: new RegExp(`^${route.replace(/\[[a-z]+\]/gi, '[^/]+')}$`), params: route.split('[').length - 1 }))
  // A fixed path wins over a parameter in the same place: /calls/new before /calls/[number].
  .sort((a, b) => a.params - b.params);

/** The route of the permissions table a requested path opens ("/calls/42?x=1" → "/calls/[number]"), or null. */
export function routeOfPath(path: string): AppRoute | null {
  const pathname = path.split(/[?#]/, 1)[0]!.replace(/(.)\/+$/, '$1');
  return PATTERNS.find((p) => p.pattern.test(pathname))?.route ?? null;
}
