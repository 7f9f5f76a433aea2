/**
 * The registered dispatcher's annual report (Regulation respecting the registered dispatchers,
 * T-11.2, r. 3), sent to the Commission des transports du Québec by 1 March for the previous year
 * (docs/business-rules.md, Returns): the passenger trips completed in the year, by month of their
 * service date, invoiced or not, carrying dues or not; and the municipalities they were taken from
 * and to. A municipality merged into another counts as the
 * other (however many merges lead to it); a trip without one counts as « Non précisée ». Only the
 * trips recorded here are counted: a street hail never dispatched is not.
 */
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { queryRows, type Executor } from '@/db/index';

/** The years a report may be asked for. */
export const ctqYear = z.coerce.number().int().min(2000).max(2100);

/** The year the screen offers first: the previous one, due on 1 March. */
export const previousYearOf = (today: string) => Number(today.slice(0, 4)) - 1;

export type CtqMunicipality = {
  /** The municipality the trips count under (the one merged variants point to); null: « Non précisée ». */
  id: number | null;
  name: string | null;
  trips: number;
};

export type CtqReport = {
  year: number;
  /** Twelve counts, January first. */
  months: number[];
  total: number;
  origins: CtqMunicipality[];
  destinations: CtqMunicipality[];
};

type Row = { side: 'month' | 'origin' | 'destination'; month: number | null; id: number | null; name: string | null; trips: string };

/**
 * The report of `year` in one statement: the trips counted once by month, by municipality of
 * origin and by municipality of destination (grouping sets over one read of the year's calls),
 * then each municipality counted under the one it was merged into.
 */
export async function ctqReport(db: Executor, year: number): Promise<CtqReport> {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const rows = await queryRows<Row>(
    db,
    sql`
      with recursive merged (id, into_id, depth) as (
        select id, id, 0 from municipalities where merged_into_id is null
        union all
        select m.id, merged.into_id, merged.depth + 1
          from municipalities m join merged on m.merged_into_id = merged.id
         where merged.depth < 100
      ),
      counts as (
        select grouping(month, origin, destination) as g, month, origin, destination, count(*) as trips
          from (select extract(month from k.service_date)::int as month,
                       k.origin_municipality_id as origin, k.destination_municipality_id as destination
                  from calls k join tariffs t on t.id = k.tariff_id
                 where k.status = 'completed' and t.is_passenger
                   and k.service_date between ${from}::date and ${to}::date) x
         group by grouping sets ((month), (origin), (destination))
      ),
      sided as (
        select case g when 3 then 'month' when 5 then 'origin' else 'destination' end as side,
               case when g = 3 then month end as month,
               -- A municipality merged into another counts as the other; one in no chain from a
               -- municipality of its own (a loop of merges) counts as itself.
               coalesce(r.into_id, case g when 5 then origin when 6 then destination end) as id,
               trips
          from counts
          left join merged r on r.id = case g when 5 then origin when 6 then destination end
      )
      select s.side, s.month, s.id, m.name, sum(s.trips)::text as trips
        from sided s left join municipalities m on m.id = s.id
       group by s.side, s.month, s.id, m.name`,
  );
  const months = Array.from({ length: 12 }, () => 0);
  const origins: CtqMunicipality[] = [];
  const destinations: CtqMunicipality[] = [];
  for (const row of rows) {
    const trips = Number(row.trips);
    if (row.side === 'month') months[row.month! - 1] = trips;
    else (row.side === 'origin' ? origins : destinations).push({ id: row.id === null ? null : Number(row.id), name: row.name, trips });
  }
  // Most trips first; « Non précisée » last.
  const order = (a: CtqMunicipality, b: CtqMunicipality) =>
    Number(a.id === null) - Number(b.id === null) || b.trips - a.trips || (a.name ?? '').localeCompare(b.name ?? '', 'fr-CA');
  return {
    year,
    months,
    total: months.reduce((sum, n) => sum + n, 0),
    origins: origins.sort(order),
    destinations: destinations.sort(order),
  };
}
