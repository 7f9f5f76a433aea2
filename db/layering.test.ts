/**
 * db/ is the bottom layer: the schema, the migrations, the connection. It imports packages and
 * its own files, never the business rules (lib/), the routes (app/), the components, nor the
 * scripts (the demo seed is in scripts/demo because it drives the business functions).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';

const ROOT = process.cwd();
const DB = path.join(ROOT, 'db');
const SOURCE = /\.(ts|tsx|mts|cts|js|mjs|cjs)$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return SOURCE.test(entry.name) ? [full] : [];
  });
}

/** Where a specifier points when it is a file of the project ('@/…' or relative); null for a package. */
function projectTarget(file: string, specifier: string): string | null {
  if (specifier.startsWith('@/')) return path.join(ROOT, specifier.slice(2));
  if (specifier.startsWith('.') || specifier.startsWith('/')) return path.resolve(path.dirname(file), specifier);
  return null;
}

/** The imports of `text` (static, re-exports, dynamic `import()`, `require`) that leave db/. */
function importsLeavingDb(file: string, text: string): string[] {
  const { importedFiles } = ts.preProcessFile(text, true, true);
  return importedFiles
    .map((imported) => imported.fileName)
    .filter((specifier) => {
      const target = projectTarget(file, specifier);
      return target !== null && target !== DB && !target.startsWith(DB + path.sep);
    });
}

describe('db/ imports nothing outside db/', () => {
  test('finds the imports that leave db/, whatever their form', () => {
    const file = path.join(DB, 'example.ts');
    // Double quotes as much as single ones: the check reads the code, not a spelling of it.
    const text = [
      'import { priceCall } from "@/lib/pricing/price-call";',
      'import type { Page } from "@/app/page";',
      'export { Button } from "@/components/button";',
      "import { seedDemoData } from '../scripts/demo/seed';",
      'const late = await import("@/lib/late");',
      "const old = require('../lib/old');",
      "import * as schema from './schema';",
      "import { getDb } from '@/db/index';",
      "import { sql } from 'drizzle-orm';",
      "import path from 'node:path';",
      '// import { commented } from "@/lib/commented";',
    ].join('\n');
    expect(importsLeavingDb(file, text)).toEqual([
      '@/lib/pricing/price-call',
      '@/app/page',
      '@/components/button',
      '../scripts/demo/seed',
      '@/lib/late',
      '../lib/old',
    ]);
  });

  test('no file of db/ imports lib/, app/, components/ or any other file outside db/', () => {
    const files = sourceFiles(DB);
    expect(files).toContain(path.join(DB, 'schema.ts'));
    const leaving = files.flatMap((file) =>
      importsLeavingDb(file, readFileSync(file, 'utf8')).map((specifier) => `${path.relative(ROOT, file)} imports '${specifier}'`),
    );
    expect(leaving, 'db/ must stay free of the layers above it').toEqual([]);
  });
});
