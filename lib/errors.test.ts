import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { fr } from '@/lib/i18n/messages/fr/index';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

function leafPaths(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : leafPaths(value as object, `${prefix}${key}.`),
  );
}

/**
 * The codes written as literals in zod schemas (`error:` options, custom issues' `message:`),
 * which the type ErrorCode cannot reach: zod takes any string there.
 */
function codesWrittenInSchemas(): { file: string; code: string }[] {
  const found: { file: string; code: string }[] = [];
  for (const folder of ['lib', 'app']) {
    for (const file of readdirSync(path.join(ROOT, folder), { recursive: true, encoding: 'utf8' })) {
      if (!/\.tsx?$/.test(file) || file.endsWith('.test.ts') || file.startsWith(path.join('i18n', 'messages'))) continue;
      const text = readFileSync(path.join(ROOT, folder, file), 'utf8');
      // zod's `{ error: … }` option, and the message of a custom issue (`ctx.addIssue({ …, message: … })`).
      for (const match of text.matchAll(/\berror:([^}\n]*)|addIssue\(.*\bmessage:([^}\n]*)/g)) {
        const rest = match[1] ?? match[2]!;
        // A literal right after the colon or an operator (`? 'a' : 'b'`, `?? 'c'`), not a call's argument.
        for (const [, code] of rest.matchAll(/(?:^|[:?]|\?\?)\s*'([a-z][A-Za-z]*(?:\.[A-Za-z]+)*)'/g)) {
          found.push({ file: path.join(folder, file), code: code! });
        }
      }
    }
  }
  return found;
}

test('every error code written in a form schema has a French message', () => {
  const known = new Set(leafPaths(fr.errors));
  const found = codesWrittenInSchemas();
  expect(found.map((f) => f.code)).toEqual(expect.arrayContaining(['required', 'call.date', 'billing.range', 'tariff.codeFormat']));
  expect(found.filter((f) => !known.has(f.code))).toEqual([]);
});
