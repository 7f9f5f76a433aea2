import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openPostgres, queryRows, type AppDatabase } from '@/db/index';
import { billingInput } from '@/lib/billing/billing-input';
import { generateInvoices } from '@/lib/billing/generate-invoices';
import { ensurePostgresBinaries } from '@/test/support/provision';
import { loadGoldenScenario } from '@/test/support/golden-scenario';
import { checkInvariants, NO_VIOLATION } from '@/test/support/invariants';
import { createEmptyDatabase, createTestDatabase, type TestDatabase } from '@/test/support/test-database';

let source: TestDatabase;
let target: { url: string; drop: () => Promise<void> };
let restored: AppDatabase;
const folder = mkdtempSync(path.join(os.tmpdir(), 'backup-'));

beforeAll(async () => {
  source = await createTestDatabase();
  const { clerkId } = await loadGoldenScenario(source.db);
  for (const isGrouped of [false, true]) {
    await generateInvoices(
      source.db,
      clerkId,
      billingInput.parse({ cutoff: '2026-10-31', cycle: 'all', isGrouped: isGrouped ? 'on' : undefined }),
      '2026-11-01',
    );
  }
  target = await createEmptyDatabase();
});
afterAll(async () => {
  await restored?.close();
  await target.drop();
  await source.drop();
  rmSync(folder, { recursive: true, force: true });
});

const snapshot = (db: AppDatabase['db']) =>
  queryRows(
    db,
    sql`select (select count(*)::int from clients) as clients, (select count(*)::int from calls) as calls,
               (select string_agg(number || ':' || total_cents, ',' order by number) from invoices) as invoices,
               (select count(*)::int from invoice_lines) as lines, (select count(*)::int from audit_log) as audit,
               (select last_number::int from document_counters where kind = 'invoice') as counter`,
  );

test('the documented pg_dump / pg_restore procedure round-trips the data, the invariants and the database rules', async () => {
  const bin = ensurePostgresBinaries();
  const file = path.join(folder, 'facturation.dump');
  // README › Backups: pg_dump --format=custom, then pg_restore --no-owner into an empty database.
  execFileSync(path.join(bin, 'pg_dump'), ['--format=custom', '--file', file, source.url]);
  execFileSync(path.join(bin, 'pg_restore'), ['--no-owner', '--exit-on-error', '--dbname', target.url, file]);
  restored = openPostgres(target.url, { max: 2 });
  expect(await snapshot(restored.db)).toEqual(await snapshot(source.db));
  expect(await checkInvariants(restored.db)).toEqual(NO_VIOLATION);
  // The rules came back with the data: the grouping key and the triggers.
  await expect(restored.db.execute(sql`update clients set grouped_client_number = null where number = 12345`)).rejects.toThrow();
  await expect(restored.db.execute(sql`update calls set price_cents = 1, gross_cents = 1 where number = 1001`)).rejects.toThrow();
  // And the migrations are recorded: starting the application on the restored copy migrates nothing.
  await restored.migrate();
  expect(await snapshot(restored.db)).toEqual(await snapshot(source.db));
});
