/**
 * The dues return (Déclaration de la redevance, Revenu Québec form TR-287.R-V), filed at the
 * GST/QST frequency (docs/business-rules.md, Returns). Its basis is the dues invoiced in the
 * period — collected or to be collected (« perçue ou à percevoir ») —, for the company's accountant
 * to confirm, each document on its own date as the books date it (lib/accounting):
 *
 * - an invoice adds its trips subject to dues and their dues in the month of its issue date;
 * - its voiding (a reversed run) takes them back in the month it was voided (Montréal): an invoice
 *   issued and voided in the same period nets to nothing, and one issued in a period already
 *   declared and voided in this one reduces this one, so that a return once filed never changes;
 * - a credit note takes back the dues of the trips it credits whole, in the month of its date; a
 *   credit of an amount takes none (dues are not refunded on a partial credit).
 *
 * Beside them, not part of the amount declared: the passenger trips completed in the period and not
 * invoiced yet, with the dues that generation would put on them today (the billing list's own
 * query, `billableCallsQuery`, in its two processes), declared in the period they are invoiced;
 * and the passenger trips that carry no dues, by reason as their invoice names it: the billed
 * client's exemption, else the tariff's, or no rate in force.
 */
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '@/db/index';
import { billableCallsQuery, isWaitingToBeBilled } from '@/lib/billing/billable-calls';
import { billingInput } from '@/lib/billing/billing-input';
import { addDays } from '@/lib/dates/montreal';
import { isoDate } from '@/lib/forms/dates';
import { voidedOnOf } from '@/lib/receivables/balances';

export type DuesPeriod = { from: string; to: string };

export type DuesPeriodProblem = 'date' | 'order' | 'tooLong';

/** A period typed on the screen or in the export's query: both dates, in order, a year at most. */
export function parseDuesPeriod(raw: { from?: string; to?: string }): { period: DuesPeriod } | { problems: DuesPeriodProblem[] } {
  const from = isoDate.safeParse(raw.from ?? '');
  const to = isoDate.safeParse(raw.to ?? '');
  if (!from.success || !to.success) return { problems: ['date'] };
  if (from.data > to.data) return { problems: ['order'] };
  // A year at most (a return filed annually): it ends before the same day a year later.
  const sameDayNextYear = `${Number(from.data.slice(0, 4)) + 1}${from.data.slice(4).replace('-02-29', '-03-01')}`;
  if (to.data >= sameDayNextYear) return { problems: ['tooLong'] };
  return { period: { from: from.data, to: to.data } };
}

/** The month before the one of `today`: the period the screen offers first. */
export function previousMonth(today: string): DuesPeriod {
  const firstOfMonth = `${today.slice(0, 7)}-01`;
  const to = addDays(firstOfMonth, -1);
  return { from: `${to.slice(0, 7)}-01`, to };
}

/** The quarter before the one of `today` (January–March, April–June, …). */
export function previousQuarter(today: string): DuesPeriod {
  const year = Number(today.slice(0, 4));
  const quarter = Math.floor((Number(today.slice(5, 7)) - 1) / 3);
  const [y, q] = quarter === 0 ? [year - 1, 3] : [year, quarter - 1];
  const firstMonth = String(q * 3 + 1).padStart(2, '0');
  const next = q === 3 ? `${y + 1}-01-01` : `${y}-${String(q * 3 + 4).padStart(2, '0')}-01`;
  return { from: `${y}-${firstMonth}-01`, to: addDays(next, -1) };
}

