/**
 * The CSV import on a real PostgreSQL (docs/business-rules.md, Import): a round trip
 * export → import → export gives the same files; a check lists every error by line and column;
 * importing the same file twice changes nothing; a later file updates clients by number within
 * the form's limits; 100,000 calls stream in; hostile files are refused without a trace; an
 * error on the last line leaves nothing; the upload route checks the role itself.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import { createTranslator } from 'next-intl';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { openEmbedded, queryRows, type Db } from '@/db/index';
import { prepareDatabase } from '@/scripts/demo/prepare-database';
import { seedDemoData } from '@/scripts/demo/seed';
import { users } from '@/db/schema';
import type { CurrentUser } from '@/lib/auth/current-user';
import { billingInput } from '@/lib/billing/billing-input';
import { generateInvoices } from '@/lib/billing/generate-invoices';
import { previewBilling } from '@/lib/billing/preview-billing';
import { reverseRun } from '@/lib/billing/reverse-run';
import { callInput } from '@/lib/calls/call-input';
import { getCallDetails } from '@/lib/calls/find-calls';
import { changeCallStatus, updateCall } from '@/lib/calls/save-call';
import { findMembershipHistory } from '@/lib/clients/membership';
import { AppError, type ErrorCode } from '@/lib/errors';
import { en } from '@/lib/i18n/messages/en/index';
import { fr } from '@/lib/i18n/messages/fr/index';
import type { ImportKind } from '@/lib/import/columns';
import { describeProblems } from '@/lib/import/describe-problems';
import { exportCallsCsv, exportClientsCsv, exportTariffsCsv } from '@/lib/import/export-files';
import { runImport, type ImportMode, type ImportOutcome, type ImportProgress } from '@/lib/import/run-import';
import { insertClient, insertCompanySettings, insertTariff, refusalCode } from '@/test/support/fixtures';
import { createTestDatabase, type TestDatabase } from '@/test/support/test-database';

let signedIn: CurrentUser | null = null;
vi.mock('@/lib/auth/current-user', () => ({ getCurrentUser: async () => signedIn, forgetCurrentUser: async () => undefined }));
vi.mock('next-intl/server', async () => {
  const { createTranslator: translator } = await import('next-intl');
  const { fr: messages } = await import('@/lib/i18n/messages/fr/index');
  return { getTranslations: async (namespace: 'errors') => translator({ locale: 'fr', messages, namespace }) };
});

const TODAY = '2026-12-04';
const MB = 1024 * 1024;
const databases: TestDatabase[] = [];

async function newDatabase(): Promise<{ db: Db; adminId: number }> {
  const database = await createTestDatabase();
  databases.push(database);
  const [admin] = await database.db
    .insert(users)
    .values({ email: 'import@test.local', name: 'Importatrice', role: 'admin', passwordHash: 'x' })
    .returning();
  return { db: database.db, adminId: admin!.id };
}

afterAll(async () => {
  await globalThis.__appDatabase?.close();
  for (const database of databases) await database.drop();
});

async function* bytesOf(content: string | Uint8Array, size = 64 * 1024): AsyncGenerator<Uint8Array> {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

function importFile(
  target: { db: Db; adminId: number },
  kind: ImportKind,
  content: string | Uint8Array,
  mode: ImportMode = 'import',
  options: { maxBytes?: number; onProgress?: (progress: ImportProgress) => void; body?: AsyncIterable<Uint8Array> } = {},
): Promise<ImportOutcome> {
  return runImport(target.db, {
    kind,
    mode,
    actorId: target.adminId,
    body: options.body ?? bytesOf(content),
    maxBytes: options.maxBytes ?? 50 * MB,
    today: TODAY,
    onProgress: options.onProgress,
  });
}

const translators = {
  fr: createTranslator({ locale: 'fr', messages: fr, namespace: 'errors' }),
  en: createTranslator({ locale: 'en', messages: en, namespace: 'errors' }),
};
/** The error table as the person reads it: line, column, reason. */
const tableOf = (outcome: ImportOutcome, locale: 'fr' | 'en' = 'fr') =>
  describeProblems(outcome.problems, (code: ErrorCode, params) => translators[locale](code, params)).map((row) => [
    row.line,
    row.column,
    row.message,
  ]);
const codesOf = (outcome: ImportOutcome) => outcome.problems.map((p) => [p.line, p.column, p.code]);

const csv = (lines: string[]) => `${lines.join('\r\n')}\r\n`;
async function textOf(parts: AsyncIterable<string>): Promise<string> {
  let text = '';
  for await (const part of parts) text += part;
  return text;
}
const exportAll = async (db: Db) => ({
  tariffs: await exportTariffsCsv(db, 'semicolon'),
  clients: await exportClientsCsv(db, 'semicolon'),
  calls: await textOf(exportCallsCsv(db, { from: null, to: null }, 'semicolon')),
});
const countOf = async (db: Db, table: 'clients' | 'calls' | 'tariffs' | 'audit_log' | 'call_status_changes' | 'group_memberships') =>
  (await queryRows<{ n: number }>(db, sql`select count(*)::int as n from ${sql.identifier(table)}`))[0]!.n;

const CLIENT_HEADERS = 'No. client;Nom;Adresse;Ville;Code postal;Tarif;No. client regroupé;En vigueur le;Escompte (%)';
const client = (
  number: number,
  grouped: number | string = '',
  extra: { name?: string; date?: string; tariff?: string; discount?: string } = {},
) =>
  `${number};${extra.name ?? `Client ${number}`};${number}, rue Principale;Montréal;H2X 1Y4;${extra.tariff ?? 'STD'};${grouped};${extra.date ?? ''};${extra.discount ?? ''}`;

const CALL_HEADERS =
  'No. appel;No. client;Date du service;Heure;Adresse de départ;Destination;Statut;Tarif;Montant brut;Escompte;Prix;No. facture';
const call = (
  id: string,
  clientNumber: number,
  extra: Partial<Record<'date' | 'status' | 'tariff' | 'gross' | 'discount' | 'price' | 'invoice', string>> = {},
) =>
  [
    id,
    clientNumber,
    extra.date ?? '2026-10-03',
    '09:30',
    `${id}, rue A, Montréal`,
    `${id}, rue B, Laval`,
    extra.status ?? 'Terminé',
    extra.tariff ?? 'STD',
    extra.gross ?? '20,00',
    extra.discount ?? '0,00',
    extra.price ?? '20,00',
    extra.invoice ?? '',
  ].join(';');

