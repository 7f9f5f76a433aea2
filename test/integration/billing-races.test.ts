import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { queryRows } from '@/db/index';
import { users } from '@/db/schema';
import { billingInput } from '@/lib/billing/billing-input';
import { generateInvoices } from '@/lib/billing/generate-invoices';
import { addGroupMembers, removeGroupMember } from '@/lib/clients/group-members';
import { AppError } from '@/lib/errors';
import { generateBenchData } from '@/scripts/bench/generate-data';
import { checkInvariants, NO_VIOLATION } from '@/test/support/invariants';
import { createTestDatabase, type TestDatabase } from '@/test/support/test-database';

let database: TestDatabase;
let adminId: number;

beforeAll(async () => {
  database = await createTestDatabase();
  await generateBenchData(database.db, { clients: 3000, groups: 15, calls: 8000, seed: 11, endDate: '2026-10-31' });
  const [admin] = await database.db
    .insert(users)
    .values({ email: 'admin@race.local', name: 'Admin', role: 'admin', passwordHash: 'x' })
    .returning();
  adminId = admin!.id;
});
afterAll(() => database.drop());

test('billing runs of both kinds while administrators move clients between groups: nothing billed twice, no chain, numbers gapless', async () => {
  const heads = await queryRows<{ number: number }>(
    database.db,
    sql`select number from clients where grouped_client_number = number order by number`,
  );
  const loose = await queryRows<{ number: number }>(
    database.db,
    sql`select number from clients where grouped_client_number is null order by number limit 40`,
  );
  expect(loose).toHaveLength(40);
  const run = (isGrouped: boolean, cutoff: string) =>
    generateInvoices(
      database.db,
      adminId,
      billingInput.parse({ cutoff, cycle: 'all', isGrouped: isGrouped ? 'on' : undefined }),
      '2026-11-01',
    );

  // Dozens of transactions at once: runs with growing cut-offs, members added and removed.
  const work: Promise<unknown>[] = [];
  for (let i = 0; i < 40; i++) {
    const client = loose[i]!.number;
    const head = heads[i % heads.length]!.number;
    work.push(
      addGroupMembers(database.db, adminId, head, [client]).then(() =>
        i % 3 === 0 ? removeGroupMember(database.db, adminId, head, client) : undefined,
      ),
    );
    if (i % 5 === 0) work.push(run(i % 10 === 0, `2026-10-${String(10 + Math.floor(i / 2)).padStart(2, '0')}`));
  }
  const results = await Promise.allSettled(work);
  const unexpected = results.filter((r) => r.status === 'rejected' && !(r.reason instanceof AppError));
  expect(unexpected).toEqual([]);

  // Then both processes up to the last cut-off: every completed call billed exactly once.
  await run(false, '2026-10-31');
  await run(true, '2026-10-31');
  expect(await checkInvariants(database.db)).toEqual(NO_VIOLATION);
  const [unbilled] = await queryRows<{ n: number }>(
    database.db,
    sql`select count(*)::int as n from calls k where k.status = 'completed' and k.service_date <= '2026-10-31'
          and not exists (select 1 from invoice_lines l where l.call_number = k.number and not l.is_void)`,
  );
  expect(unbilled!.n).toBe(0);
});
