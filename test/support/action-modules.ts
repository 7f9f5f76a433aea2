import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Every server action module of the application, found on disk rather than listed by hand: the
 * modules of the actions layer (actions/) that declare 'use server', as paths from the project's
 * root, sorted. A 'use server' module anywhere else is reported too, to be moved there.
 */
export function findActionModules(): string[] {
  return ['actions', 'app', 'components', 'lib']
    .flatMap((folder) =>
      readdirSync(path.join(ROOT, folder), { recursive: true, encoding: 'utf8' })
        .filter((file) => /\.tsx?$/.test(file) && /^\s*['"]use server['"]/.test(readFileSync(path.join(ROOT, folder, file), 'utf8')))
        .map((file) => path.join(folder, file)),
    )
    .sort();
}

/** Loads an action module found by findActionModules. */
export async function importActionModule(file: string): Promise<Record<string, unknown>> {
  return (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<string, unknown>;
}