const TARIFFS_FILE = csv([
  'Code;Nom;Montant de base;Taux au km;Taux par minute d’attente;Frais minimum',
  'STD;Standard;4,50;1,875;0,65;12,00',
]);

describe('a round trip: export → import into an empty database → export', () => {
  test('the demo data (groups, invoiced calls, every status) comes back as the same three files', async () => {
    const source = await newDatabase();
    await seedDemoData(source.db, { today: TODAY });
    const exported = await exportAll(source.db);
    expect(exported.clients).toContain('12346;Pharmacie Centrale — succursale Laval');
    expect(exported.calls.split('\r\n').length).toBeGreaterThan(500);

    const target = await newDatabase();
    for (const kind of ['tariffs', 'clients', 'calls'] as const) {
      const outcome = await importFile(target, kind, exported[kind]);
      expect(codesOf(outcome), kind).toEqual([]);
      expect(outcome.isApplied, kind).toBe(true);
    }
    expect(await exportAll(target.db)).toEqual(exported);

    // The calls billed in the source are billed in the former system for the target: none is billable again.
    const [billed] = await queryRows<{ n: number }>(
      source.db,
      sql`select count(distinct call_number)::int as n from invoice_lines where not is_void`,
    );
    expect(await countOf(target.db, 'calls')).toBe(await countOf(source.db, 'calls'));
    const [legacy] = await queryRows<{ n: number }>(
      target.db,
      sql`select count(*)::int as n from calls where legacy_invoice_number is not null`,
    );
    expect(legacy!.n).toBe(billed!.n);
    // The group of the original user guide, and its members in it from the start of time.
    const [member] = await queryRows<{ head: number; from: string }>(
      target.db,
      sql`select head_number as head, valid_from::text as from from group_memberships where client_number = 12346`,
    );
    expect(member).toEqual({ head: 12345, from: '-infinity' });

    // The calls of a period, with commas and decimal points for an English spreadsheet.
    const october = parse(await textOf(exportCallsCsv(source.db, { from: '2026-10-01', to: '2026-10-31' }, 'comma')), {
      bom: true,
    }) as string[][];
    const [expected] = await queryRows<{ n: number }>(
      source.db,
      sql`select count(*)::int as n from calls where service_date between '2026-10-01' and '2026-10-31'`,
    );
    expect(expected!.n).toBeGreaterThan(100);
    expect(october.slice(1)).toHaveLength(expected!.n);
    expect(october.slice(1).every((line) => line[2]!.startsWith('2026-10-') && /^\d+\.\d{2}$/.test(line[14]!))).toBe(true);
  });
});

describe('the check (dry run)', () => {
  let target: { db: Db; adminId: number };
  beforeAll(async () => {
    target = await newDatabase();
    const tariff = await insertTariff(target.db);
    await insertClient(target.db, 12345, tariff.id, { groupedClientNumber: 12345 });
    await insertClient(target.db, 12346, tariff.id, { groupedClientNumber: 12345 });
  });

  test('a client file with one of each error: the table names each line, column and reason, in French; nothing is written', async () => {
    const file = csv([
      CLIENT_HEADERS,
      client(20001),
      client(20002, 99999),
      client(20003, 12346),
      client(20001, '', { name: 'Doublon' }),
      client(20004, '', { tariff: 'NOPE' }),
      client(20005, '', { discount: '7,555' }),
      `20006;Client 20006;1, rue A;Montréal;ABCDEF;STD;;;`,
      client(20007, 20008),
      client(20008, 20001),
    ]);
    const before = await countOf(target.db, 'audit_log');
    const outcome = await importFile(target, 'clients', file, 'check');
    expect(tableOf(outcome)).toEqual([
      [3, 'No. client regroupé', 'Le client 99999 n’existe pas : un client ne peut être rattaché qu’à un compte regroupé existant.'],
      [4, 'No. client regroupé', '12346 est membre du groupe 12345 : un client ne peut être rattaché qu’à un compte regroupé'],
      [5, 'No. client', 'Le client 20001 figure déjà à la ligne 2.'],
      [6, 'Tarif', 'Le tarif NOPE n’existe pas : importez d’abord les tarifs.'],
      [7, 'Escompte (%)', 'Escompte de 0 à 100 %, deux décimales au plus (ex. 7,5).'],
      [8, 'Code postal', 'Code postal canadien invalide (ex. H2X 1Y4).'],
      [9, 'No. client regroupé', '20008 est membre du groupe 20001 : un client ne peut être rattaché qu’à un compte regroupé'],
      [
        10,
        'No. client regroupé',
        '20001 n’est pas un compte regroupé : inscrivez d’abord son propre numéro dans son champ No. client regroupé.',
      ],
    ]);
    expect(outcome).toMatchObject({ isApplied: false, problemCount: 8 });
    expect(await countOf(target.db, 'clients')).toBe(2);
    expect(await countOf(target.db, 'audit_log')).toBe(before);
  });

  test('a call file with one of each error, the reasons in English for an English user', async () => {
    const file = csv([
      CALL_HEADERS,
      call('A-1', 12345, { invoice: 'F-1' }),
      call('A-2', 77777),
      call('A-3', 12345, { date: '2026-13-45' }),
      call('A-4', 12345, { status: 'Perdu' }),
      call('A-5', 12345, { gross: '20,0O' }),
      call('A-1', 12346),
      call('A-6', 12345, { tariff: 'LUXE' }),
      call('A-7', 12345, { gross: '20,00', discount: '2,00', price: '19,00' }),
      call('A-8', 12345, { status: 'Ouvert', invoice: 'F-2' }),
    ]);
    const outcome = await importFile(target, 'calls', file, 'check');
    expect(tableOf(outcome, 'en')).toEqual([
      [3, 'No. client', 'Client 77777 does not exist: import the clients first.'],
      [4, 'Date du service', 'Invalid date (YYYY-MM-DD).'],
      [5, 'Statut', '“Perdu” is not an allowed value: Ouvert, Affecté, Terminé, Annulé.'],
      [6, 'Montant brut', 'Invalid amount (e.g. 12.50).'],
      [7, 'No. appel', 'Call A-1 is already on line 2.'],
      [8, 'Tarif', 'Tariff LUXE does not exist: import the tariffs first.'],
      [9, 'Prix', 'The price (19,00) must be the gross amount (20,00) less the discount (2,00).'],
      [10, 'Statut', 'A billed call (No. facture F-2) must have the status Completed.'],
    ]);
    expect(outcome.counts).toMatchObject({ rows: 9, created: 1 });
    expect(await countOf(target.db, 'calls')).toBe(0);
  });

  test('a valid file: counts of what the import would do, the encoding and the separator it read', async () => {
    const outcome = await importFile(
      target,
      'clients',
      csv([CLIENT_HEADERS, client(20001), client(12346, 12345, { name: 'Renommé' })]),
      'check',
    );
    expect(outcome).toMatchObject({
      isApplied: false,
      problemCount: 0,
      encoding: 'utf-8',
      delimiter: ';',
      counts: { rows: 2, created: 1, updated: 1, unchanged: 0 },
    });
    expect(await countOf(target.db, 'clients')).toBe(2);
  });
});

