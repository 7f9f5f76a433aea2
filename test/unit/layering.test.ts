/**
 * The layers of the code, read from its imports (README, How the code is laid out): arrows run
 * one way, app → components → actions → lib → db; db/ imports nothing of the project's above it;
 * lib/ is free of the routes, the components and the actions; and no two domain folders of lib/
 * import each other (a fact that two of them need has its own room, such as lib/groups/ or
 * lib/reports/).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';

const ROOT = process.cwd();
const SOURCE = /\.(ts|tsx|mts|cts|js|mjs|cjs)$/;

function sourceFiles(folder: string): string[] {
  return readdirSync(path.join(ROOT, folder), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && SOURCE.test(entry.name))
    .map((entry) => path.relative(ROOT, path.join(entry.parentPath, entry.name)));
}

type Import = { file: string; target: string; isTypeOnly: boolean };

/** The project files a file imports (static, re-exports, `import()`, `require`), from the root; packages left out. */
function importsOf(file: string, text: string): Import[] {
  const { importedFiles } = ts.preProcessFile(text, true, true);
  return importedFiles.flatMap(({ fileName, pos }) => {
    let target: string;
    if (fileName.startsWith('@/')) target = fileName.slice(2);
    else if (fileName.startsWith('.')) target = path.relative(ROOT, path.resolve(ROOT, path.dirname(file), fileName));
    else return [];
    const statement = text.slice(text.lastIndexOf('\n', pos) + 1, pos);
    return [{ file, target, isTypeOnly: /^\s*(import|export) type\b/.test(statement) }];
  });
}

const layerOf = (file: string) => file.split(path.sep)[0]!;
const domainOf = (file: string) => file.split(path.sep)[1]!;

const all = ['app', 'components', 'actions', 'lib', 'db'].flatMap(sourceFiles);
const imports = all.flatMap((file) => importsOf(file, readFileSync(path.join(ROOT, file), 'utf8')));
const said = (list: Import[]) => list.map(({ file, target }) => `${file} → ${target}`);

describe('the layers', () => {
  test('the scanner finds every form of import and tells a type-only one', () => {
    const text = [
      'import { priceCall } from "@/lib/pricing/price-call";',
      'import type { Page } from "@/app/page";',
      "export { Button } from '../components/button';",
      'const late = await import("@/lib/late");',
      "import { sql } from 'drizzle-orm';",
      '// import { commented } from "@/lib/commented";',
    ].join('\n');
    expect(importsOf(path.join('db', 'example.ts'), text)).toEqual([
      { file: path.join('db', 'example.ts'), target: 'lib/pricing/price-call', isTypeOnly: false },
      { file: path.join('db', 'example.ts'), target: 'app/page', isTypeOnly: true },
      { file: path.join('db', 'example.ts'), target: 'components/button', isTypeOnly: false },
      { file: path.join('db', 'example.ts'), target: 'lib/late', isTypeOnly: false },
    ]);
  });

  test('db/ imports nothing of the project outside db/', () => {
    expect(said(imports.filter((i) => layerOf(i.file) === 'db' && layerOf(i.target) !== 'db'))).toEqual([]);
  });

  test('lib/ imports neither the routes, the components nor the actions', () => {
    const upward = imports.filter((i) => layerOf(i.file) === 'lib' && ['app', 'components', 'actions'].includes(layerOf(i.target)));
    expect(said(upward)).toEqual([]);
  });

  test('the actions import neither the routes nor the components; the components neither the routes nor the database (but its types)', () => {
    const upward = imports.filter(
      (i) =>
        (layerOf(i.file) === 'actions' && ['app', 'components'].includes(layerOf(i.target))) ||
        (layerOf(i.file) === 'components' && (layerOf(i.target) === 'app' || (layerOf(i.target) === 'db' && !i.isTypeOnly))),
    );
    expect(said(upward)).toEqual([]);
  });

  test('no two domain folders of lib/ import each other', () => {
    const between = new Map<string, Import[]>();
    for (const i of imports) {
      if (layerOf(i.file) !== 'lib' || layerOf(i.target) !== 'lib' || !i.target.includes(path.sep)) continue;
      const [from, to] = [domainOf(i.file), domainOf(i.target)];
      // A file directly in lib/ (errors.ts, url-state.ts) is shared by all: no domain of its own.
      if (from === to || !i.file.split(path.sep)[2] || !i.target.split(path.sep)[2]) continue;
      between.set(`${from} → ${to}`, [...(between.get(`${from} → ${to}`) ?? []), i]);
    }
    const mutual = [...between.keys()]
      .filter((pair) => between.has(pair.split(' → ').reverse().join(' → ')))
      .map((pair) => `${pair}: ${said(between.get(pair)!).join(', ')}`);
    expect(mutual).toEqual([]);
  });
});
