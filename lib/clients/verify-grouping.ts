import { and, asc, eq, ne } from 'drizzle-orm';
import type { Executor } from '@/db/index';
import { clients } from '@/db/schema';
import { checkGroupedClientNumber, type GroupingVerdict } from './grouping';
import { listMembersAfter } from './membership';

/** The members of a head, other than the head itself, by number. */
export async function listMemberNumbers(db: Executor, headNumber: number): Promise<number[]> {
  const rows = await db
    .select({ number: clients.number })
    .from(clients)
    .where(and(eq(clients.groupedClientNumber, headNumber), ne(clients.number, headNumber)))
    .orderBy(asc(clients.number));
  return rows.map((r) => r.number);
}

/**
 * Checks the value of client C's "No. client regroupé" against the database as it is now. With
 * the date the change takes effect, a head is held by the members it still has after that date
 * (G2, dated); without one, by its current members.
 */
export async function verifyGrouping(
  db: Executor,
  clientNumber: number,
  value: number | null,
  effectiveDate?: string,
): Promise<GroupingVerdict> {
  const [target] =
    value === null || value === clientNumber
      ? []
      : await db
          .select({
            number: clients.number,
            name: clients.name,
            groupedClientNumber: clients.groupedClientNumber,
            isActive: clients.isActive,
          })
          .from(clients)
          .where(eq(clients.number, value))
          .limit(1);
  const currentMembers =
    effectiveDate === undefined ? await listMemberNumbers(db, clientNumber) : await listMembersAfter(db, clientNumber, effectiveDate);
  return checkGroupedClientNumber({ clientNumber, value, target: target ?? null, currentMembers });
}