describe('importing again', () => {
  let target: { db: Db; adminId: number };
  const FIRST = csv([CLIENT_HEADERS, client(30002, 30001), client(30001, 30001), client(30003)]);
  beforeAll(async () => {
    target = await newDatabase();
    expect((await importFile(target, 'tariffs', TARIFFS_FILE)).isApplied).toBe(true);
  });

  test('the same file twice, its calls billed here meanwhile: the second import changes nothing and writes no audit line', async () => {
    const first = await importFile(target, 'clients', FIRST);
    expect(first).toMatchObject({ isApplied: true, counts: { rows: 3, created: 3, updated: 0, unchanged: 0 } });
    const calls = csv([
      CALL_HEADERS,
      call('H-1', 30002, { invoice: 'F-9' }),
      call('H-2', 30003, { status: 'Annulé' }),
      call('H-3', 30003, { date: '2026-09-15' }),
      call('H-4', 30002),
      call('H-5', 30003, { date: '2026-09-20' }),
    ]);
    expect((await importFile(target, 'calls', calls)).counts).toMatchObject({ created: 5 });
    // Since then: H-3 billed on its client's invoice, H-4 on its head's grouped invoice, H-5 billed then its run reversed.
    await insertCompanySettings(target.db);
    const bill = (cutoff: string, isGrouped?: 'on') =>
      generateInvoices(target.db, target.adminId, billingInput.parse({ cutoff, cycle: 'all', isGrouped }), TODAY);
    await bill('2026-09-15');
    await bill(TODAY, 'on');
    await reverseRun(target.db, target.adminId, (await bill('2026-09-30')).runId!);
    const billed = await queryRows<{ dispatch_id: string; invoice: number }>(
      target.db,
      sql`select k.dispatch_id, i.number::int as invoice from calls k join invoice_lines l on l.call_number = k.number and not l.is_void
            join invoices i on i.id = l.invoice_id order by k.dispatch_id`,
    );
    expect(billed.map((b) => b.dispatch_id)).toEqual(['import:H-3', 'import:H-4']);
    const audit = await countOf(target.db, 'audit_log');
    const statuses = await countOf(target.db, 'call_status_changes');

    expect((await importFile(target, 'clients', FIRST)).counts).toEqual({ rows: 3, created: 0, updated: 0, unchanged: 3 });
    const again = await importFile(target, 'calls', calls);
    expect(codesOf(again)).toEqual([]);
    expect(again.counts).toEqual({ rows: 5, created: 0, updated: 0, unchanged: 5 });
    expect((await importFile(target, 'tariffs', TARIFFS_FILE)).counts).toEqual({ rows: 1, created: 0, updated: 0, unchanged: 1 });
    expect(await countOf(target.db, 'audit_log')).toBe(audit);
    expect(await countOf(target.db, 'call_status_changes')).toBe(statuses);
    expect(await countOf(target.db, 'calls')).toBe(5);

    // An export of this database made since names the invoices here: it imports back unchanged too.
    const exported = await textOf(exportCallsCsv(target.db, { from: null, to: null }, 'semicolon'));
    const h3 = parse(exported, { bom: true, delimiter: ';' }).find((line: string[]) => line[0] === 'H-3') as string[];
    expect(h3.at(-1)).toBe(String(billed[0]!.invoice));
    expect((await importFile(target, 'calls', exported)).counts).toEqual({ rows: 5, created: 0, updated: 0, unchanged: 5 });

    // A line that would change a call billed here is refused, naming the invoice it is on.
    const changed = await importFile(target, 'calls', csv([CALL_HEADERS, call('H-3', 30003, { date: '2026-09-15', status: 'Annulé' })]));
    expect(tableOf(changed)).toEqual([
      [2, 'No. appel', `L’appel H-3 a déjà été importé et il est facturé (facture ${billed[0]!.invoice}) : il ne peut plus changer.`],
    ]);
  });

  test('every change is in the audit log under the importing user', async () => {
    const rows = await queryRows<{ user_id: number | null; field: string }>(
      target.db,
      sql`select user_id, field from audit_log where entity = 'client' and entity_key = '30002' order by id`,
    );
    expect(rows).toEqual([
      { user_id: target.adminId, field: 'created' },
      { user_id: target.adminId, field: 'grouped_client_number' },
    ]);
  });

  test('a later file updates clients by number: a new name, a move into a group from its date, within the form’s limits', async () => {
    const audit = await countOf(target.db, 'audit_log');
    const later = csv([
      'No. client;Nom;No. client regroupé;En vigueur le',
      '30002;Succursale renommée;30001;',
      `30003;Client 30003;30001;2026-11-01`,
    ]);
    const outcome = await importFile(target, 'clients', later);
    expect(outcome).toMatchObject({ isApplied: true, counts: { rows: 2, created: 0, updated: 2, unchanged: 0 } });
    const [renamed] = await queryRows<{ name: string; city: string }>(target.db, sql`select name, city from clients where number = 30002`);
    // The columns the file leaves out keep their values.
    expect(renamed).toEqual({ name: 'Succursale renommée', city: 'Montréal' });
    expect((await findMembershipHistory(target.db, 30003)).map((m) => [m.headNumber, m.validFrom, m.validTo])).toEqual([
      [30001, '2026-11-01', null],
    ]);
    const changes = await queryRows<{ entity_key: string; field: string; old_value: string | null; new_value: string; user_id: number }>(
      target.db,
      sql`select entity_key, field, old_value, new_value, user_id from audit_log where id > (select max(id) - 2 from audit_log) order by id`,
    );
    expect(await countOf(target.db, 'audit_log')).toBe(audit + 2);
    expect(changes).toEqual([
      { entity_key: '30002', field: 'name', old_value: 'Client 30002', new_value: 'Succursale renommée', user_id: target.adminId },
      { entity_key: '30003', field: 'grouped_client_number', old_value: null, new_value: '30001', user_id: target.adminId },
    ]);
  });

  test('a change of group before the last one, after today, or a head left with members: refused by line, nothing written', async () => {
    const audit = await countOf(target.db, 'audit_log');
    const outcome = await importFile(
      target,
      'clients',
      csv(['No. client;No. client regroupé;En vigueur le', '30003;;2026-10-01', '30002;;2026-12-25', '30001;;']),
    );
    expect(tableOf(outcome)).toEqual([
      [
        2,
        'En vigueur le',
        'Le regroupement du client 30003 a déjà changé le 2026-11-01 : le nouveau changement ne peut prendre effet avant cette date.',
      ],
      [3, 'En vigueur le', 'Un changement de regroupement prend effet au plus tard aujourd’hui (2026-12-04).'],
      // 30003 leaves before the head stops being one; 30002 only after it.
      [
        4,
        'No. client regroupé',
        '30001 ne peut cesser d’être un compte regroupé le 2026-12-04 : 30002 en sont encore membres après cette date.',
      ],
    ]);
    expect(await countOf(target.db, 'audit_log')).toBe(audit);
  });
});

