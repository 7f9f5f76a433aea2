/** Dates of the business are Montréal dates (America/Toronto), whatever the server's zone. */
export const BUSINESS_TIME_ZONE = 'America/Toronto';

const isoDate = new Intl.DateTimeFormat('en-CA', { timeZone: BUSINESS_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The Montréal calendar date of an instant, as YYYY-MM-DD. */
export function toMontrealDate(instant: Date): string {
  return isoDate.format(instant);
}

export function todayInMontreal(now: Date = new Date()): string {
  return toMontrealDate(now);
}

/** Adds days to a YYYY-MM-DD date (calendar arithmetic, no time zone involved). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const parts = new Intl.DateTimeFormat('en-US', {
  timeZone: BUSINESS_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

function offsetMinutesAt(instant: Date): number {
  const p = Object.fromEntries(parts.formatToParts(instant).map((x) => [x.type, x.value]));
  const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return (asUtc - instant.getTime()) / 60_000;
}

/** The instant of a Montréal wall-clock date and time ("2026-10-03", "14:30"). */
export function montrealDateTime(date: string, time: string): Date {
  const wall = Date.parse(`${date}T${time}:00Z`);
  if (Number.isNaN(wall)) throw new RangeError(`not a date and time: ${date} ${time}`);
  // First guess with the offset at that wall time read as UTC, then correct once for DST edges.
  let instant = new Date(wall - offsetMinutesAt(new Date(wall)) * 60_000);
  instant = new Date(wall - offsetMinutesAt(instant) * 60_000);
  return instant;
}
