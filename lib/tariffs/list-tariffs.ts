import { asc } from 'drizzle-orm';
import type { Executor } from '@/db/index';
import { tariffs } from '@/db/schema';

export async function listTariffs(db: Executor) {
  return db.select().from(tariffs).orderBy(asc(tariffs.code));
}

/** The tariffs a client form offers: the active ones, and the client's own even if inactive. */
export async function tariffChoices(db: Executor, currentTariffId?: number): Promise<{ id: number; label: string }[]> {
  const all = await listTariffs(db);
  return all.filter((t) => t.isActive || t.id === currentTariffId).map((t) => ({ id: t.id, label: `${t.code} — ${t.name}` }));
}
