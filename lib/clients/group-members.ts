/** A head's members: listing them with what they have left to bill, adding several, removing one. */
import { and, eq, isNull, ne, or, sql } from 'drizzle-orm';
import { inIds } from '@/db/id-list';
import type { Db, Executor } from '@/db/index';
import { PG_FOREIGN_KEY_VIOLATION, RG_INACTIVE_HEAD, pgErrorOf } from '@/db/errors';
import { clients } from '@/db/schema';
import { queryRows } from '@/db/index';
import { withActor } from '@/lib/audit/with-actor';
import { AppError } from '@/lib/errors';
import { listMemberNumbers } from './verify-grouping';
import { isWaitingToBeBilled } from '@/lib/billing/billable-calls';
import { membershipOnServiceDate } from '@/lib/groups/membership-on-date';
import { todayInMontreal } from '@/lib/dates/montreal';
import {
  checkEffectiveDate,
  explainMembershipRefusal,
  readHeadSince,
  readMembershipLimits,
  setMembershipDate,
  takeMembershipLock,
} from './membership';

export type GroupMemberRow = {
  number: number;
  name: string;
  tariffCode: string;
  isHead: boolean;
  isActive: boolean;
  /** No longer in the group today, with calls of its time in the group still to bill. */
  isFormer: boolean;
  unbilledCalls: number;
  unbilledCents: number;
};

/**
 * The head and its members (today's, and former ones with calls still to bill on it) with their
 * completed calls not yet on a non-void invoice that are billed on this head by the membership
 * in force on their service date: what the next grouped invoices of this head would hold.
 */
export async function listGroupMembers(db: Executor, headNumber: number): Promise<GroupMemberRow[]> {
  const rows = await queryRows<{
    number: number;
    name: string;
    tariff_code: string;
    is_active: boolean;
    is_member: boolean;
    unbilled_calls: string | number;
    unbilled_cents: string | number;
  }>(
    db,
    sql`
      select c.number, c.name, t.code as tariff_code, c.is_active,
             coalesce(c.grouped_client_number = ${headNumber}, false) as is_member,
             count(k.number) as unbilled_calls, coalesce(sum(k.price_cents), 0) as unbilled_cents
        from clients c
        join tariffs t on t.id = c.tariff_id
        left join (calls k ${membershipOnServiceDate('join')})
          on k.client_number = c.number
         and m.head_number = ${headNumber}
         and ${isWaitingToBeBilled}
       where c.grouped_client_number = ${headNumber}
          or c.number in (select client_number from group_memberships where head_number = ${headNumber})
       group by c.number, c.name, t.code, c.is_active, c.grouped_client_number
      having coalesce(c.grouped_client_number = ${headNumber}, false) or count(k.number) > 0
       order by (c.number <> ${headNumber}), not coalesce(c.grouped_client_number = ${headNumber}, false), c.number`,
  );
  return rows.map((r) => ({
    number: r.number,
    name: r.name,
    tariffCode: r.tariff_code,
    isHead: r.number === headNumber,
    isActive: r.is_active,
    isFormer: !r.is_member,
    unbilledCalls: Number(r.unbilled_calls),
    unbilledCents: Number(r.unbilled_cents),
  }));
}

/** "50002, 50003 50004" → [50002, 50003, 50004]; null when the text holds anything else. */
export function parseClientNumberList(text: string): number[] | null {
  const parts = text.split(/[\s,;]+/).filter(Boolean);
  if (parts.length === 0 || parts.length > 500 || parts.some((p) => !/^\d{1,8}$/.test(p))) return null;
  return [...new Set(parts.map(Number))];
}

/**
 * Adds several existing clients to a head's group in one statement, from `effectiveDate` on.
 * Each must exist, belong to no group, or be a head without members of its own, and the date
 * must be within each one's limits (membership.ts). All or nothing: the reasons are listed.
 */
