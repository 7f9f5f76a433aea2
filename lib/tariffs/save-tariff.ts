/**
 * Creating and editing a tariff, each in one transaction attributed to the administrator (the
 * audit trigger records every changed field). A call stores its own price and tariff code, so
 * editing a tariff never re-prices calls already taken; deactivating one leaves it on the
 * clients that have it, and only removes it from the choices of the client form. The passenger
 * fields, which the audit trigger does not list, are audited here in the same transaction.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/index';
import { PG_UNIQUE_VIOLATION, pgErrorOf } from '@/db/errors';
import { tariffs } from '@/db/schema';
import { recordChanges, type AuditValues } from '@/lib/audit/record-changes';
import { withActor } from '@/lib/audit/with-actor';
import { AppError } from '@/lib/errors';
import type { TariffValues } from './tariff-input';

/** The database's refusal, explained; anything else is rethrown. */
function explainDatabaseRefusal(error: unknown, input: TariffValues): never {
  if (error instanceof AppError) throw error;
  const pg = pgErrorOf(error);
  if (pg?.code === PG_UNIQUE_VIOLATION && pg.constraint === 'tariffs_code_unique') {
    throw new AppError('tariff.codeTaken', { code: input.code }, { code: ['tariff.codeTaken'] });
  }
  if (pg?.constraint === 'tariffs_dues_exempt_passenger') {
    throw new AppError('tariff.duesExemptNotPassenger', {}, { isDuesExempt: ['tariff.duesExemptNotPassenger'] });
  }
  throw error;
}

type PassengerFields = Pick<typeof tariffs.$inferSelect, 'isPassenger' | 'isDuesExempt' | 'defaultBillingType'>;

/** The passenger fields a tariff's values give (those a file's line leaves out are not), as the audit log holds them. */
function passengerAuditValues(values: Partial<PassengerFields>): AuditValues {
  const audited: AuditValues = {};
  if (values.isPassenger !== undefined) audited.is_passenger = String(values.isPassenger);
  if (values.isDuesExempt !== undefined) audited.is_dues_exempt = String(values.isDuesExempt);
  if (values.defaultBillingType !== undefined) audited.default_billing_type = values.defaultBillingType;
  return audited;
}

export async function createTariff(db: Db, actorId: number, input: TariffValues): Promise<{ id: number; code: string }> {
  try {
    return await withActor(db, actorId, async (tx) => {
      const [created] = await tx.insert(tariffs).values(input).returning({ id: tariffs.id, code: tariffs.code });
      return created!;
    });
  } catch (error) {
    explainDatabaseRefusal(error, input);
  }
}

export async function updateTariff(db: Db, actorId: number, id: number, input: TariffValues): Promise<{ id: number; code: string }> {
  try {
    return await withActor(db, actorId, async (tx) => {
      const [before] = await tx
        .select({ isPassenger: tariffs.isPassenger, isDuesExempt: tariffs.isDuesExempt, defaultBillingType: tariffs.defaultBillingType })
        .from(tariffs)
        .where(eq(tariffs.id, id))
        .for('update');
      if (!before) throw new AppError('tariff.notFound');
      const [updated] = await tx
        .update(tariffs)
        .set({ ...input, updatedAt: new Date() })
        .where(eq(tariffs.id, id))
        .returning({ id: tariffs.id, code: tariffs.code });
      if (!updated) throw new AppError('tariff.notFound');
      await recordChanges(
        tx,
        actorId,
        { entity: 'tariff', entityKey: updated.code },
        passengerAuditValues(before),
        passengerAuditValues(input),
      );
      return updated;
    });
  } catch (error) {
    explainDatabaseRefusal(error, input);
  }
}