/** The calendar year before the one of `today`. */
export function previousYear(today: string): DuesPeriod {
  const year = Number(today.slice(0, 4)) - 1;
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/** The figures of a month, or of the period. Trips are passenger trips subject to dues. */
export type DuesFigures = {
  /** On the invoices issued. */
  invoicedTrips: number;
  invoicedCents: number;
  /** On the invoices voided (taken back). */
  voidedTrips: number;
  voidedCents: number;
  /** On the credit notes of whole trips (taken back). */
  creditedTrips: number;
  creditedCents: number;
  /** Invoiced less voided less credited: what the return declares. */
  netTrips: number;
  netCents: number;
  /** Completed in the period, by service date, not invoiced yet: the dues generation would charge today. */
  waitingTrips: number;
  waitingCents: number;
};

export type DuesMonth = DuesFigures & { month: string };

export const DUES_EXEMPTION_REASONS = ['municipal_contract', 'transit_contract', 'act', 'tariff', 'noRate'] as const;
export type DuesExemptionReason = (typeof DUES_EXEMPTION_REASONS)[number];

/** Passenger trips that carry no dues, by reason, and by billed client for a client's exemption. */
export type DuesExemptTrips = {
  reason: DuesExemptionReason;
  /** The billed client whose exemption it is (the head for a group); null for a tariff's or no rate. */
  clientNumber: number | null;
  name: string | null;
  /** The Act, regulation or agreement that a client exempt under an act names. */
  detail: string | null;
  /** On the invoices issued in the period, less those voided in it. */
  invoicedTrips: number;
  /** Completed in the period, not invoiced yet. */
  waitingTrips: number;
};

export type DuesRateInForce = { effectiveFrom: string; rateCents: number };

export type DuesReturn = {
  period: DuesPeriod;
  months: DuesMonth[];
  totals: DuesFigures;
  exempt: DuesExemptTrips[];
  exemptTotals: { invoicedTrips: number; waitingTrips: number };
  /** The rates in force during the period (a change within it gives two). */
  rates: DuesRateInForce[];
};

/** Every month the period touches, as YYYY-MM. */
export function monthsOf(period: DuesPeriod): string[] {
  const months: string[] = [];
  let year = Number(period.from.slice(0, 4));
  let month = Number(period.from.slice(5, 7));
  const last = period.to.slice(0, 7);
  for (;;) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    months.push(key);
    if (key >= last) return months;
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  }
}

/** The figures of a month and of the period, in the return's order (its screen, CSV and PDF). */
export const DUES_FIGURES = [
  'invoicedTrips',
  'invoicedCents',
  'voidedTrips',
  'voidedCents',
  'creditedTrips',
  'creditedCents',
  'netTrips',
  'netCents',
  'waitingTrips',
  'waitingCents',
] as const satisfies readonly (keyof DuesFigures)[];

/** The figures read from the database; the net ones are computed from them. */
type ReadFigure = Exclude<(typeof DUES_FIGURES)[number], 'netTrips' | 'netCents'>;

function emptyFigures(): DuesFigures {
  return {
    invoicedTrips: 0,
    invoicedCents: 0,
    voidedTrips: 0,
    voidedCents: 0,
    creditedTrips: 0,
    creditedCents: 0,
    netTrips: 0,
    netCents: 0,
    waitingTrips: 0,
    waitingCents: 0,
  };
}

type Row = {
  kind: 'month' | 'exempt';
  month: string | null;
  reason: DuesExemptionReason | null;
  key: number | null;
  name: string | null;
  detail: string | null;
  invoiced_trips: string;
  invoiced_cents: string;
  voided_trips: string;
  voided_cents: string;
  credited_trips: string;
  credited_cents: string;
  waiting_trips: string;
  waiting_cents: string;
};

/**
 * The service dates of the period on which a call waits to be billed (`isWaitingToBeBilled`, the
 * billing list's own test): one pass over the period's calls, so that the billing list's query
 * below reads the calls of those dates only, rather than every call of the period twice (once for
 * each process). The period's completed calls (calls_completed_number) and the invoiced ones
 * (invoice_lines_call_once) are merged in call-number order, from their indexes alone.
 */
export function waitingDatesQuery(period: DuesPeriod): SQL {
  return sql`select distinct k.service_date::text as service_date from calls k
              where ${isWaitingToBeBilled} and k.service_date between ${period.from}::date and ${period.to}::date`;
}

/**
 * The return's statement: the months' figures from the invoices, their voidings and the credit
 * notes dated in the period, and from the trips waiting to be billed on `waitingDates`; the trips
 * without dues by reason. The trips waiting are read once (a materialized CTE) for both.
 */
