import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { queryRows } from '@/db/index';
import { priceCall } from '@/lib/pricing/price-call';
import { generateBenchData } from '@/scripts/bench/generate-data';
import { createTestDatabase, type TestDatabase } from '@/test/support/test-database';

let first: TestDatabase;
let second: TestDatabase;
const options = { clients: 400, groups: 20, calls: 3000, seed: 7, endDate: '2026-10-31' };

beforeAll(async () => {
  [first, second] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  await Promise.all([generateBenchData(first.db, options), generateBenchData(second.db, options)]);
});
afterAll(async () => {
  await first.drop();
  await second.drop();
});

type CallRow = {
  base_cents: number;
  per_km: string;
  per_minute: string;
  minimum_charge_cents: number;
  distance_km: string;
  waiting_minutes: number;
  discount_percent: string;
  gross_cents: number;
  discount_cents: number;
  price_cents: number;
};

test('every generated call is priced exactly as priceCall prices it', async () => {
  const calls = await queryRows<CallRow>(
    first.db,
    sql`select t.base_cents, t.per_km::text, t.per_minute::text, t.minimum_charge_cents, k.distance_km::text, k.waiting_minutes,
               k.discount_percent::text, k.gross_cents, k.discount_cents, k.price_cents
          from calls k join tariffs t on t.id = k.tariff_id`,
  );
  expect(calls).toHaveLength(3000);
  for (const call of calls) {
    const expected = priceCall(
      { baseCents: call.base_cents, perKm: call.per_km, perMinute: call.per_minute, minimumChargeCents: call.minimum_charge_cents },
      { distanceKm: call.distance_km, waitingMinutes: call.waiting_minutes, discountPercent: call.discount_percent },
    );
    expect({ grossCents: call.gross_cents, discountCents: call.discount_cents, priceCents: call.price_cents }).toEqual(expected);
  }
});

test('groups have 2 members or more, each member with a tariff other than its head’s, and no chain', async () => {
  const groups = await queryRows<{ head: number; members: string | number; same_tariff: string | number }>(
    first.db,
    sql`select h.number as head, count(m.number) as members, count(*) filter (where m.tariff_id = h.tariff_id) as same_tariff
          from clients h join clients m on m.grouped_client_number = h.number and m.number <> h.number
         where h.grouped_client_number = h.number group by h.number`,
  );
  expect(groups).toHaveLength(20);
  expect(groups.every((g) => Number(g.members) >= 2 && Number(g.same_tariff) === 0)).toBe(true);
});

test('the same seed gives the same data', async () => {
  const checksum = (db: TestDatabase) =>
    queryRows<{ calls: string; clients: string }>(
      db.db,
      sql`select (select sum(price_cents)::text || ':' || sum(client_number)::text from calls) as calls,
                 (select string_agg(name, '|' order by number) from clients) as clients`,
    );
  expect(await checksum(first)).toEqual(await checksum(second));
});
