import { asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '@/db/index';
import { clients, tariffs } from '@/db/schema';

export async function listTariffs(db: Executor) {
  return db.select().from(tariffs).orderBy(asc(tariffs.code));
}

/** The tariffs a client form offers: the active ones, and the client's own even if inactive. */
export async function tariffChoices(db: Executor, currentTariffId?: number): Promise<{ id: number; label: string }[]> {
  const all = await listTariffs(db);
  return all.filter((t) => t.isActive || t.id === currentTariffId).map((t) => ({ id: t.id, label: `${t.code} — ${t.name}` }));
}

export type TariffRow = typeof tariffs.$inferSelect;

/** Every tariff with the number of clients that have it (they keep it when it is deactivated). */
export async function listTariffsWithUsage(db: Executor): Promise<(TariffRow & { clientCount: number })[]> {
  const usage = db
    .select({ tariffId: clients.tariffId, n: sql<number>`count(*)`.as('n') })
    .from(clients)
    .groupBy(clients.tariffId)
    .as('usage');
  const rows = await db
    .select({ tariff: tariffs, clientCount: sql<number>`coalesce(${usage.n}, 0)`.mapWith(Number) })
    .from(tariffs)
    .leftJoin(usage, eq(usage.tariffId, tariffs.id))
    .orderBy(asc(tariffs.code));
  return rows.map((r) => ({ ...r.tariff, clientCount: r.clientCount }));
}

export async function getTariff(db: Executor, id: number): Promise<TariffRow | null> {
  const [tariff] = await db.select().from(tariffs).where(eq(tariffs.id, id)).limit(1);
  return tariff ?? null;
}

/** A map from tariff id to code, to show `tariff_id` changes of the audit log by code. */
export async function tariffCodesById(db: Executor): Promise<Map<number, string>> {
  const rows = await db.select({ id: tariffs.id, code: tariffs.code }).from(tariffs);
  return new Map(rows.map((r) => [r.id, r.code]));
}