describe('a head and its members', () => {
  test('a file ungrouping a head whose members it does not name is refused once, naming them', async () => {
    const target = await newDatabase();
    await importFile(target, 'tariffs', TARIFFS_FILE);
    await importFile(target, 'clients', csv([CLIENT_HEADERS, client(31001, 31001), client(31002, 31001), client(31003, 31001)]));
    const outcome = await importFile(target, 'clients', csv(['No. client;No. client regroupé', '31001;']));
    expect(tableOf(outcome)).toEqual([
      [2, 'No. client regroupé', '31001 est le compte regroupé de 31002, 31003 : réassignez d’abord ces membres.'],
    ]);
    // With its members leaving in the same file, on the same day: accepted, whatever the order of the lines.
    const together = await importFile(target, 'clients', csv(['No. client;No. client regroupé', '31001;', '31003;', '31002;31002']));
    expect(codesOf(together)).toEqual([]);
    expect(together).toMatchObject({ isApplied: true, counts: { updated: 3 } });
  });
});

describe('100,000 historical calls', () => {
  test(
    'stream in: checked and written by batches while the file is still being read, in one transaction',
    { timeout: 180_000 },
    async () => {
      const target = await newDatabase();
      await importFile(target, 'tariffs', TARIFFS_FILE);
      await importFile(target, 'clients', csv([CLIENT_HEADERS, ...Array.from({ length: 500 }, (_, i) => client(40000 + i))]));
      const lines = [
        'No. appel;No. client;Date du service;Heure;Appelant;Adresse de départ;Destination;Distance (km);Attente (minutes);Statut;Tarif;Montant brut;Escompte (%);Escompte;Prix;No. facture',
      ];
      for (let i = 0; i < 100_000; i++) {
        const date = `2026-${String(1 + (i % 9)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
        lines.push(
          `H-${i};${40000 + (i % 500)};${date};10:${String(i % 60).padStart(2, '0')};Appelant ${i};${i}, rue Saint-Denis;${i}, boul. Laurier;12,40;5;Terminé;STD;31,50;5;1,58;29,92;${i % 2 ? `F-${i % 900}` : ''}`,
        );
      }
      const file = new TextEncoder().encode(csv(lines));
      expect(file.length).toBeGreaterThan(10 * MB);

      let chunksRead = 0;
      async function* upload() {
        for await (const chunk of bytesOf(file)) {
          chunksRead++;
          yield chunk;
        }
      }
      const totalChunks = Math.ceil(file.length / (64 * 1024));
      const progress: { rows: number; chunksRead: number }[] = [];
      const started = Date.now();
      const outcome = await importFile(target, 'calls', file, 'import', {
        body: upload(),
        onProgress: (p) => progress.push({ rows: p.rows, chunksRead }),
      });
      const seconds = (Date.now() - started) / 1000;
      expect(outcome).toMatchObject({ isApplied: true, problemCount: 0, counts: { rows: 100_000, created: 100_000 } });
      // Rows were checked and written while most of the file had not been read yet.
      expect(progress[0]!.rows).toBe(5000);
      expect(progress[0]!.chunksRead).toBeLessThan(totalChunks / 4);
      expect(progress.at(-1)!.rows).toBe(100_000);
      const [counts] = await queryRows<{ calls: number; legacy: number; statuses: number; revenue: string }>(
        target.db,
        sql`select count(*)::int as calls, count(legacy_invoice_number)::int as legacy,
                 (select count(*)::int from call_status_changes) as statuses, sum(price_cents)::text as revenue from calls`,
      );
      // 100,000 calls of 29,92 $ (31,50 $ less 5 %), half of them billed in the former system.
      expect(counts).toEqual({ calls: 100_000, legacy: 50_000, statuses: 100_000, revenue: String(100_000 * 2992) });
      console.log(`100 000 appels importés en ${seconds.toFixed(1)} s`);
      expect(seconds).toBeLessThan(120);
    },
  );
});

describe('hostile files are refused or neutralized, never half-imported', () => {
  let target: { db: Db; adminId: number };
  beforeAll(async () => {
    target = await newDatabase();
    await importFile(target, 'tariffs', TARIFFS_FILE);
  });

  test('formula cells are kept as text, and every export neutralizes them for the spreadsheet', async () => {
    const file = csv([
      'No. client;Nom;Adresse;Ville;Code postal;Tarif;Téléphone;Notes',
      `50001;"=HYPERLINK(""http://exemple.test"";""clic"")";@SUM(1+1), rue A;Montréal;H2X 1Y4;STD;+1 514 555-0101;-2+3+cmd|' /C calc'!A0`,
    ]);
    expect((await importFile(target, 'clients', file)).isApplied).toBe(true);
    const [stored] = await queryRows<{ name: string; phone: string }>(target.db, sql`select name, phone from clients where number = 50001`);
    expect(stored).toEqual({ name: '=HYPERLINK("http://exemple.test";"clic")', phone: '+1 514 555-0101' });
    const exported = await exportClientsCsv(target.db, 'semicolon');
    const line = exported.split('\r\n').find((l) => l.startsWith('50001'))!;
    expect(line).toContain(`"'=HYPERLINK(""http://exemple.test"";""clic"")"`);
    expect(line).toContain(`'@SUM(1+1), rue A`);
    expect(line).toContain(`'+1 514 555-0101`);
    expect(line).toContain(`'-2+3+cmd|`);
    // The exported file imports back to the same client: nothing changes.
    expect((await importFile(target, 'clients', exported)).counts).toMatchObject({ updated: 0, unchanged: 1 });
  });

  test('a huge field, a wrong encoding, 10 MB of one line, a binary file, a file over the size limit', async () => {
    const clients = await countOf(target.db, 'clients');
    const cases: [string, string | Uint8Array, { maxBytes?: number }, (string | number | null)[][]][] = [
      ['huge field', csv(['No. client;Nom', `50002;${'x'.repeat(100_000)}`]), {}, [[2, null, 'import.recordTooLong']]],
      ['long field', csv([CLIENT_HEADERS, client(50002, '', { name: 'x'.repeat(3000) })]), {}, [[2, 'Nom', 'import.cellTooLong']]],
      ['UTF-16', Uint8Array.from([0xff, 0xfe, ...Buffer.from('No. client;Nom\n', 'utf16le')]), {}, [[null, null, 'import.utf16']]],
      [
        'mixed encodings',
        Uint8Array.from([...Buffer.from('No. client;Nom;Adresse\n50003;Café;a\n'), ...Buffer.from('50004;D\xe9p\xf4t;b\n', 'latin1')]),
        {},
        [[3, null, 'import.mixedEncoding']],
      ],
      [
        'Windows-1252, then UTF-8',
        Uint8Array.from([...Buffer.from('No. client;Nom;Adresse\n50003;Caf\xe9;a\n', 'latin1'), ...Buffer.from('50004;Dépôt;b\n')]),
        {},
        [[3, null, 'import.switchedToUtf8']],
      ],
      ['10 MB of one line', 'x;'.repeat(5 * MB), {}, [[1, null, 'import.headerLine']]],
      // A PNG's signature holds two line feeds before its first NUL byte.
      [
        'a PNG image',
        Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]),
        {},
        [[3, null, 'import.binary']],
      ],
      [
        'over the limit',
        csv(['No. client;Nom', ...Array.from({ length: 40_000 }, (_, i) => `${60000 + i};Client`)]),
        { maxBytes: MB / 2 },
        [[null, null, 'import.tooLarge']],
      ],
    ];
    for (const [name, content, options, expected] of cases) {
      const outcome = await importFile(target, 'clients', content, 'import', options);
      expect(outcome.isApplied, name).toBe(false);
      expect(codesOf(outcome), name).toEqual(expected);
    }
    expect(await countOf(target.db, 'clients')).toBe(clients);
  });

  test('a name or a reference on two lines is refused on its line and column; addresses and notes keep their line breaks', async () => {
    const twoLines = csv([
      'No. client;Nom;Adresse;Ville;Code postal;Tarif;Notes',
      '50020;"A\r\n1060,-9999\r\nZed";1, rue A;Montréal;H2X 1Y4;STD;',
    ]);
    expect(tableOf(await importFile(target, 'clients', twoLines))).toEqual([
      [2, 'Nom', 'Une seule ligne : sans retour à la ligne, tabulation ni caractère invisible.'],
    ]);
    const kept = csv([
      'No. client;Nom;Adresse;Ville;Code postal;Tarif;Notes',
      '50021;Client 50021;"1, rue A\r\nPorte 2";Montréal;H2X 1Y4;STD;"Sonner\ndeux fois"',
    ]);
    expect(await importFile(target, 'clients', kept)).toMatchObject({ isApplied: true, problemCount: 0 });
    const [client] = await queryRows<{ address_line1: string; notes: string }>(
      target.db,
      sql`select address_line1, notes from clients where number = 50021`,
    );
    expect(client).toEqual({ address_line1: '1, rue A\r\nPorte 2', notes: 'Sonner\ndeux fois' });

    const headers =
      'No. appel;No. client;Date du service;Adresse de départ;Destination;Statut;Tarif;Montant brut;Prix;Appelant;Référence du client;No. facture;Notes';
    const calls = csv([
      headers,
      'C-1;50021;2026-10-03;1, rue A;2, rue B;Terminé;STD;20,00;20,00;"Marie\nTremblay";"PO\r\n7";"F-1\r\n1060,-9999";',
    ]);
    expect(codesOf(await importFile(target, 'calls', calls))).toEqual([
      [2, 'No. facture', 'text.singleLine'],
      [2, 'Appelant', 'text.singleLine'],
      [2, 'Référence du client', 'text.singleLine'],
    ]);
    const noted = csv([
      headers,
      'C-1;50021;2026-10-03;"1, rue A\r\nPorte 2";2, rue B;Terminé;STD;20,00;20,00;Marie;PO 7;;"Fragile\r\nCode 12"',
    ]);
    expect(await importFile(target, 'calls', noted)).toMatchObject({ isApplied: true, problemCount: 0 });
    const [call] = await queryRows<{ pickup_address: string; notes: string }>(
      target.db,
      sql`select pickup_address, notes from calls where dispatch_id = 'import:C-1'`,
    );
    expect(call).toEqual({ pickup_address: '1, rue A\r\nPorte 2', notes: 'Fragile\r\nCode 12' });
  });

  test('the size limit names the setting, in French', async () => {
    const file = csv(['Code;Nom', ...Array.from({ length: 100_000 }, (_, i) => `T${i};Tarif ${i}`)]);
    expect(file.length).toBeGreaterThan(MB);
    const outcome = await importFile(target, 'tariffs', file, 'check', { maxBytes: MB });
    expect(tableOf(outcome)).toEqual([
      [null, null, 'Fichier trop volumineux : 1 Mo au plus (réglage IMPORT_MAX_MB). Rien n’a été importé.'],
    ]);
  });

  test('Windows-1252 with é à ç and commas, as an older Excel saves it, imports with its accents', async () => {
    // ’ and œ are 0x92 and 0x9C in Windows-1252.
    const file = Buffer.from(
      'No. client,Nom,Adresse,Ville,Code postal,Tarif\r\n50010,Garçon à l\x92\x9cuvre,"12, rue Côté",Québec,G1R 4P5,STD\r\n',
      'latin1',
    );
    const outcome = await importFile(target, 'clients', Uint8Array.from(file));
    expect(outcome).toMatchObject({ isApplied: true, encoding: 'windows-1252', delimiter: ',' });
    const [row] = await queryRows<{ name: string; address_line1: string; city: string }>(
      target.db,
      sql`select name, address_line1, city from clients where number = 50010`,
    );
    expect(row).toEqual({ name: 'Garçon à l’œuvre', address_line1: '12, rue Côté', city: 'Québec' });
  });
});

