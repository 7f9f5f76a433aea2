import { sql } from 'drizzle-orm';
import type { Db, Tx } from '@/db/index';

/**
 * Runs `work` in one transaction whose changes the audit triggers attribute to `userId`
 * (the `app.user_id` setting, local to the transaction).
 */
export function withActor<T>(db: Db, userId: number, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('app.user_id', ${String(userId)}, true)`);
    return work(tx);
  });
}