export async function addGroupMembers(
  db: Db,
  actorId: number,
  headNumber: number,
  numbers: number[],
  effectiveDate: string = todayInMontreal(),
): Promise<{ added: number }> {
  try {
    return await withActor(db, actorId, async (tx) => {
      await takeMembershipLock(tx);
      const [head] = await tx
        .select({ grouped: clients.groupedClientNumber, isActive: clients.isActive })
        .from(clients)
        .where(eq(clients.number, headNumber))
        .for('share');
      if (!head || head.grouped !== headNumber) throw new AppError('members.notHead', { head: headNumber });
      if (!head.isActive) throw new AppError('grouped.inactiveHead', { target: headNumber });
      const headSince = await readHeadSince(tx, headNumber);

      const candidates = numbers.filter((n) => n !== headNumber);
      const found = await tx
        .select({ number: clients.number, grouped: clients.groupedClientNumber })
        .from(clients)
        .where(inIds(clients.number, candidates))
        .for('update');
      const byNumber = new Map(found.map((c) => [c.number, c]));
      const problems: AppError['details'] = [];
      for (const number of candidates) {
        const candidate = byNumber.get(number);
        if (!candidate) problems.push({ code: 'members.unknown', params: { number } });
        else if (candidate.grouped !== null && candidate.grouped !== number)
          problems.push({ code: 'members.alreadyGrouped', params: { number, head: candidate.grouped } });
        else if (candidate.grouped === number && (await listMemberNumbers(tx, number)).length > 0) {
          problems.push({ code: 'members.isHeadWithMembers', params: { number } });
        }
      }
      const limits = await readMembershipLimits(tx, candidates);
      for (const number of candidates) {
        if (!byNumber.has(number)) continue;
        const verdict = checkEffectiveDate({
          clientNumber: number,
          effective: effectiveDate,
          today: todayInMontreal(),
          limits: limits.get(number)!,
          head: { number: headNumber, since: headSince },
        });
        if (!verdict.ok) problems.push({ code: verdict.code, params: verdict.params });
      }
      if (problems.length > 0) throw new AppError('members.cannotAdd', { problems: '' }, {}, problems);
      await setMembershipDate(tx, effectiveDate);

      const updated = await tx
        .update(clients)
        .set({ groupedClientNumber: headNumber, updatedAt: new Date() })
        .where(
          and(inIds(clients.number, candidates), or(isNull(clients.groupedClientNumber), eq(clients.groupedClientNumber, clients.number))),
        )
        .returning({ number: clients.number });
      return { added: updated.length };
    });
  } catch (error) {
    if (error instanceof AppError) throw error;
    const membershipRefusal = explainMembershipRefusal(error, headNumber, effectiveDate);
    if (membershipRefusal) throw membershipRefusal;
    const pg = pgErrorOf(error);
    if (pg?.code === RG_INACTIVE_HEAD) throw new AppError('grouped.inactiveHead', { target: headNumber });
    if (pg?.code === PG_FOREIGN_KEY_VIOLATION) throw new AppError('grouped.conflict');
    throw error;
  }
}

/** Takes one member out of a head's group from `effectiveDate` on: its calls from then on are billed on their own. */
export async function removeGroupMember(
  db: Db,
  actorId: number,
  headNumber: number,
  memberNumber: number,
  effectiveDate: string = todayInMontreal(),
): Promise<void> {
  try {
    await withActor(db, actorId, async (tx) => {
      await takeMembershipLock(tx);
      const limits = (await readMembershipLimits(tx, [memberNumber])).get(memberNumber)!;
      const verdict = checkEffectiveDate({ clientNumber: memberNumber, effective: effectiveDate, today: todayInMontreal(), limits });
      if (!verdict.ok) throw new AppError(verdict.code, verdict.params, { effectiveDate: [verdict.code] });
      await setMembershipDate(tx, effectiveDate);
      const removed = await tx
        .update(clients)
        .set({ groupedClientNumber: null, updatedAt: new Date() })
        .where(and(eq(clients.number, memberNumber), eq(clients.groupedClientNumber, headNumber), ne(clients.number, headNumber)))
        .returning({ number: clients.number });
      if (removed.length === 0) throw new AppError('members.notMember', { number: memberNumber });
    });
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw explainMembershipRefusal(error, memberNumber, effectiveDate) ?? error;
  }
}