export function duesReturnQuery(period: DuesPeriod, waitingDates: readonly string[]): SQL {
  const { from, to } = period;
  // Every passenger trip completed by the end of the period and not invoiced, in both processes
  // (a call is billed alone or in its group, never both), with its billed client and the dues
  // generation would give it: the billing list's own query, not a copy of its rule. Its dates,
  // given as values, are said to each process's calls, read by their service date's index.
  const waitingIn = (isGrouped: boolean) =>
    billableCallsQuery(billingInput.parse({ cutoff: to, cycle: 'all', isGrouped: isGrouped ? 'on' : undefined }), 'included');
  const dates = sql`${`{${waitingDates.join(',')}}`}::date[]`;
  const voidedOn = voidedOnOf(sql`i.voided_at`);
  return sql`
      with waiting as materialized (
        select w.call_number, w.billed_client_number, w.service_date, w.dues_cents
          from (${waitingIn(false)} union all ${waitingIn(true)}) w
         where w.is_passenger and w.service_date = any(${dates}) and w.service_date >= ${from}::date
      ),
      -- The invoices issued in the period (+1), and those voided in it (-1), each on its own date,
      -- in one read of the invoices (the voided ones have no index of their own).
      documents as (
        select i.id, d.dated, d.sign, i.line_count, i.dues_trips, i.dues_cents, i.billed_client_number, i.dues_exemption
          from invoices i
          cross join lateral (values (i.issue_date, 1), (${voidedOn}, -1)) d (dated, sign)
         where (i.issue_date between ${from}::date and ${to}::date or ${voidedOn} between ${from}::date and ${to}::date)
           and d.dated between ${from}::date and ${to}::date
      ),
      credited as (
        select n.issue_date as dated, n.dues_cents,
               (select count(*) from credit_note_lines cl where cl.credit_note_id = n.id and cl.dues_cents > 0) as trips
          from credit_notes n where n.issue_date between ${from}::date and ${to}::date
      ),
      -- The rates as periods, to tell a trip without dues for want of a rate.
      rates as (select effective_from, lead(effective_from) over (order by effective_from) as until, rate_cents from dues_rates),
      -- The passenger trips without dues and why, as their invoice names it: the billed client's
      -- exemption when it names one (generation names it when any trip of the invoice carries no
      -- dues), else the tariff's, or no rate in force on the trip's date. Only the lines of an
      -- invoice whose lines do not all carry dues are read. A trip not invoiced yet: as its
      -- invoice will name it.
      exempt as (
        select coalesce(d.dues_exemption::text, case when r.rate_cents > 0 then 'tariff' else 'noRate' end) as reason,
               case when d.dues_exemption is not null then d.billed_client_number end as key,
               d.sign as invoiced, 0 as waiting
          from documents d
          join invoice_lines l on l.invoice_id = d.id and l.is_passenger and l.dues_cents = 0
          left join rates r on l.service_date >= r.effective_from and (r.until is null or l.service_date < r.until)
         where d.dues_trips < d.line_count
        union all
        select coalesce(b.dues_exemption::text, case when r.rate_cents > 0 then 'tariff' else 'noRate' end),
               case when b.dues_exemption is not null then w.billed_client_number end,
               0, 1
          from waiting w
          join clients b on b.number = w.billed_client_number
          left join rates r on w.service_date >= r.effective_from and (r.until is null or w.service_date < r.until)
         where w.dues_cents = 0
      )
      select 'month' as kind, month, null as reason, null::int as key, null as name, null as detail,
             sum(invoiced_trips)::text as invoiced_trips, sum(invoiced_cents)::text as invoiced_cents,
             sum(voided_trips)::text as voided_trips, sum(voided_cents)::text as voided_cents,
             sum(credited_trips)::text as credited_trips, sum(credited_cents)::text as credited_cents,
             sum(waiting_trips)::text as waiting_trips, sum(waiting_cents)::text as waiting_cents
        from (
          select to_char(dated, 'YYYY-MM') as month,
                 case when sign > 0 then dues_trips else 0 end as invoiced_trips, case when sign > 0 then dues_cents else 0 end as invoiced_cents,
                 case when sign < 0 then dues_trips else 0 end as voided_trips, case when sign < 0 then dues_cents else 0 end as voided_cents,
                 0 as credited_trips, 0 as credited_cents, 0 as waiting_trips, 0 as waiting_cents
            from documents
          union all
          select to_char(dated, 'YYYY-MM'), 0, 0, 0, 0, trips, dues_cents, 0, 0 from credited
          union all
          select to_char(service_date, 'YYYY-MM'), 0, 0, 0, 0, 0, 0, (dues_cents > 0)::int, dues_cents from waiting
        ) f
       group by month
      union all
      select 'exempt', null, e.reason, e.key, c.name, c.dues_exemption_detail,
             e.invoiced::text, '0', '0', '0', '0', '0', e.waiting::text, '0'
        from (select reason, key, sum(invoiced) as invoiced, sum(waiting) as waiting from exempt group by reason, key) e
        left join clients c on c.number = e.key
       where e.invoiced <> 0 or e.waiting <> 0`;
}