describe('all or nothing', () => {
  test('an error on the last line of 12,000 calls leaves no call, though the first batches were written', async () => {
    const target = await newDatabase();
    await importFile(target, 'tariffs', TARIFFS_FILE);
    await importFile(target, 'clients', csv([CLIENT_HEADERS, client(70001)]));
    const lines = [CALL_HEADERS, ...Array.from({ length: 12_000 }, (_, i) => call(`T-${i}`, 70001)), call('T-last', 79999)];
    const outcome = await importFile(target, 'calls', csv(lines));
    expect(tableOf(outcome)).toEqual([[12_002, 'No. client', 'Le client 79999 n’existe pas : importez d’abord les clients.']]);
    expect(outcome.isApplied).toBe(false);
    expect(await countOf(target.db, 'calls')).toBe(0);
    expect(await countOf(target.db, 'call_status_changes')).toBe(0);
  });

  test('an error on the last line of a client file leaves no client and no audit line', async () => {
    const target = await newDatabase();
    await importFile(target, 'tariffs', TARIFFS_FILE);
    const audit = await countOf(target.db, 'audit_log');
    const outcome = await importFile(
      target,
      'clients',
      csv([CLIENT_HEADERS, client(71001, 71001), client(71002, 71001), client(71003, 71002)]),
    );
    expect(codesOf(outcome)).toEqual([[4, 'No. client regroupé', 'grouped.chain']]);
    expect(await countOf(target.db, 'clients')).toBe(0);
    expect(await countOf(target.db, 'audit_log')).toBe(audit);
  });
});

