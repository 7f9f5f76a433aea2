/**
 * Dated group membership (docs/business-rules.md, Dated group membership). A change of a
 * client's "No. client regroupé" takes effect on a date ("En vigueur le"): the database turns
 * it into memberships (migration 0017) and holds their rules; this module gives the date to the
 * transaction, explains the limits before writing, and translates the database's refusals.
 */
import { sql } from 'drizzle-orm';
import { pgErrorOf } from '@/db/errors';
import { queryRows, type Executor, type Tx } from '@/db/index';
import { takeBillingLockShared } from '@/lib/billing/billing-lock';
import { addDays } from '@/lib/dates/montreal';
import { AppError, type ErrorCode } from '@/lib/errors';
import { formatMemberList } from './grouping';

/** Raised by clients_sync_membership and group_memberships_guard (migration 0017). */
const RG_BEFORE_INVOICED = 'RG003';
const RG_BEFORE_LAST_CHANGE = 'RG004';
const RG_HEAD_NOT_YET = 'RG005';
const RG_MEMBERS_AFTER_DATE = 'RG006';

/**
 * A change of group takes the billing lock, shared, as its first lock: the membership trigger
 * takes it too, but only once the client's row is locked, and a billing run holding the lock
 * would then wait for that row (a deadlock). Taken first, the change simply waits for the run.
 */
export async function takeMembershipLock(tx: Tx): Promise<void> {
  await takeBillingLockShared(tx);
}

/** The date the changes of grouped numbers in this transaction take effect on. */
export async function setMembershipDate(tx: Tx, effectiveDate: string): Promise<void> {
  await tx.execute(sql`select set_config('app.membership_date', ${effectiveDate}, true)`);
}

/** What bounds the date of a change of client C's group (each null when it does not apply). */
export type MembershipLimits = {
  /** Service date of C's last call on a non-void invoice. */
  lastInvoiced: string | null;
  /** Date of C's last change of group (start or end of a membership). */
  lastChange: string | null;
};

export async function readMembershipLimits(db: Executor, clientNumbers: readonly number[]): Promise<Map<number, MembershipLimits>> {
  const rows = await queryRows<{ number: number; last_invoiced: string | null; last_change: string | null }>(
    db,
    sql`select n.number, last_invoiced_service_date(n.number)::text as last_invoiced,
               (select max(greatest(m.valid_from, m.valid_to)) from group_memberships m where m.client_number = n.number)::text as last_change
          from unnest(${sql.param(clientNumbers)}::int[]) as n(number)`,
  );
  return new Map(
    rows.map((r) => [r.number, { lastInvoiced: r.last_invoiced, lastChange: r.last_change === '-infinity' ? null : r.last_change }]),
  );
}

/** The day a head's current period as a head began ('-infinity' from its creation), or null when it is not a head. */
export async function readHeadSince(db: Executor, headNumber: number): Promise<string | null> {
  const [row] = await queryRows<{ valid_from: string }>(
    db,
    sql`select valid_from::text from group_memberships where client_number = ${headNumber} and head_number = ${headNumber} and valid_to is null`,
  );
  return row?.valid_from ?? null;
}

export type DateVerdict = { ok: true } | { ok: false; code: ErrorCode; params: Record<string, string | number> };

/**
 * Whether a change of client C's group may take effect on `effective`: not after today (the
 * field shows today's membership), not before the day after C's last invoiced call (issued
 * invoices never change), not before C's last change, and not before its new head is a head.
 */
