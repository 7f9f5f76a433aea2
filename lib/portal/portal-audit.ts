/** The audit log's record of what a portal user did (a file downloaded), under its account. */
import type { Executor } from '@/db/index';
import { pgErrorOf } from '@/db/errors';
import { auditLog } from '@/db/schema';
import type { CurrentUser } from '@/lib/auth/current-user';

/** PostgreSQL's refusal of a write in a read-only transaction (a standby, a read-only connection). */
const READ_ONLY_SQL_TRANSACTION = '25006';

/**
 * A download is recorded as it is sent. A GET only reads what it answers: on a database that
 * refuses writes (a standby serving the portal), the file is still sent and the missing record is
 * said in the server's log.
 */
export async function recordPortalDownload(db: Executor, user: CurrentUser, account: number, file: string): Promise<void> {
  try {
    await db.insert(auditLog).values({
      userId: user.id,
      entity: 'portal_user',
      entityKey: user.email,
      clientNumber: account,
      field: 'portal_download',
      newValue: file,
    });
  } catch (error) {
    if (pgErrorOf(error)?.code !== READ_ONLY_SQL_TRANSACTION) throw error;
    console.error(`[portail] téléchargement non consigné (base en lecture seule) : ${user.email} ${file}`);
  }
}
