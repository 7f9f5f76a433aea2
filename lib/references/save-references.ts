/**
 * An administrator adds, changes or removes a client's required reference, in one transaction
 * attributed to them (the audit trigger of migration 0031 records each change under the client).
 * A label already defined for the client (whatever its case) is changed rather than added. The
 * calls not invoiced yet under the rules are then reviewed again (a reference missing, or no longer).
 */
import { and, eq, sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/db/index';
import { PG_FOREIGN_KEY_VIOLATION, pgErrorOf } from '@/db/errors';
import { clientReferences } from '@/db/schema';
import { withActor } from '@/lib/audit/with-actor';
import { AppError } from '@/lib/errors';
import { refreshReviewFlags } from '@/lib/review/review-flags';
import type { ReferenceRuleInput, RemoveReferenceInput, SubtotalReferenceInput } from './reference-input';

/**
 * The calls not invoiced yet of `clientNumber` and of the members of its group (on their service
 * dates): their reasons to be reviewed before billing follow the client's references.
 */
function callsUnderRules(clientNumber: number) {
  return sql`array(select k.number from calls k
                    where k.status = 'completed'
                      and not exists (select 1 from invoice_lines l where l.call_number = k.number and not l.is_void)
                      and (k.client_number = ${clientNumber}
                           or exists (select 1 from group_memberships m
                                       where m.client_number = k.client_number and m.head_number = ${clientNumber}
                                         and m.valid_from <= k.service_date and (m.valid_to is null or k.service_date < m.valid_to))))`;
}

export async function saveReferenceRule(db: Db, actorId: number, input: ReferenceRuleInput): Promise<{ label: string }> {
  try {
    return await withActor(db, actorId, async (tx) => {
      const [saved] = await queryRows<{ label: string }>(
        tx,
        sql`insert into client_references (client_number, label, format, example, allowed_values, required_from)
            values (${input.clientNumber}, ${input.label}, ${input.format}, ${input.example}, ${sql.param(input.allowedValues)}::text[], ${input.requiredFrom}::date)
            on conflict (client_number, lower(label)) do update
               set label = excluded.label, format = excluded.format, example = excluded.example,
                   allowed_values = excluded.allowed_values, required_from = excluded.required_from, updated_at = now()
            returning label`,
      );
      await refreshReviewFlags(tx, callsUnderRules(input.clientNumber), false);
      return saved!;
    });
  } catch (error) {
    const pg = pgErrorOf(error);
    if (pg?.code === PG_FOREIGN_KEY_VIOLATION) throw new AppError('client.notFound', { number: input.clientNumber });
    throw error;
  }
}

export async function removeReferenceRule(db: Db, actorId: number, input: RemoveReferenceInput): Promise<{ label: string }> {
  return withActor(db, actorId, async (tx) => {
    const [removed] = await tx
      .delete(clientReferences)
      .where(and(eq(clientReferences.id, input.id), eq(clientReferences.clientNumber, input.clientNumber)))
      .returning({ label: clientReferences.label });
    if (!removed) throw new AppError('reference.notFound');
    await refreshReviewFlags(tx, callsUnderRules(input.clientNumber), false);
    return removed;
  });
}

/**
 * `Sous-totaux par`: the reference by which the invoices billed to the client are subtotalled
 * inside each member block (or none). The invoices generated from then on keep its label.
 */
export async function setSubtotalReference(db: Db, actorId: number, input: SubtotalReferenceInput): Promise<{ label: string | null }> {
  return withActor(db, actorId, async (tx) => {
    // Two statements: the index of one choice per client is checked row by row.
    await tx
      .update(clientReferences)
      .set({ isSubtotal: false, updatedAt: sql`now()` })
      .where(and(eq(clientReferences.clientNumber, input.clientNumber), eq(clientReferences.isSubtotal, true)));
    if (input.id === null) return { label: null };
    const [chosen] = await tx
      .update(clientReferences)
      .set({ isSubtotal: true, updatedAt: sql`now()` })
      .where(and(eq(clientReferences.id, input.id), eq(clientReferences.clientNumber, input.clientNumber)))
      .returning({ label: clientReferences.label });
    if (!chosen) throw new AppError('reference.notFound');
    return chosen;
  });
}
