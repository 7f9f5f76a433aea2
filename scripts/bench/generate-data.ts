/**
 * Benchmark data at a real company's scale, generated inside PostgreSQL by set-based SQL
 * (INSERT … SELECT over generate_series), deterministic: every pseudo-random choice is a hash
 * of the row number and the seed, so the same arguments always give the same rows.
 *
 * Shapes: Quebec-like names with accents; `groups` grouped accounts whose sizes go from 2 to 500
 * members; members with tariffs that differ from their head's; calls over two months ending
 * on `endDate`, mostly completed, priced with the formula of lib/pricing/price-call.ts; and,
 * when asked, a share of the members moved to another head in the middle of the last month, so
 * that their month is split between two grouped invoices.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '@/db/index';

export type BenchDataOptions = {
  clients: number;
  groups: number;
  calls: number;
  seed: number;
  endDate: string;
  /** The share of members (0 to 1) that move to the next head 15 days before `endDate` (dated memberships). */
  movedShare?: number;
};

/** h(i, salt) in [0, 1): a deterministic hash of a row number. */
const h = (row: string, salt: number, seed: number) =>
  sql.raw(`(abs(hashtextextended(${row}::text || ':${salt}', ${seed})) % 1000000) / 1000000.0`);

export async function generateBenchData(db: Db, options: BenchDataOptions): Promise<void> {
  const { clients: clientCount, groups, calls: callCount, seed, endDate } = options;
  if (groups * 3 > clientCount) throw new Error('not enough clients for that many groups (3 clients a group at least)');
  await db.execute(sql`
    insert into users (email, name, password_hash, role)
    values ('bench@bench.local', 'Banc d''essai', 'x', 'admin') on conflict do nothing`);
  await db.execute(sql`
    insert into company_settings (id, name, address_line1, city, postal_code, gst_number, qst_number)
    values (1, 'Répartition Banc d''essai inc.', '1, rue Principale', 'Montréal', 'H2X 1Y4', '123456789 RT0001', '1234567890 TQ0001')
    on conflict do nothing`);
  await db.execute(sql`
    insert into tariffs (code, name, base_cents, per_km, per_minute, minimum_charge_cents, is_passenger, default_billing_type) values
      ('STD', 'Standard', 450, 1.8750, 0.6500, 1200, false, null), ('EXP', 'Express', 900, 2.1000, 0.7500, 2000, false, null),
      ('CORP', 'Corporatif', 325, 1.6125, 0.5000, 1000, true, 'fixed_contract'), ('TAXI', 'Taxi', 375, 2.0500, 0.7000, 800, true, 'taxi')
    on conflict (code) do nothing`);

  // Clients 100000…: names from Quebec words (with accents), four tariffs (two of passenger trips), a few discounts.
  await db.execute(sql`
    with words(list) as (select array['Côté','Tremblay','Gagnon','Bélanger','Émond','Lévesque','Pharmacie','Clinique','Boulangerie',
      'Transport','Garage','Quincaillerie','Fleuriste','Hôtel','Résidence','Laboratoires','Atelier','Dépanneur','Studio','Coopérative',
      'Ébénisterie','Château','Marché','Épicerie','Services','Nordique','Laurentides','Estrie','Outaouais','Saguenay','Gaspésie','Montérégie']),
    cities(list) as (select array['Montréal','Laval','Québec','Longueuil','Gatineau','Sherbrooke','Saguenay','Lévis','Trois-Rivières','Terrebonne'])
    insert into clients (number, name, address_line1, city, postal_code, tariff_id, discount_percent, billing_cycle, language)
    select 100000 + i,
           w.list[1 + floor(${h('i', 1, seed)} * 32)::int] || ' ' || w.list[1 + floor(${h('i', 2, seed)} * 32)::int] || ' ' || i,
           (1 + floor(${h('i', 3, seed)} * 9000)::int) || ', rue Principale',
           c.list[1 + floor(${h('i', 4, seed)} * 10)::int],
           'H2X 1Y4',
           (select id from tariffs order by id offset floor(${h('i', 5, seed)} * 4)::int limit 1),
           case when ${h('i', 6, seed)} < 0.1 then 7.5 else 0 end,
           case when ${h('i', 7, seed)} < 0.3 then 'weekly'::billing_cycle else 'monthly'::billing_cycle end,
           case when ${h('i', 8, seed)} < 0.15 then 'en'::locale else 'fr'::locale end
      from generate_series(0, ${clientCount - 1}) as i, words w, cities c`);
  // One client in fifty exempt from the dues by a municipal contract.
  await db.execute(sql`update clients set dues_exemption = 'municipal_contract', dues_exempt_from = '2020-01-01' where number % 50 = 7`);

  // Heads are clients 100000 … 100000+groups-1; group k takes a contiguous block of members:
  // one of 500, four of 200, twenty of 50, the rest of 2 to 20.
  await db.execute(sql`update clients set grouped_client_number = number where number < ${100000 + groups}`);
  await db.execute(sql`
    with wanted as (
      select k, case when k = 0 then 500 when k < 5 then 200 when k < 25 then 50 else 2 + (k % 19) end as size
        from generate_series(0, ${groups - 1}) as k),
    -- Fewer clients than the shapes need (small scales): shrink every group, keeping 2 members at least.
    sizes as (
      select k, case when total <= ${clientCount - groups} then size
                     else 2 + floor((size - 2) * ${clientCount - 3 * groups}::numeric / (total - 2 * ${groups}))::int end as size
        from wanted, (select sum(size) as total from wanted) t),
    blocks as (select k, size, ${100000 + groups} + coalesce(sum(size) over (order by k rows between unbounded preceding and 1 preceding), 0) as first from sizes)
    update clients set grouped_client_number = 100000 + b.k,
                       tariff_id = (select id from tariffs where code = case when clients.number % 2 = 0 then 'STD' else 'EXP' end)
      from blocks b
     where clients.number >= b.first and clients.number < b.first + b.size and clients.number < ${100000 + clientCount}`);
  await db.execute(sql`update clients set tariff_id = (select id from tariffs where code = 'CORP') where grouped_client_number = number`);

  if (callCount === 0) return;
  // Calls over the 61 days ending on endDate; priced by the formula of priceCall, in SQL.
  await db.execute(sql`
    with callers(list) as (select array['Mme Gagnon','M. Côté','Réception','Dr Nguyen','Émilie Bélanger','Jean-François Roy','Karine Lévesque','Mark Wilson','Luc Tremblay','Sophie Émond'])
    insert into calls (number, client_number, service_at, service_date, caller, client_reference, pickup_address, destination_address, distance_km,
                       waiting_minutes, status, tariff_id, tariff_code, gross_cents, discount_percent, discount_cents, price_cents, completed_at)
    select n, q.client_number, q.service_date + time '07:00' + (q.minute || ' minutes')::interval, q.service_date,
           callers.list[1 + n % 10], case when n % 2 = 0 then 'BC-' || (n::bigint * 7919 % 1000003) end,
           'Adresse de départ ' || n, 'Adresse d''arrivée ' || n, q.km, q.wait, q.status, t.id, t.code,
           p.gross, cl.discount_percent, p.discount, p.gross - p.discount,
           case when q.status = 'completed' then q.service_date + time '09:00' end
      from generate_series(1, ${callCount}) as n
      cross join callers
      cross join lateral (
        select 100000 + floor(${h('n', 11, seed)} * ${clientCount})::int as client_number,
               (${endDate}::date - floor(${h('n', 12, seed)} * 61)::int) as service_date,
               floor(${h('n', 13, seed)} * 720)::int as minute,
               round((0.5 + ${h('n', 14, seed)} * 40)::numeric, 1) as km,
               case when ${h('n', 15, seed)} < 0.6 then 0 else floor(${h('n', 16, seed)} * 25)::int end as wait,
               case when ${h('n', 17, seed)} < 0.9 then 'completed'::call_status when ${h('n', 17, seed)} < 0.95 then 'cancelled'::call_status
                    when ${h('n', 17, seed)} < 0.98 then 'dispatched'::call_status else 'open'::call_status end as status) q
      join clients cl on cl.number = q.client_number
      join tariffs t on t.id = cl.tariff_id
      cross join lateral (select greatest(round(t.base_cents + q.km * t.per_km * 100 + q.wait * t.per_minute * 100), t.minimum_charge_cents)::int as gross) g
      cross join lateral (select g.gross, round(g.gross * cl.discount_percent / 100)::int as discount) p`);
  await db.execute(sql`select setval(pg_get_serial_sequence('calls', 'number'), (select max(number) from calls))`);
  if (options.movedShare && groups > 1) {
    // One change of group for each moved member, effective on one date (the trigger of the
    // clients table ends its membership there and starts the next head's).
    await db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('app.membership_date', (${endDate}::date - 15)::text, true)`);
      await tx.execute(sql`
        update clients set grouped_client_number = 100000 + (grouped_client_number - 100000 + 1) % ${groups}
         where grouped_client_number <> number and ${h('number', 21, seed)} < ${options.movedShare}`);
    });
  }
  // Vacuumed as a database in service is: visibility map set (index-only scans), no autovacuum left to run during a measurement.
  await db.execute(sql`vacuum analyze`);
}