describe('historical calls and the credit hold', () => {
  test('the calls of a suspended client, or of a member of a suspended head, are imported: they were already served', async () => {
    const target = await newDatabase();
    await importFile(target, 'tariffs', TARIFFS_FILE);
    await importFile(target, 'clients', csv([CLIENT_HEADERS, client(81000, 81000), client(81001, 81000), client(81002)]));
    await target.db.execute(sql`update clients set suspension_reason = 'Faillite' where number in (81000, 81002)`);
    const outcome = await importFile(target, 'calls', csv([CALL_HEADERS, call('H-1', 81001), call('H-2', 81002), call('H-3', 81000)]));
    expect(outcome.problems).toEqual([]);
    expect(await countOf(target.db, 'calls')).toBe(3);
  });
});

describe('a call billed in the former system', () => {
  let target: { db: Db; adminId: number };
  let number: number;
  beforeAll(async () => {
    target = await newDatabase();
    await importFile(target, 'tariffs', TARIFFS_FILE);
    await importFile(target, 'clients', csv([CLIENT_HEADERS, client(80001)]));
    await importFile(target, 'calls', csv([CALL_HEADERS, call('L-1', 80001, { invoice: 'ANC-2026-0042' }), call('L-2', 80001)]));
    number = (await queryRows<{ number: number }>(target.db, sql`select number::int from calls where dispatch_id = 'import:L-1'`))[0]!
      .number;
  });

  test('is never billed again; the other completed call is', async () => {
    const preview = await previewBilling(target.db, billingInput.parse({ cutoff: TODAY, cycle: 'all' }));
    expect(preview.totals).toMatchObject({ invoices: 1, calls: 1, subtotalCents: 2000 });
  });

  test('shows where it was billed and cannot be edited nor moved, by the application or the database', async () => {
    expect(await getCallDetails(target.db, number)).toMatchObject({ legacyInvoiceNumber: 'ANC-2026-0042', invoice: null });
    const edit = callInput.parse({
      clientNumber: '80001',
      serviceDate: '2026-10-03',
      serviceTime: '09:30',
      pickupAddress: 'ailleurs',
      destinationAddress: 'ici',
      distanceKm: '0',
      waitingMinutes: '0',
      serviceType: 'standard',
    });
    const refusals = [
      await updateCall(target.db, target.adminId, number, edit).catch((e: unknown) => e),
      await changeCallStatus(target.db, target.adminId, number, 'cancelled').catch((e: unknown) => e),
    ];
    for (const refusal of refusals) {
      expect(refusal).toBeInstanceOf(AppError);
      expect((refusal as AppError).code).toBe('import.callLegacyInvoiced');
      expect(translators.fr((refusal as AppError).code, (refusal as AppError).params)).toBe(
        `L’appel ${number} a été facturé dans l’ancien système (facture ANC-2026-0042) : il ne peut plus être modifié.`,
      );
    }
    expect(await refusalCode(target.db.execute(sql`update calls set price_cents = 0, gross_cents = 0 where number = ${number}`))).toBe(
      'RC001',
    );
  });

  test('a file changing it later is refused at its line', async () => {
    const outcome = await importFile(
      target,
      'calls',
      csv([CALL_HEADERS, call('L-1', 80001, { invoice: 'ANC-2026-0042', gross: '25,00', price: '25,00' })]),
    );
    expect(tableOf(outcome)).toEqual([
      [2, 'No. appel', 'L’appel L-1 a déjà été importé et il est facturé (facture ANC-2026-0042) : il ne peut plus changer.'],
    ]);
  });
});

