import type { Tx } from '@/db/index';
import { auditLog } from '@/db/schema';
import type { AuditEntity } from './find-audit';

/** A field's value as the audit triggers store it: the column's JSON text ("true", "2026-01-01", "90"), null when empty. */
export type AuditValues = Record<string, string | null>;

/**
 * Audit rows, one per field whose value differs between `before` and `after` (the fields of
 * `after`), attributed to `actorId`, for what no audit trigger covers (a dues rate, which the
 * settings record as one field), written by the application in the triggers' shape, in the
 * transaction of the change.
 */
export async function recordChanges(
  tx: Tx,
  actorId: number,
  target: { entity: AuditEntity; entityKey: string; clientNumber?: number | null },
  before: AuditValues,
  after: AuditValues,
): Promise<void> {
  const rows = Object.keys(after)
    .filter((field) => (before[field] ?? null) !== (after[field] ?? null))
    .map((field) => ({
      userId: actorId,
      entity: target.entity,
      entityKey: target.entityKey,
      clientNumber: target.clientNumber ?? null,
      field,
      oldValue: before[field] ?? null,
      newValue: after[field] ?? null,
    }));
  if (rows.length > 0) await tx.insert(auditLog).values(rows);
}
