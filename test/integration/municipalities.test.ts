/**
 * The municipalities' list (docs/business-rules.md, Municipalities) on a real PostgreSQL: every
 * install starts with the seeded ones; a name is matched whatever its case, accents, punctuation
 * and spaces; an administrator adds, renames and merges, each change audited; a merged variant
 * typed later stands for the municipality it was merged into, and its calls stay where they are.
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { queryRows } from '@/db/index';
import { auditLog, calls, municipalities, users } from '@/db/schema';
import { findMunicipalities, listMunicipalities, municipalityNames } from '@/lib/municipalities/find-municipalities';
import { addMunicipalityInput, mergeMunicipalityInput, renameMunicipalityInput } from '@/lib/municipalities/municipality-input';
import { addMunicipality, mergeMunicipality, renameMunicipality } from '@/lib/municipalities/save-municipality';
import { insertCall, insertClient, insertTariff, refusal } from '@/test/support/fixtures';
import { createTestDatabase, type TestDatabase } from '@/test/support/test-database';

let database: TestDatabase;
let adminId: number;

const SEEDED = [
  'Blainville',
  'Boucherville',
  'Brossard',
  'Châteauguay',
  'Dorval',
  'Gatineau',
  'Granby',
  'Kirkland',
  'Laval',
  'Longueuil',
  'Mascouche',
  'Montréal',
  'Pointe-Claire',
  'Québec',
  'Repentigny',
  'Saint-Jean-sur-Richelieu',
  'Saint-Jérôme',
  'Sainte-Thérèse',
  'Sherbrooke',
  'Terrebonne',
  'Trois-Rivières',
];

const idOf = async (name: string) => (await findMunicipalities(database.db, [name]))[0]!.id;

beforeAll(async () => {
  database = await createTestDatabase();
  const [admin] = await database.db
    .insert(users)
    .values({ email: 'admin@test.local', name: 'Administratrice', role: 'admin', passwordHash: 'x' })
    .returning();
  adminId = admin!.id;
});
afterAll(() => database.drop());

describe('the list every install starts with', () => {
  test('the demo’s municipalities are there after the migrations, Saint-Laurent (a borough of Montréal) is not', async () => {
    expect(await municipalityNames(database.db)).toEqual(SEEDED);
    expect(await findMunicipalities(database.db, ['Saint-Laurent'])).toEqual([null]);
  });
});

describe('a typed name', () => {
  test.each([
    ['Montréal', 'Montréal'],
    ['MONTREAL', 'Montréal'],
    ['  montréal ', 'Montréal'],
    ['saint jerome', 'Saint-Jérôme'],
    ['ST-JÉRÔME', null],
    ['Saint-Jérôme', 'Saint-Jérôme'],
    ['saint–jérôme', 'Saint-Jérôme'],
    ['Trois Rivieres', 'Trois-Rivières'],
    ['trois-rivières.', 'Trois-Rivières'],
    ['Sainte-Therese', 'Sainte-Thérèse'],
    ['saint-jean sur richelieu', 'Saint-Jean-sur-Richelieu'],
    ['Chateauguay', 'Châteauguay'],
    ['Lavall', null],
    ['', null],
  ])('%j is %j', async (typed, expected) => {
    const [found] = await findMunicipalities(database.db, [typed]);
    expect(found?.name ?? null).toBe(expected);
  });

  test('several names are found in one statement, in their order, a missing one as null', async () => {
    const found = await findMunicipalities(database.db, ['laval', null, 'Nulle-Part', 'QUEBEC']);
    expect(found.map((m) => m?.name ?? null)).toEqual(['Laval', null, null, 'Québec']);
  });
});

describe('the administrator’s changes', () => {
  test('a new municipality is added once, audited; a name that folds to one already there is refused, naming it', async () => {
    const added = await addMunicipality(database.db, adminId, addMunicipalityInput.parse({ name: 'Val-des-Sources' }));
    expect((await findMunicipalities(database.db, ['val des sources']))[0]).toEqual(added);
    const taken = await refusal(addMunicipality(database.db, adminId, addMunicipalityInput.parse({ name: 'VAL DES SOURCES' })));
    expect(taken.code).toBe('municipality.nameTaken');
    expect(taken.params).toEqual({ name: 'Val-des-Sources' });
    expect(taken.fieldErrors).toEqual({ name: ['municipality.nameTaken'] });
    expect((await refusal(addMunicipality(database.db, adminId, { name: '-- .' }))).code).toBe('municipality.nameLetters');
    const audit = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityKey, `municipality:${added.id}`));
    expect(audit).toMatchObject([
      { entity: 'settings', field: 'municipality', oldValue: null, newValue: 'Val-des-Sources', userId: adminId },
    ]);
  });

  test('a rename keeps the municipality’s calls (they name it by its id); its old spelling no longer matches', async () => {
    const { id } = await addMunicipality(database.db, adminId, { name: 'Sainte-Anne-des-Plains' });
    const tariff = await insertTariff(database.db, { code: 'PAX', isPassenger: true });
    await insertClient(database.db, 30001, tariff.id);
    const call = await insertCall(database.db, 30001, tariff.id, { originMunicipalityId: id, destinationMunicipalityId: id });
    const renamed = await renameMunicipality(
      database.db,
      adminId,
      renameMunicipalityInput.parse({ id: String(id), name: 'Ste-Anne-des-Plaines' }),
    );
    expect(renamed).toEqual({ before: 'Sainte-Anne-des-Plains', after: 'Ste-Anne-des-Plaines' });
    expect(await findMunicipalities(database.db, ['Sainte-Anne-des-Plains', 'ste anne des plaines'])).toEqual([
      null,
      { id, name: 'Ste-Anne-des-Plaines' },
    ]);
    const [stored] = await database.db.select().from(calls).where(eq(calls.number, call.number));
    expect(stored!.originMunicipalityId).toBe(id);
    // Another spelling of the same name is a rename too; another municipality's name is refused.
    expect(await renameMunicipality(database.db, adminId, { id, name: 'Ste-Anne-des-Plaines' })).toEqual({
      before: 'Ste-Anne-des-Plaines',
      after: 'Ste-Anne-des-Plaines',
    });
    expect((await refusal(renameMunicipality(database.db, adminId, { id, name: 'LAVAL' }))).params).toEqual({ name: 'Laval' });
    expect((await refusal(renameMunicipality(database.db, adminId, { id: 999_999, name: 'Ailleurs' }))).code).toBe('municipality.notFound');
    const audit = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityKey, `municipality:${id}`));
    expect(audit.map((row) => [row.field, row.oldValue, row.newValue])).toEqual([
      ['municipality', null, 'Sainte-Anne-des-Plains'],
      ['municipality_name', 'Sainte-Anne-des-Plains', 'Ste-Anne-des-Plaines'],
    ]);
  });

  test('a variant merged into another stands for it when typed later; its calls stay its own, and count as the other', async () => {
    const variant = await addMunicipality(database.db, adminId, { name: 'St-Jérôme' });
    const spelling = await addMunicipality(database.db, adminId, { name: 'St-Jérôme (secteur Lafontaine)' });
    const tariff = await insertTariff(database.db, { code: 'PAX2', isPassenger: true });
    await insertClient(database.db, 30002, tariff.id);
    const call = await insertCall(database.db, 30002, tariff.id, { originMunicipalityId: variant.id });
    const saintJerome = await idOf('Saint-Jérôme');

    // A spelling merged into the variant first, then the variant into Saint-Jérôme: both now point to it.
    await mergeMunicipality(database.db, adminId, mergeMunicipalityInput.parse({ id: String(spelling.id), intoId: String(variant.id) }));
    expect((await findMunicipalities(database.db, ['st jerome secteur lafontaine']))[0]!.name).toBe('St-Jérôme');
    const merged = await mergeMunicipality(database.db, adminId, { id: variant.id, intoId: saintJerome });
    expect(merged).toEqual({ variant: 'St-Jérôme', into: 'Saint-Jérôme' });
    expect(await findMunicipalities(database.db, ['ST-JÉRÔME', 'St-Jérôme (secteur Lafontaine)'])).toEqual([
      { id: saintJerome, name: 'Saint-Jérôme' },
      { id: saintJerome, name: 'Saint-Jérôme' },
    ]);
    const pointing = await database.db
      .select({ id: municipalities.id, into: municipalities.mergedIntoId })
      .from(municipalities)
      .where(sql`${municipalities.id} in (${variant.id}, ${spelling.id})`);
    expect(pointing.map((row) => row.into)).toEqual([saintJerome, saintJerome]);

    // The call keeps the variant; counted by the municipality it stands for, it is Saint-Jérôme's.
    const [counted] = await queryRows<{ name: string }>(
      database.db,
      sql`select m.name from calls k join municipalities v on v.id = k.origin_municipality_id
            join municipalities m on m.id = coalesce(v.merged_into_id, v.id) where k.number = ${call.number}`,
    );
    expect(counted!.name).toBe('Saint-Jérôme');

    // The list shows Saint-Jérôme with its variants, and offers neither variant to a call.
    const listed = (await listMunicipalities(database.db)).find((m) => m.id === saintJerome);
    expect(listed!.variants).toEqual(['St-Jérôme', 'St-Jérôme (secteur Lafontaine)']);
    expect(await municipalityNames(database.db)).not.toContain('St-Jérôme');

    // A variant can be neither merged again, nor renamed, nor merged into; nor a municipality into itself.
    const again = await refusal(mergeMunicipality(database.db, adminId, { id: variant.id, intoId: await idOf('Laval') }));
    expect(again.code).toBe('municipality.merged');
    expect(again.params).toEqual({ name: 'St-Jérôme', into: 'Saint-Jérôme' });
    expect(again.fieldErrors).toEqual({ id: ['municipality.merged'] });
    expect((await refusal(mergeMunicipality(database.db, adminId, { id: await idOf('Laval'), intoId: variant.id }))).fieldErrors).toEqual({
      intoId: ['municipality.merged'],
    });
    expect((await refusal(renameMunicipality(database.db, adminId, { id: variant.id, name: 'Saint-Jérôme-Nord' }))).code).toBe(
      'municipality.merged',
    );
    const itself = mergeMunicipalityInput.safeParse({ id: '3', intoId: '3' });
    expect(itself.error?.issues.map((i) => [i.path, i.message])).toEqual([[['intoId'], 'municipality.mergeIntoItself']]);
    expect(mergeMunicipalityInput.safeParse({ id: '', intoId: '3' }).error?.issues.map((i) => i.message)).toEqual(['required']);

    const audit = await database.db.select().from(auditLog).where(eq(auditLog.field, 'municipality_merged_into'));
    expect(audit.map((row) => [row.entityKey, row.oldValue, row.newValue])).toEqual([
      [`municipality:${spelling.id}`, 'St-Jérôme (secteur Lafontaine)', 'St-Jérôme'],
      [`municipality:${variant.id}`, 'St-Jérôme', 'Saint-Jérôme'],
    ]);
  });
});