describe('the upload route checks the role itself', () => {
  let target: { db: Db; adminId: number };
  beforeAll(async () => {
    target = await newDatabase();
    process.env.DATABASE_URL = databases.at(-1)!.url;
    await importFile(target, 'tariffs', TARIFFS_FILE);
  });

  const user = (role: CurrentUser['role'], id: number): CurrentUser => ({
    id,
    name: role,
    email: `${role}@test.local`,
    role,
    locale: 'fr',
    portalClientNumber: null,
  });
  const upload = async (body: string, query = 'kind=clients&mode=import', headers: Record<string, string> = {}) => {
    const { POST } = await import('@/app/(app)/admin/import/upload/route');
    return POST(
      new Request(`http://localhost/admin/import/upload?${query}`, { method: 'POST', body, headers: { host: 'localhost', ...headers } }),
    );
  };
  const messagesOf = async (response: Response) =>
    (await response.text())
      .trim()
      .split('\n')
      .map(
        (line) => JSON.parse(line) as { type: string; problems?: { line: number; column: string; message: string }[]; counts?: unknown },
      );

  test('anonymous: sent to the sign-in page; billing clerk and dispatcher: refused; another site: refused', async () => {
    signedIn = null;
    const anonymous = await upload(csv([CLIENT_HEADERS, client(90001)]));
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toMatch(/^\/login/);
    for (const role of ['billing', 'dispatcher'] as const) {
      signedIn = user(role, target.adminId);
      const refused = await upload(csv([CLIENT_HEADERS, client(90001)]));
      expect(refused.status, role).toBe(403);
      expect(await refused.json()).toEqual({ message: 'Votre rôle ne permet pas cette opération.' });
    }
    signedIn = user('admin', target.adminId);
    expect((await upload(csv([CLIENT_HEADERS, client(90001)]), undefined, { origin: 'https://ailleurs.example' })).status).toBe(403);
    expect(await countOf(target.db, 'clients')).toBe(0);
  });

  test('an administrator’s upload streams its progress and its result; a bad kind or a file over the limit is a clear 4xx', async () => {
    signedIn = user('admin', target.adminId);
    const response = await upload(csv([CLIENT_HEADERS, client(90001), client(90002, 99)]), 'kind=clients&mode=check');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/x-ndjson');
    const messages = await messagesOf(response);
    expect(messages[0]).toEqual({ type: 'progress', bytes: 0, rows: 0 });
    expect(messages.at(-1)).toMatchObject({
      type: 'result',
      problems: [
        {
          line: 3,
          column: 'No. client regroupé',
          message: 'Le client 99 n’existe pas : un client ne peut être rattaché qu’à un compte regroupé existant.',
        },
      ],
    });

    expect((await upload('x', 'kind=users&mode=import')).status).toBe(400);
    process.env.IMPORT_MAX_MB = '1';
    try {
      const tooLarge = await upload('x', undefined, { 'content-length': String(2 * MB) });
      expect(tooLarge.status).toBe(413);
      expect(await tooLarge.json()).toEqual({
        message: 'Fichier trop volumineux : 1 Mo au plus (réglage IMPORT_MAX_MB). Rien n’a été importé.',
      });
    } finally {
      delete process.env.IMPORT_MAX_MB;
    }
  });
});

