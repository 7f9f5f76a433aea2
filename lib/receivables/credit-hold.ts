/**
 * Credit hold (docs/business-rules.md, Credit hold), read from the ledger at the moment it is
 * asked, never from a flag to keep up to date. It is evaluated on the account that will be
 * billed: for a member, the head of the group it belongs to on the call's service date. An
 * account is held when an administrator suspended it (always refused at call taking), or, under
 * the policy "avertir" or "bloquer", when what it owes is above its credit limit or an invoice
 * is more days past due than its threshold. A member's own suspension and its own invoices from
 * before it joined still hold it, the latter under its head's policy and threshold: its own
 * limit and policy do not apply while it is grouped.
 */
import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '@/db/index';
import { membershipOnServiceDate } from '@/lib/groups/membership-on-date';

export type CreditPolicy = 'none' | 'warn' | 'block';

/** Why an account is held; `clientNumber` is the account the fact is about (a member's own, or the billed account). */
export type HoldReason =
  | { kind: 'suspended'; clientNumber: number; reason: string }
  | { kind: 'overLimit'; clientNumber: number; balanceCents: number; limitCents: number }
  | { kind: 'pastDue'; clientNumber: number; days: number; threshold: number };

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

type AccountRow = {
  billed_number: number;
  number: number;
  name: string;
  credit_policy: CreditPolicy;
  credit_limit_cents: string | number | null;
  hold_after_days_past_due: number | null;
  suspension_reason: string | null;
  open_cents: string | number;
  credit_cents: string | number;
  oldest_days: number | null;
};

/**
 * The hold of the account billed for a call of `clientNumber` on `serviceDate` (by default
 * `today`: the account billed today), as of `today`; null for an unknown client.
 */
export async function creditHoldOf(
  db: Executor,
  clientNumber: number,
  today: string,
  serviceDate: string = today,
): Promise<CreditHold | null> {
  // One row for the billed account, and one more for the client itself when it is a member.
  const rows = await queryRows<AccountRow>(
    db,
    sql`
      with asked as (
        select k.client_number as number, coalesce(m.head_number, k.client_number) as billed_number
          from (select number as client_number, ${serviceDate}::date as service_date from clients where number = ${clientNumber}) k
          ${membershipOnServiceDate()})
      select a.billed_number, x.number, x.name, x.credit_policy, x.credit_limit_cents, x.hold_after_days_past_due, x.suspension_reason,
             (select coalesce(sum(total_cents - credited_cents - paid_cents), 0)::int8 from invoices
               where billed_client_number = x.number and status = 'issued' and credited_cents + paid_cents < total_cents) as open_cents,
             (select coalesce(sum(amount_cents - applied_cents), 0)::int8 from payments
               where billed_client_number = x.number and status = 'posted') as credit_cents,
             (select max(${today}::date - due_date) from invoices
               where billed_client_number = x.number and status = 'issued' and credited_cents + paid_cents < total_cents) as oldest_days
        from asked a join clients x on x.number in (a.billed_number, a.number)`,
  );
  const billed = rows.find((row) => Number(row.number) === Number(row.billed_number));
  if (!billed) return null;
  // The billed account first, then the member's own (its suspension, its invoices of before it joined).
  const accounts = [billed, ...rows.filter((row) => row !== billed)];
  const daysPastDue = (account: AccountRow) => Math.max(0, Number(account.oldest_days ?? 0));
  const balanceCents = Number(billed.open_cents) - Number(billed.credit_cents);
  const threshold = billed.hold_after_days_past_due;
  const reasons: HoldReason[] = [];
  for (const account of accounts) {
    if (account.suspension_reason)
      reasons.push({ kind: 'suspended', clientNumber: Number(account.number), reason: account.suspension_reason });
  }
  if (billed.credit_policy !== 'none') {
    const limit = billed.credit_limit_cents === null ? null : Number(billed.credit_limit_cents);
    if (limit !== null && balanceCents > limit)
      reasons.push({ kind: 'overLimit', clientNumber: Number(billed.number), balanceCents, limitCents: limit });
    for (const account of accounts) {
      const days = daysPastDue(account);
      if (threshold !== null && days > threshold) reasons.push({ kind: 'pastDue', clientNumber: Number(account.number), days, threshold });
    }
  }
  const isSuspended = reasons.some((reason) => reason.kind === 'suspended');
  const effect = isSuspended ? 'block' : reasons.length > 0 ? (billed.credit_policy as 'warn' | 'block') : 'none';
  return {
    billedClientNumber: Number(billed.number),
    billedClientName: billed.name,
    policy: billed.credit_policy,
    effect,
    reasons,
    balanceCents,
    oldestDaysPastDue: daysPastDue(billed),
  };
}

/** The reasons of a hold in a few words, for the record of a call let through ("suspended, overLimit"). */
export function holdReasonCodes(hold: CreditHold): string {
  return hold.reasons
    .map((reason) => (reason.clientNumber === hold.billedClientNumber ? reason.kind : `${reason.kind} (${reason.clientNumber})`))
    .join(', ');
}
