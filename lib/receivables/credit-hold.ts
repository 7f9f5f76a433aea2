/**
 * Credit hold (docs/business-rules.md, Credit hold), read from the ledger at the moment it is
 * asked, never from a flag to keep up to date. It is evaluated on the billed client: a member
 * of a group is held when its head is. An account is held when an administrator suspended it
 * (always refused at call taking), or, under the policy "avertir" or "bloquer", when what it
 * owes is above its credit limit or an invoice is more days past due than its threshold.
 */
import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '@/db/index';

export type CreditPolicy = 'none' | 'warn' | 'block';

export type HoldReason =
  | { kind: 'suspended'; reason: string }
  | { kind: 'overLimit'; balanceCents: number; limitCents: number }
  | { kind: 'pastDue'; days: number; threshold: number };

export type CreditHold = {
  billedClientNumber: number;
  billedClientName: string;
  policy: CreditPolicy;
  /** What call taking does: nothing, a warning, or a refusal an administrator may override. */
  effect: 'none' | 'warn' | 'block';
  reasons: HoldReason[];
  balanceCents: number;
  oldestDaysPastDue: number;
};

/** The hold of the account billed for `clientNumber` (its head for a member), as of `today`; null for an unknown client. */
export async function creditHoldOf(db: Executor, clientNumber: number, today: string): Promise<CreditHold | null> {
  const [row] = await queryRows<{
    number: number;
    name: string;
    credit_policy: CreditPolicy;
    credit_limit_cents: string | number | null;
    hold_after_days_past_due: number | null;
    suspension_reason: string | null;
    open_cents: string | number;
    credit_cents: string | number;
    oldest_days: number | null;
  }>(
    db,
    sql`
      with billed as (
        select b.* from clients c join clients b on b.number = case when c.grouped_client_number is null then c.number else c.grouped_client_number end
         where c.number = ${clientNumber})
      select b.number, b.name, b.credit_policy, b.credit_limit_cents, b.hold_after_days_past_due, b.suspension_reason,
             (select coalesce(sum(total_cents - credited_cents - paid_cents), 0)::int8 from invoices
               where billed_client_number = b.number and status = 'issued' and credited_cents + paid_cents < total_cents) as open_cents,
             (select coalesce(sum(amount_cents - applied_cents), 0)::int8 from payments
               where billed_client_number = b.number and status = 'posted') as credit_cents,
             (select max(${today}::date - due_date) from invoices
               where billed_client_number = b.number and status = 'issued' and credited_cents + paid_cents < total_cents) as oldest_days
        from billed b`,
  );
  if (!row) return null;
  const balanceCents = Number(row.open_cents) - Number(row.credit_cents);
  const oldestDaysPastDue = Math.max(0, Number(row.oldest_days ?? 0));
  const reasons: HoldReason[] = [];
  if (row.suspension_reason) reasons.push({ kind: 'suspended', reason: row.suspension_reason });
  if (row.credit_policy !== 'none') {
    const limit = row.credit_limit_cents === null ? null : Number(row.credit_limit_cents);
    if (limit !== null && balanceCents > limit) reasons.push({ kind: 'overLimit', balanceCents, limitCents: limit });
    const threshold = row.hold_after_days_past_due;
    if (threshold !== null && oldestDaysPastDue > threshold) reasons.push({ kind: 'pastDue', days: oldestDaysPastDue, threshold });
  }
  const effect = row.suspension_reason ? 'block' : reasons.length > 0 ? (row.credit_policy as 'warn' | 'block') : 'none';
  return {
    billedClientNumber: Number(row.number),
    billedClientName: row.name,
    policy: row.credit_policy,
    effect,
    reasons,
    balanceCents,
    oldestDaysPastDue,
  };
}

/** The reasons of a hold in a few words, for the record of a call let through ("suspended, overLimit"). */
export function holdReasonCodes(hold: CreditHold): string {
  return hold.reasons.map((reason) => reason.kind).join(', ');
}
