/**
 * The accounts of the company's books the accounting export writes to (docs/business-rules.md,
 * Accounting export): one row, set by an administrator, its changes in the audit log.
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, Executor } from '@/db/index';
import { accountingSettings } from '@/db/schema';
import { withActor } from '@/lib/audit/with-actor';

export const ACCOUNT_ROLES = ['receivablesAccount', 'salesAccount', 'gstAccount', 'qstAccount', 'duesAccount', 'bankAccount'] as const;
export type AccountRole = (typeof ACCOUNT_ROLES)[number];
export type AccountMapping = Record<AccountRole, string>;

/** An account number or name as the books know it: one line of plain text (QuickBooks imports by name). */
const account = z
  .string({ error: 'required' })
  .trim()
  .min(1, { error: 'required' })
  .max(100, { error: 'invalid' })
  .refine((text) => !/[\u0000-\u001f\u007f"]/.test(text), { error: 'accounting.accountText' });

export const accountMappingInput = z.object({
  receivablesAccount: account,
  salesAccount: account,
  gstAccount: account,
  qstAccount: account,
  duesAccount: account,
  bankAccount: account,
});

export async function getAccountMapping(db: Executor): Promise<AccountMapping> {
  const [row] = await db.select().from(accountingSettings).where(eq(accountingSettings.id, 1));
  // The row is written by the migration; never absent on a migrated database.
  if (!row) throw new Error('accounting_settings has no row: the database is not migrated');
  return {
    receivablesAccount: row.receivablesAccount,
    salesAccount: row.salesAccount,
    gstAccount: row.gstAccount,
    qstAccount: row.qstAccount,
    duesAccount: row.duesAccount,
    bankAccount: row.bankAccount,
  };
}

export async function saveAccountMapping(db: Db, actorId: number, input: AccountMapping): Promise<void> {
  await withActor(db, actorId, async (tx) => {
    await tx
      .update(accountingSettings)
      .set({ ...input, updatedBy: actorId, updatedAt: new Date() })
      .where(eq(accountingSettings.id, 1));
  });
}