export function checkEffectiveDate(args: {
  clientNumber: number;
  effective: string;
  today: string;
  limits: MembershipLimits;
  /** The new head (other than C) and the day its current period as a head began. */
  head?: { number: number; since: string | null };
}): DateVerdict {
  const { clientNumber, effective, today, limits, head } = args;
  const headSince = head && head.since !== null && head.since !== '-infinity' ? head.since : null;
  if (effective > today) return { ok: false, code: 'membership.afterToday', params: { today } };
  if (limits.lastInvoiced !== null && effective <= limits.lastInvoiced) {
    // The earliest date that passes every limit, not only this one (ISO dates compare as text).
    const earliest = [addDays(limits.lastInvoiced, 1), limits.lastChange ?? '', headSince ?? ''].sort().at(-1)!;
    return { ok: false, code: 'membership.beforeInvoiced', params: { client: clientNumber, last: limits.lastInvoiced, earliest } };
  }
  if (limits.lastChange !== null && effective < limits.lastChange) {
    return { ok: false, code: 'membership.beforeLastChange', params: { client: clientNumber, date: limits.lastChange } };
  }
  if (head && headSince !== null && effective < headSince) {
    return { ok: false, code: 'membership.headNotYet', params: { head: head.number, date: headSince } };
  }
  return { ok: true };
}

/** The members of head H whose membership goes on after `effective` (H cannot stop being a head then). */
export async function listMembersAfter(db: Executor, headNumber: number, effective: string): Promise<number[]> {
  const rows = await queryRows<{ client_number: number }>(
    db,
    sql`select distinct client_number from group_memberships
         where head_number = ${headNumber} and client_number <> ${headNumber}
           and (valid_to is null or valid_to > ${effective}::date)
         order by client_number`,
  );
  return rows.map((r) => r.client_number);
}

/** A refusal of the membership rules by the database, explained; null for any other error. */
export function explainMembershipRefusal(error: unknown, clientNumber: number, effective: string): AppError | null {
  const pg = pgErrorOf(error);
  const field = { groupedClientNumber: [] as ErrorCode[] };
  const refusal = (code: ErrorCode, params: Record<string, string | number>) =>
    new AppError(code, params, { ...field, groupedClientNumber: [code] });
  switch (pg?.code) {
    case RG_BEFORE_INVOICED: {
      const last = pg.detail ?? '';
      return refusal('membership.beforeInvoiced', { client: clientNumber, last, earliest: last ? addDays(last, 1) : '' });
    }
    case RG_BEFORE_LAST_CHANGE:
      return refusal('membership.beforeLastChange', { client: clientNumber, date: pg.detail ?? '' });
    case RG_HEAD_NOT_YET: {
      const [head = '', date = ''] = (pg.detail ?? '').split(';');
      return refusal('membership.headNotYet', { head, date });
    }
    case RG_MEMBERS_AFTER_DATE: {
      const members = (pg.detail ?? '').split(', ').filter(Boolean).map(Number);
      return refusal('membership.membersAfter', { client: clientNumber, date: effective, members: formatMemberList(members) });
    }
    default:
      return null;
  }
}

export type MembershipPeriod = {
  id: number;
  headNumber: number;
  headName: string;
  /** null: from the client's creation. */
  validFrom: string | null;
  /** null: open-ended. */
  validTo: string | null;
  createdBy: string | null;
  createdAt: Date;
  endedBy: string | null;
  endedAt: Date | null;
};

/** A client's memberships, the latest first: its history on the client page. */
export async function findMembershipHistory(db: Executor, clientNumber: number): Promise<MembershipPeriod[]> {
  const rows = await queryRows<{
    id: number;
    head_number: number;
    head_name: string;
    valid_from: string;
    valid_to: string | null;
    created_by: string | null;
    created_at: Date | string;
    ended_by: string | null;
    ended_at: Date | string | null;
  }>(
    db,
    sql`select m.id, m.head_number, h.name as head_name, m.valid_from::text, m.valid_to::text,
               cu.name as created_by, m.created_at, eu.name as ended_by, m.ended_at
          from group_memberships m
          join clients h on h.number = m.head_number
          left join users cu on cu.id = m.created_by
          left join users eu on eu.id = m.ended_by
         where m.client_number = ${clientNumber}
         order by m.valid_from desc`,
  );
  return rows.map((r) => ({
    id: r.id,
    headNumber: r.head_number,
    headName: r.head_name,
    validFrom: r.valid_from === '-infinity' ? null : r.valid_from,
    validTo: r.valid_to,
    createdBy: r.created_by,
    createdAt: new Date(r.created_at),
    endedBy: r.ended_by,
    endedAt: r.ended_at === null ? null : new Date(r.ended_at),
  }));
}
