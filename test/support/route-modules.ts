import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export type RouteModule = {
  /** The file, from the project's root: app/(app)/billing/export/route.ts. */
  file: string;
  /** Its route pattern, route groups left out: /billing/export. */
  route: string;
};

/** Every route handler of the application, found on disk rather than listed by hand: the files named `route.ts` under app/, sorted. */
export function findRouteModules(): RouteModule[] {
  return readdirSync(path.join(ROOT, 'app'), { recursive: true, encoding: 'utf8' })
    .filter((file) => path.basename(file) === 'route.ts')
    .map((file) => ({
      file: path.join('app', file),
      route: `/${path
        .dirname(file)
        .split(path.sep)
        .filter((segment) => !/^\(.*\)$/.test(segment))
        .join('/')}`,
    }))
    .sort((a, b) => a.file.localeCompare(b.file));
}

/** Loads a route module found by findRouteModules. */
export async function importRouteModule(file: string): Promise<Record<string, unknown>> {
  return (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<string, unknown>;
}
