/**
 * Creating and editing a tariff, each in one transaction attributed to the administrator (the
 * audit trigger records every changed field). A call stores its own price and tariff code, so
 * editing a tariff never re-prices calls already taken; deactivating one leaves it on the
 * clients that have it, and only removes it from the choices of the client form.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/index';
import { PG_UNIQUE_VIOLATION, pgErrorOf } from '@/db/errors';
import { tariffs } from '@/db/schema';
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
      const [updated] = await tx
        .update(tariffs)
        .set({ ...input, updatedAt: new Date() })
        .where(eq(tariffs.id, id))
        .returning({ id: tariffs.id, code: tariffs.code });
      if (!updated) throw new AppError('tariff.notFound');
      return updated;
    });
  } catch (error) {
    explainDatabaseRefusal(error, input);
  }
}