describe('the embedded database of the demo (PGlite)', () => {
  test('imports and exports as the real server does', { timeout: 120_000 }, async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'import-embedded-'));
    const app = openEmbedded(path.join(folder, 'pglite'));
    try {
      await prepareDatabase(app, () => {});
      const [admin] = await queryRows<{ id: number }>(app.db, sql`select id from users where role = 'admin' limit 1`);
      const target = { db: app.db, adminId: admin!.id };
      const clients = await exportClientsCsv(app.db, 'semicolon');
      expect((await importFile(target, 'clients', clients)).counts).toMatchObject({ created: 0, updated: 0 });
      const outcome = await importFile(target, 'clients', csv([CLIENT_HEADERS, client(95002, 95001), client(95001, 95001)]));
      expect(outcome).toMatchObject({ isApplied: true, counts: { created: 2 } });
      const calls = await importFile(target, 'calls', csv([CALL_HEADERS, call('E-1', 95002, { invoice: 'X-1' })]));
      expect(calls).toMatchObject({ isApplied: true, counts: { created: 1 } });
      expect(await exportClientsCsv(app.db, 'semicolon')).toContain('95002;Client 95002;;;95002, rue Principale;;Montréal;QC;H2X 1Y4;');
    } finally {
      await app.close();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('passenger trips in a call file', () => {
  let target: { db: Db; adminId: number };
  const TRIP_HEADERS = `${CALL_HEADERS};Type de facturation;Heures;Municipalité de départ;Municipalité de destination;No. de facture SEV`;
  const trip = (id: string, cells: Partial<Record<'type' | 'hours' | 'origin' | 'destination' | 'sev', string>>, line = call(id, 96001)) =>
    [line, cells.type ?? '', cells.hours ?? '', cells.origin ?? '', cells.destination ?? '', cells.sev ?? ''].join(';');
  beforeAll(async () => {
    target = await newDatabase();
    const tariff = await insertTariff(target.db, { isPassenger: true });
    await insertClient(target.db, 96001, tariff.id);
  });

  test('a trip’s billing type, hours, municipalities (whatever their spelling) and SEV number; the same file again changes nothing', async () => {
    const file = csv([
      TRIP_HEADERS,
      trip('S-1', { type: 'Tarif horaire', hours: '2,5', origin: 'saint jean sur richelieu', destination: 'MONTREAL', sev: 'SEV-77' }),
      trip('S-2', { type: 'tarif fixe c', origin: 'Laval', destination: 'Trois Rivieres' }),
      trip('S-3', {}),
    ]);
    expect(codesOf(await importFile(target, 'calls', file))).toEqual([]);
    const stored = await queryRows<{
      id: string;
      type: string | null;
      hours: number | null;
      origin: string | null;
      destination: string | null;
      sev: string | null;
    }>(
      target.db,
      sql`select k.dispatch_id as id, k.billing_type as type, k.billing_hours_tenths as hours, o.name as origin, d.name as destination,
                 k.sev_number as sev
            from calls k left join municipalities o on o.id = k.origin_municipality_id
                         left join municipalities d on d.id = k.destination_municipality_id
           order by k.dispatch_id`,
    );
    expect(stored).toEqual([
      { id: 'import:S-1', type: 'hourly', hours: 25, origin: 'Saint-Jean-sur-Richelieu', destination: 'Montréal', sev: 'SEV-77' },
      { id: 'import:S-2', type: 'fixed_contract', hours: null, origin: 'Laval', destination: 'Trois-Rivières', sev: null },
      { id: 'import:S-3', type: null, hours: null, origin: null, destination: null, sev: null },
    ]);
    expect((await importFile(target, 'calls', file)).counts).toEqual({ rows: 3, created: 0, updated: 0, unchanged: 3 });

    // The export writes the prescribed mention and the list's names, and imports back unchanged.
    const exported = await textOf(exportCallsCsv(target.db, { from: null, to: null }, 'semicolon'));
    expect(exported).toContain(';Tarif horaire;2,5;Saint-Jean-sur-Richelieu;Montréal;SEV-77;');
    expect((await importFile(target, 'calls', exported)).counts).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
  });

  test('each malformed cell, and a municipality the list does not have, is named by its line and column; nothing is written', async () => {
    const before = await countOf(target.db, 'calls');
    const outcome = await importFile(
      target,
      'calls',
      csv([
        TRIP_HEADERS,
        trip('X-1', { type: 'Limousine' }),
        trip('X-2', { type: 'Tarif horaire', hours: '2,55' }),
        trip('X-3', { type: 'Tarif taxi.', hours: '1' }),
        trip('X-4', { origin: 'Laval', destination: 'Atlantide' }),
        trip('X-5', { sev: 'No SEV!' }),
      ]),
    );
    expect(tableOf(outcome)).toEqual([
      [2, 'Type de facturation', expect.stringContaining('« Limousine » n’est pas une valeur permise : Tarif taxi., Tarif odo.')],
      [3, 'Heures', 'Heures : un nombre de 0,1 à 999,9, au dixième (ex. 2,5).'],
      [4, 'Heures', 'Les heures ne s’inscrivent que pour le tarif horaire.'],
      [5, 'Municipalité de destination', expect.stringContaining('La municipalité « Atlantide » n’est pas dans la liste')],
      [6, 'No. de facture SEV', expect.stringContaining('No. de facture SEV : de 1 à 40 lettres')],
    ]);
    expect(outcome.isApplied).toBe(false);
    expect(await countOf(target.db, 'calls')).toBe(before);
  });
});

describe('required references in a call file', () => {
  let target: { db: Db; adminId: number };
  const REFERENCE_HEADERS = `${CALL_HEADERS};Références`;
  /** A call's line with its references' cell, quoted as a spreadsheet quotes a cell holding the separator. */
  const referenced = (id: string, clientNumber: number, references: string, date = '2026-10-03') =>
    `${call(id, clientNumber, { date })};"${references}"`;
  const storedReferences = async () =>
    Object.fromEntries(
      (
        await queryRows<{ id: string; references: Record<string, string> }>(
          target.db,
          sql`select dispatch_id as id, reference_values as references from calls order by dispatch_id`,
        )
      ).map((row) => [row.id, row.references]),
    );
  const BAD_ORDER = 'Bon de commande : format BC-###### (ex. BC-004512).';

  beforeAll(async () => {
    target = await newDatabase();
    await importFile(target, 'tariffs', TARIFFS_FILE);
    // 97001 is a member of 97000 from its creation; 97003 joins the group on 2026-11-01; 97002 stays on its own.
    await importFile(target, 'clients', csv([CLIENT_HEADERS, client(97000, 97000), client(97001, 97000), client(97002), client(97003)]));
    await importFile(target, 'clients', csv(['No. client;No. client regroupé;En vigueur le', '97003;97000;2026-11-01']));
    // The head's purchase order applies to its members' calls; the member's own cost centre to its own.
    await target.db.execute(
      sql`insert into client_references (client_number, label, format, example, allowed_values, required_from)
          values (97000, 'Bon de commande', 'BC-######', 'BC-004512', '{}', '2026-01-01'),
                 (97001, 'Centre de coûts', null, null, array['Ventes', 'Achats'], '2026-01-01')`,
    );
  });

  test('a malformed reference, one not allowed or an entry without its label is refused by line and column « Références », naming the label; nothing is imported', async () => {
    const outcome = await importFile(
      target,
      'calls',
      csv([
        REFERENCE_HEADERS,
        referenced('Q-1', 97001, 'Bon de commande : BC-004512'),
        referenced('Q-2', 97001, 'Bon de commande : 4512'),
        referenced('Q-3', 97001, 'Bon de commande : BC-004513 ; Centre de coûts : Marketing'),
        referenced('Q-4', 97002, 'BC-004512'),
      ]),
    );
    expect(tableOf(outcome)).toEqual([
      [3, 'Références', BAD_ORDER],
      [4, 'Références', 'Centre de coûts : une des valeurs permises (Ventes, Achats).'],
      [5, 'Références', 'Valeur invalide.'],
    ]);
    expect(outcome.isApplied).toBe(false);
    expect(await countOf(target.db, 'calls')).toBe(0);
  });

  test('a good reference is stored under its rule’s label, whatever its case; a line without the required reference is imported; the same file again changes nothing', async () => {
    const file = csv([
      REFERENCE_HEADERS,
      referenced('R-1', 97001, 'bon de commande : bc-004512 ; CENTRE DE COÛTS : ventes'),
      referenced('R-2', 97001, ''),
      referenced('R-3', 97002, 'Projet : Alpha'),
    ]);
    const first = await importFile(target, 'calls', file);
    expect(codesOf(first)).toEqual([]);
    expect(first).toMatchObject({ isApplied: true, counts: { rows: 3, created: 3 } });
    const stored = {
      'import:R-1': { 'Bon de commande': 'bc-004512', 'Centre de coûts': 'Ventes' },
      'import:R-2': {},
      'import:R-3': { Projet: 'Alpha' },
    };
    expect(await storedReferences()).toEqual(stored);

    const statuses = await countOf(target.db, 'call_status_changes');
    expect((await importFile(target, 'calls', file)).counts).toEqual({ rows: 3, created: 0, updated: 0, unchanged: 3 });
    // The export writes the references by label, in the stored spelling, and imports back unchanged.
    const exported = await textOf(exportCallsCsv(target.db, { from: null, to: null }, 'semicolon'));
    expect(exported).toContain(';"Bon de commande : bc-004512 ; Centre de coûts : Ventes";');
    expect((await importFile(target, 'calls', exported)).counts).toEqual({ rows: 3, created: 0, updated: 0, unchanged: 3 });
    expect(await countOf(target.db, 'call_status_changes')).toBe(statuses);
    expect(await storedReferences()).toEqual(stored);

    // A reference given later brings the call up to date.
    const later = await importFile(target, 'calls', csv([REFERENCE_HEADERS, referenced('R-2', 97001, 'Bon de commande : BC-000001')]));
    expect(later.counts).toEqual({ rows: 1, created: 0, updated: 1, unchanged: 0 });
    expect((await storedReferences())['import:R-2']).toEqual({ 'Bon de commande': 'BC-000001' });
  });

  test('the head’s rule applies to a member’s line from the service date it is a member on, not to a client outside the group', async () => {
    const outcome = await importFile(
      target,
      'calls',
      csv([
        REFERENCE_HEADERS,
        referenced('G-1', 97002, 'Bon de commande : 12', '2026-11-15'),
        referenced('G-2', 97001, 'Bon de commande : 12', '2026-10-15'),
        referenced('G-3', 97003, 'Bon de commande : 12', '2026-10-15'),
        referenced('G-4', 97003, 'Bon de commande : 12', '2026-11-15'),
      ]),
      'check',
    );
    expect(tableOf(outcome)).toEqual([
      [3, 'Références', BAD_ORDER],
      [5, 'Références', BAD_ORDER],
    ]);
  });
});
