/**
 * The administrator keeps the municipalities' list (docs/business-rules.md, Municipalities): adds
 * one, renames one, merges a variant into another. The list only grows: a municipality is never
 * removed, since calls name it. A variant merged into another keeps its row and its calls, even
 * those already billed (which never change), and counts as the other from then on: a name typed
 * later that folds to the variant's stands for the other (find-municipalities.ts), and the
 * reports count its calls under the other. Each change is in the audit log (entity "settings",
 * the list being the company's own, fields municipality, municipality_name and
 * municipality_merged_into), written in the same transaction.
 */
import { eq, inArray, or, sql } from 'drizzle-orm';
import type { Db, Tx } from '@/db/index';
import { queryRows } from '@/db/index';
import { PG_UNIQUE_VIOLATION, pgErrorOf } from '@/db/errors';
import { auditLog, municipalities } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { foldedMunicipalityName, type Municipality } from './find-municipalities';
import type { AddMunicipalityInput, MergeMunicipalityInput, RenameMunicipalityInput } from './municipality-input';

type Audited = { field: 'municipality' | 'municipality_name' | 'municipality_merged_into'; key: number; from: string | null; to: string };

function audit(tx: Tx, actorId: number, { field, key, from, to }: Audited) {
  return tx
    .insert(auditLog)
    .values({ userId: actorId, entity: 'settings', entityKey: `municipality:${key}`, field, oldValue: from, newValue: to });
}

/**
 * Refuses `name` for municipality `ownId` (null: a new one) when it folds to nothing (no letter
 * nor digit) or to the name of another municipality, or of a variant merged into one: the error
 * names the municipality it already stands for.
 */
async function refuseTakenName(tx: Tx, name: string, ownId: number | null): Promise<void> {
  const [row] = await queryRows<{ folded: string; taken_id: number | null; taken_name: string | null }>(
    tx,
    sql`select f.folded, v.id as taken_id, coalesce(m.name, v.name) as taken_name
          from (select ${foldedMunicipalityName(name)} as folded) f
          left join municipalities v on v.name_folded = f.folded
          left join municipalities m on m.id = v.merged_into_id`,
  );
  if (!row || row.folded === '') throw new AppError('municipality.nameLetters', {}, { name: ['municipality.nameLetters'] });
  if (row.taken_id !== null && Number(row.taken_id) !== ownId)
    throw new AppError('municipality.nameTaken', { name: row.taken_name ?? '' }, { name: ['municipality.nameTaken'] });
}

/** The same refusal when another transaction took the name between the check and the write. */
function explainTakenName(error: unknown, name: string): never {
  if (pgErrorOf(error)?.code === PG_UNIQUE_VIOLATION)
    throw new AppError('municipality.nameTaken', { name }, { name: ['municipality.nameTaken'] });
  throw error;
}

type MunicipalityRow = typeof municipalities.$inferSelect;

/** Refuses a change of `row`, municipality `id` named by the form's `field`, when unknown or merged into another. */
async function refuseUnchangeable(tx: Tx, row: MunicipalityRow | undefined, field: string): Promise<MunicipalityRow> {
  if (!row) throw new AppError('municipality.notFound', {}, { [field]: ['municipality.notFound'] });
  if (row.mergedIntoId === null) return row;
  const [into] = await tx.select({ name: municipalities.name }).from(municipalities).where(eq(municipalities.id, row.mergedIntoId));
  throw new AppError('municipality.merged', { name: row.name, into: into?.name ?? '' }, { [field]: ['municipality.merged'] });
}

/** The municipalities of `ids`, locked for a change, by id. */
async function lockMunicipalities(tx: Tx, ids: number[]): Promise<Map<number, MunicipalityRow>> {
  // Locked in the order of their ids, so that two changes of the same pair cannot wait on each other.
  const rows = await tx.select().from(municipalities).where(inArray(municipalities.id, ids)).orderBy(municipalities.id).for('update');
  return new Map(rows.map((row) => [row.id, row]));
}

export async function addMunicipality(db: Db, actorId: number, input: AddMunicipalityInput): Promise<Municipality> {
  try {
    return await db.transaction(async (tx) => {
      await refuseTakenName(tx, input.name, null);
      const [created] = await tx
        .insert(municipalities)
        .values({ name: input.name, nameFolded: foldedMunicipalityName(input.name) })
        .returning({ id: municipalities.id, name: municipalities.name });
      await audit(tx, actorId, { field: 'municipality', key: created!.id, from: null, to: created!.name });
      return created!;
    });
  } catch (error) {
    if (error instanceof AppError) throw error;
    return explainTakenName(error, input.name);
  }
}

/** A new spelling of a municipality (« Trois-Rivieres » → « Trois-Rivières »): its calls follow, being tied to its id. */
export async function renameMunicipality(
  db: Db,
  actorId: number,
  input: RenameMunicipalityInput,
): Promise<{ before: string; after: string }> {
  try {
    return await db.transaction(async (tx) => {
      const current = await refuseUnchangeable(tx, (await lockMunicipalities(tx, [input.id])).get(input.id), 'id');
      if (current.name === input.name) return { before: current.name, after: current.name };
      await refuseTakenName(tx, input.name, current.id);
      await tx
        .update(municipalities)
        .set({ name: input.name, nameFolded: foldedMunicipalityName(input.name), updatedAt: new Date() })
        .where(eq(municipalities.id, current.id));
      await audit(tx, actorId, { field: 'municipality_name', key: current.id, from: current.name, to: input.name });
      return { before: current.name, after: input.name };
    });
  } catch (error) {
    if (error instanceof AppError) throw error;
    return explainTakenName(error, input.name);
  }
}

/**
 * Merges the variant `id` into `intoId`: the variant, and the variants already merged into it,
 * now point at `intoId`, so that a merged name is always one step from the municipality it
 * counts as. Both must be municipalities of the list, not variants themselves.
 */
export async function mergeMunicipality(
  db: Db,
  actorId: number,
  input: MergeMunicipalityInput,
): Promise<{ variant: string; into: string }> {
  return db.transaction(async (tx) => {
    const locked = await lockMunicipalities(tx, [input.id, input.intoId]);
    const variant = await refuseUnchangeable(tx, locked.get(input.id), 'id');
    const into = await refuseUnchangeable(tx, locked.get(input.intoId), 'intoId');
    await tx
      .update(municipalities)
      .set({ mergedIntoId: into.id, updatedAt: new Date() })
      .where(or(eq(municipalities.id, variant.id), eq(municipalities.mergedIntoId, variant.id)));
    await audit(tx, actorId, { field: 'municipality_merged_into', key: variant.id, from: variant.name, to: into.name });
    return { variant: variant.name, into: into.name };
  });
}
