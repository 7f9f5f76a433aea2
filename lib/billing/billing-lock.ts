import { sql } from 'drizzle-orm';
import type { Tx } from '@/db/index';

/**
 * The billing lock (a PostgreSQL advisory lock, per transaction). A billing run or a reversal
 * holds it exclusively; a change of a call holds it shared (also taken by the calls trigger of
 * migration 0006). Two runs never overlap, and no call changes while a run bills it.
 */
const BILLING_LOCK = 72_420_002;

export async function takeBillingLockExclusive(tx: Tx): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${BILLING_LOCK})`);
}

export async function takeBillingLockShared(tx: Tx): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock_shared(${BILLING_LOCK})`);
}

/**
 * The shared lock taken inside another statement: as an uncorrelated subquery in its WHERE
 * clause it is a one-time condition, evaluated before the statement reads or locks any row.
 */
export const billingLockSharedCondition = sql`(select pg_advisory_xact_lock_shared(${BILLING_LOCK}))`;
