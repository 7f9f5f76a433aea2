import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Every server action module of the application, found on disk rather than listed by hand:
 * the files named `actions.ts` under app/ and lib/, as paths from the project's root, sorted.
 */
export function findActionModules(): string[] {
  return ['app', 'lib']
    .flatMap((folder) =>
      readdirSync(path.join(ROOT, folder), { recursive: true, encoding: 'utf8' })
        .filter((file) => path.basename(file) === 'actions.ts')
        .map((file) => path.join(folder, file)),
    )
    .sort();
}

/** Loads an action module found by findActionModules. */
export async function importActionModule(file: string): Promise<Record<string, unknown>> {
  return (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<string, unknown>;
}
