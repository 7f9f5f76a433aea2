/**
 * The company's municipalities as a trip names them (docs/business-rules.md, Municipalities): a
 * name typed or sent is matched to the list whatever its case, its accents, its punctuation and
 * its spaces, and a variant merged into another stands for the other. The folding is PostgreSQL's
 * own, written once here and in the seed migration (0025): fold_text of migration 0002 (case,
 * accents, ligatures, apostrophes), then only its letters and digits. It is never computed in
 * TypeScript, so that what a name is matched with and what the list stores cannot differ.
 */
import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { queryRows, type Executor } from '@/db/index';

/** A municipality of the list, as a call counts under it (never a merged variant). */
export type Municipality = { id: number; name: string };

/** How a name is compared (municipalities.name_folded): « Saint-Jérôme », « ST JEROME » and « saint-jérôme » are « saintjerome ». */
export function foldedMunicipalityName(name: SQL | string): SQL {
  return sql`regexp_replace(fold_text(${name}), '[^a-z0-9]+', '', 'g')`;
}

/**
 * The id of the municipality the name `name` (an SQL text) stands for, as a scalar subquery: the
 * one a variant was merged into, itself otherwise; null when no municipality has that name. A
 * merge points every variant at the municipality it joins (saveMunicipality), so one step is all.
 */
export function municipalityIdOf(name: SQL): SQL {
  return sql`(select coalesce(v.merged_into_id, v.id) from municipalities v where v.name_folded = ${foldedMunicipalityName(name)})`;
}

/** The name, as the list writes it, of the municipality the name `name` (an SQL text) stands for; null when none: a scalar subquery. */
export function municipalityNameOf(name: SQL): SQL<string | null> {
  return sql`(select m.name from municipalities v join municipalities m on m.id = coalesce(v.merged_into_id, v.id)
               where v.name_folded = ${foldedMunicipalityName(name)})`;
}

/**
 * The municipality a stored municipality id (`column`, a call's) counts as: the one a variant was
 * merged into, itself otherwise. Its id and its name, each a scalar subquery, for a select list;
 * countedMunicipalityOf reads them back.
 */
export function countedMunicipality(column: SQLWrapper): { id: SQL<number | null>; name: SQL<string | null> } {
  const counted = sql`from municipalities v join municipalities m on m.id = coalesce(v.merged_into_id, v.id) where v.id = ${column}`;
  return { id: sql<number | null>`(select m.id ${counted})`, name: sql<string | null>`(select m.name ${counted})` };
}

/** The municipality countedMunicipality read, or null for none. */
export function countedMunicipalityOf(counted: { id: number | null; name: string | null } | null | undefined): Municipality | null {
  return counted?.id === null || counted?.id === undefined || counted.name === null ? null : { id: Number(counted.id), name: counted.name };
}

/**
 * The municipality each of `names` stands for, in their order: null for a name no municipality
 * has, or for no name. One statement (none when no name is given), to be sent with a writer's
 * other reads.
 */
export async function findMunicipalities(db: Executor, names: readonly (string | null)[]): Promise<(Municipality | null)[]> {
  const given = names.flatMap((name, i) => (name ? [sql`(${sql.raw(String(i))}, ${name}::text)`] : []));
  if (given.length === 0) return names.map(() => null);
  const rows = await queryRows<{ i: number; id: number; name: string }>(
    db,
    sql`select n.i::int as i, m.id, m.name
          from (values ${sql.join(given, sql`, `)}) as n(i, name)
          join municipalities v on v.name_folded = ${foldedMunicipalityName(sql`n.name`)}
          join municipalities m on m.id = coalesce(v.merged_into_id, v.id)`,
  );
  const found = new Map(rows.map((row) => [Number(row.i), { id: Number(row.id), name: row.name }]));
  return names.map((_, i) => found.get(i) ?? null);
}

/** The names a call may take, as the call form offers them: the municipalities, not their merged variants. */
export async function municipalityNames(db: Executor): Promise<string[]> {
  const rows = await queryRows<{ name: string }>(
    db,
    sql`select name from municipalities where merged_into_id is null order by fold_text(name), name`,
  );
  return rows.map((row) => row.name);
}

export type MunicipalityRow = Municipality & { variants: string[] };

/** The list as an administrator keeps it: each municipality with the variants merged into it. */
export async function listMunicipalities(db: Executor): Promise<MunicipalityRow[]> {
  const rows = await queryRows<{ id: number; name: string; variants: string[] | null }>(
    db,
    sql`select m.id, m.name,
               (select array_agg(v.name order by fold_text(v.name), v.name) from municipalities v where v.merged_into_id = m.id) as variants
          from municipalities m
         where m.merged_into_id is null
         order by fold_text(m.name), m.name`,
  );
  return rows.map((row) => ({ id: Number(row.id), name: row.name, variants: row.variants ?? [] }));
}
