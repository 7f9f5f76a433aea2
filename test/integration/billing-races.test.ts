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

test('members moved between heads from dates in the month while both kinds of runs bill it: each call billed once, on the head of its service date', async () => {
  const moving = await createTestDatabase();
  try {
    await generateBenchData(moving.db, { clients: 2000, groups: 10, calls: 8000, seed: 23, endDate: '2026-10-31' });
    const [admin] = await moving.db
      .insert(users)
      .values({ email: 'admin@moves.local', name: 'Admin', role: 'admin', passwordHash: 'x' })
      .returning();
    const heads = await queryRows<{ number: number }>(
      moving.db,
      sql`select number from clients where grouped_client_number = number order by number`,
    );
    const members = await queryRows<{ number: number; head: number }>(
      moving.db,
      sql`select number, grouped_client_number as head from clients
           where grouped_client_number <> number order by number limit 30`,
    );
    expect(members).toHaveLength(30);
    const run = (isGrouped: boolean, cutoff: string) =>
      generateInvoices(
        moving.db,
        admin!.id,
        billingInput.parse({ cutoff, cycle: 'all', isGrouped: isGrouped ? 'on' : undefined }),
        '2026-11-01',
      );

    const work: Promise<unknown>[] = [];
    members.forEach((member, i) => {
      const day = `2026-10-${String(5 + (i % 24)).padStart(2, '0')}`;
      const target =
        heads.find((h) => h.number !== member.head && (h.number + i) % 3 === 0) ?? heads.find((h) => h.number !== member.head)!;
      // Out of the group on `day`, then into another head's from the same day (or left alone).
      work.push(
        removeGroupMember(moving.db, admin!.id, member.head, member.number, day).then(() =>
          i % 4 === 0 ? undefined : addGroupMembers(moving.db, admin!.id, target.number, [member.number], day),
        ),
      );
      if (i % 3 === 0) work.push(run(i % 2 === 0, `2026-10-${String(4 + i).padStart(2, '0')}`));
    });
    const results = await Promise.allSettled(work);
    const unexpected = results.filter((r) => r.status === 'rejected' && !(r.reason instanceof AppError));
    expect(unexpected).toEqual([]);
    // Some moves came after a run had billed past their day and were refused; most went through.
    const moved = await queryRows<{ n: number }>(
      moving.db,
      sql`select count(distinct client_number)::int as n from group_memberships where valid_from > '2026-10-01' and client_number <> head_number`,
    );
    expect(moved[0]!.n).toBeGreaterThan(0);

    await run(false, '2026-10-31');
    await run(true, '2026-10-31');
    expect(await checkInvariants(moving.db)).toEqual(NO_VIOLATION);
    const [unbilled] = await queryRows<{ n: number }>(
      moving.db,
      sql`select count(*)::int as n from calls k where k.status = 'completed' and k.service_date <= '2026-10-31'
            and not exists (select 1 from invoice_lines l where l.call_number = k.number and not l.is_void)`,
    );
    expect(unbilled!.n).toBe(0);
  } finally {
    await moving.drop();
  }
});