/**
 * The return of `period`: the dates with trips waiting, then the return's statement and the rates
 * in force, all read in one snapshot (a trip is invoiced or waiting, never both nor neither, even
 * while a run is generated or reversed).
 */
export async function duesReturn(db: Db, period: DuesPeriod): Promise<DuesReturn> {
  const { from, to } = period;
  return db.transaction(
    async (tx) => {
      // Planned as large queries, run in well under a second: compiling them (JIT) took an
      // eighth of a year's return. The dates merge the period's completed calls with the invoiced
      // ones from their two indexes, in call-number order (a fifth of a second at a million
      // calls): a hash of every invoiced call, or workers each reading that whole index again,
      // took half a second more.
      await tx.execute(sql`set local jit = off`);
      await tx.execute(sql`set local max_parallel_workers_per_gather = 0`);
      await tx.execute(sql`set local enable_hashjoin = off`);
      const dates = await queryRows<{ service_date: string }>(tx, waitingDatesQuery(period));
      await tx.execute(sql`set local enable_hashjoin to default`);
      await tx.execute(sql`set local max_parallel_workers_per_gather to default`);
      const rows = await queryRows<Row>(
        tx,
        duesReturnQuery(
          period,
          dates.map((row) => row.service_date),
        ),
      );
      const rates = await queryRows<{ effective_from: string; rate_cents: number }>(
        tx,
        sql`select effective_from::text, rate_cents from dues_rates r
             where effective_from <= ${to}::date
               and coalesce((select min(n.effective_from) from dues_rates n where n.effective_from > r.effective_from), 'infinity') > ${from}::date
             order by effective_from`,
      );
      return assemble(period, rows, rates);
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

function assemble(period: DuesPeriod, rows: Row[], rates: { effective_from: string; rate_cents: number }[]): DuesReturn {
  const byMonth = new Map(monthsOf(period).map((month) => [month, { month, ...emptyFigures() }]));
  const totals = emptyFigures();
  const exempt: DuesExemptTrips[] = [];
  for (const row of rows) {
    if (row.kind === 'exempt') {
      exempt.push({
        reason: row.reason!,
        clientNumber: row.key === null ? null : Number(row.key),
        name: row.name,
        detail: row.detail,
        invoicedTrips: Number(row.invoiced_trips),
        waitingTrips: Number(row.waiting_trips),
      });
      continue;
    }
    const month = byMonth.get(row.month!);
    if (!month) continue;
    const figures: Record<ReadFigure, number> = {
      invoicedTrips: Number(row.invoiced_trips),
      invoicedCents: Number(row.invoiced_cents),
      voidedTrips: Number(row.voided_trips),
      voidedCents: Number(row.voided_cents),
      creditedTrips: Number(row.credited_trips),
      creditedCents: Number(row.credited_cents),
      waitingTrips: Number(row.waiting_trips),
      waitingCents: Number(row.waiting_cents),
    };
    Object.assign(month, figures);
  }
  const months = [...byMonth.values()];
  for (const month of months) {
    month.netTrips = month.invoicedTrips - month.voidedTrips - month.creditedTrips;
    month.netCents = month.invoicedCents - month.voidedCents - month.creditedCents;
    for (const figure of DUES_FIGURES) totals[figure] += month[figure];
  }
  exempt.sort(
    (a, b) =>
      DUES_EXEMPTION_REASONS.indexOf(a.reason) - DUES_EXEMPTION_REASONS.indexOf(b.reason) ||
      (a.name ?? '').localeCompare(b.name ?? '', 'fr-CA') ||
      (a.clientNumber ?? 0) - (b.clientNumber ?? 0),
  );
  return {
    period,
    months,
    totals,
    exempt,
    exemptTotals: {
      invoicedTrips: exempt.reduce((sum, row) => sum + row.invoicedTrips, 0),
      waitingTrips: exempt.reduce((sum, row) => sum + row.waitingTrips, 0),
    },
    rates: rates.map((rate) => ({ effectiveFrom: rate.effective_from, rateCents: Number(rate.rate_cents) })),
  };
}
