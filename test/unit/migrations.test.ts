/**
 * The migrations' journal: PostgreSQL's migrator applies a migration only when its time ("when")
 * is after the last one applied to the database, so a migration dated before the previous one
 * would be skipped on every database already past it. Each entry is after the one before.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';

test('every migration of the journal is dated after the one before it, in the order of its number', () => {
  const journal = JSON.parse(readFileSync(path.join(process.cwd(), 'db', 'migrations', 'meta', '_journal.json'), 'utf8')) as {
    entries: { idx: number; when: number; tag: string }[];
  };
  const outOfOrder = journal.entries.filter((entry, index) => {
    const previous = journal.entries[index - 1];
    return entry.idx !== index || (previous !== undefined && entry.when <= previous.when);
  });
  expect(outOfOrder.map((entry) => entry.tag)).toEqual([]);
});
