/**
 * The dues return and the registered dispatcher's annual report on a real PostgreSQL
 * (docs/business-rules.md, Returns), through real generations, credit notes and a reversal:
 *
 * - the return of the fourth quarter ties to the invoices and credit notes to the cent: the dues
 *   of the invoices issued in it, less those voided in it (one issued in the third quarter among
 *   them), less the dues of the trips credited whole (an amount credited takes none); the trips
 *   completed and not billed carry the dues that generation then gives them, the voided run's
 *   trips among them; the exempt trips stand apart with their reason (the client's, the tariff's);
 * - its CSV and PDF say the same;
 * - the annual report counts the year's completed passenger trips by month and by municipality of
 *   origin and of destination, a merged variant under its municipality, a trip without one as
 *   « Non précisée », leaving out deliveries, cancelled trips and the other years.
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { queryRows } from '@/db/index';
import { invoiceLines, invoices, municipalities } from '@/db/schema';
import { billingInput } from '@/lib/billing/billing-input';
import { createCreditNote, creditNoteInput } from '@/lib/billing/credit-notes';
import { generateInvoices } from '@/lib/billing/generate-invoices';
import { reverseRun } from '@/lib/billing/reverse-run';
import { ctqReport } from '@/lib/reports/ctq-report';
import { ctqExportInput, ctqReportFile } from '@/lib/reports/ctq-report-export';
import { duesReturn, type DuesReturn } from '@/lib/reports/dues-return';
import { duesExportInput, duesReturnFile } from '@/lib/reports/dues-return-export';
import { insertCall, insertClient, insertCompanySettings, insertTariff, insertUser } from '@/test/support/fixtures';
import { createTestDatabase, type TestDatabase } from '@/test/support/test-database';

vi.mock('next-intl/server', async () => {
  const { createTranslator } = await import('next-intl');
  const { fr: messages } = await import('@/lib/i18n/messages/fr/index');
  return {
    getTranslations: async (namespace?: 'reports') => createTranslator({ locale: 'fr', messages, namespace }),
    getLocale: async () => 'fr',
  };
});

const Q4 = { from: '2026-10-01', to: '2026-12-31' };
let database: TestDatabase;
let clerkId: number;
const tariff = { taxi: 0, courier: 0, adapted: 0 };

const trip = (client: number, serviceDate: string, options: { tariffId?: number; status?: 'completed' | 'cancelled' } = {}) =>
  insertCall(database.db, client, options.tariffId ?? tariff.taxi, {
    serviceDate,
    serviceAt: new Date(`${serviceDate}T15:00:00Z`),
    tariffCode: options.tariffId === tariff.adapted ? 'ADAPTE' : options.tariffId === tariff.courier ? 'COURSE' : 'TAXI',
    grossCents: 2000,
    priceCents: 2000,
    status: options.status ?? 'completed',
  });
const run = async (options: { cutoff: string; issue: string; from: number; to?: number; isGrouped?: boolean }) => {
  const input = billingInput.parse({
    cutoff: options.cutoff,
    cycle: 'all',
    isGrouped: options.isGrouped ? 'on' : undefined,
    clientFrom: String(options.from),
    clientTo: String(options.to ?? options.from),
  });
  const result = await generateInvoices(database.db, clerkId, input, options.issue);
  return result.runId!;
};
const invoiceOf = async (client: number, runId: number) =>
  (
    await database.db
      .select()
      .from(invoices)
      .where(sql`${invoices.billedClientNumber} = ${client} and ${invoices.billingRunId} = ${runId}`)
  )[0]!;
/** A reversal dated `on` (Montréal, mid-afternoon): reverseRun dates it now. */
const reverseOn = async (runId: number, on: string) => {
  await reverseRun(database.db, clerkId, runId);
  await database.db.execute(sql`update invoices set voided_at = ${`${on} 15:00:00-05`}::timestamptz where billing_run_id = ${runId}`);
};
const figures = (report: DuesReturn, month: string) => {
  const m = report.months.find((row) => row.month === month)!;
  return {
    invoiced: [m.invoicedTrips, m.invoicedCents],
    voided: [m.voidedTrips, m.voidedCents],
    credited: [m.creditedTrips, m.creditedCents],
    net: [m.netTrips, m.netCents],
    waiting: [m.waitingTrips, m.waitingCents],
  };
};

beforeAll(async () => {
  database = await createTestDatabase();
  await insertCompanySettings(database.db);
  clerkId = await insertUser(database.db, 'commis@exemple.ca');
  tariff.taxi = (await insertTariff(database.db, { code: 'TAXI', name: 'Taxi', isPassenger: true })).id;
  tariff.courier = (await insertTariff(database.db, { code: 'COURSE', name: 'Messagerie' })).id;
  tariff.adapted = (
    await insertTariff(database.db, { code: 'ADAPTE', name: 'Transport adapté', isPassenger: true, isDuesExempt: true })
  ).id;
});
afterAll(async () => {
  await database.drop();
});

describe('the dues return of a quarter', () => {
  beforeAll(async () => {
    const db = database.db;
    await insertClient(db, 41001, tariff.taxi);
    await insertClient(db, 41002, tariff.taxi, { duesExemption: 'municipal_contract', duesExemptFrom: '2026-01-01' });
    await insertClient(db, 41003, tariff.taxi);
    await insertClient(db, 41004, tariff.courier);
    await insertClient(db, 41010, tariff.taxi, { groupedClientNumber: 41010 });
    await insertClient(db, 41011, tariff.taxi, { groupedClientNumber: 41010 });
    await insertClient(db, 41020, tariff.taxi);
    await insertClient(db, 41030, tariff.taxi);

    // Third quarter: an invoice of 41030 issued on 1 September, voided on 15 October.
    await trip(41030, '2026-08-10');
    await trip(41030, '2026-08-11');
    await reverseOn(await run({ cutoff: '2026-08-31', issue: '2026-09-01', from: 41030 }), '2026-10-15');
    // September's trips of 41001, invoiced on 1 October.
    for (const day of ['10', '11', '12']) await trip(41001, `2026-09-${day}`);
    await run({ cutoff: '2026-09-30', issue: '2026-10-01', from: 41001 });

    // October's trips, invoiced on 1 November: 41001's, the exempt client's, a trip and two of
    // paratransit (an exempt tariff) of 41003, deliveries of 41004; the group's; 41020's, whose run
    // is reversed on 20 November.
    await trip(41001, '2026-10-05');
    await trip(41001, '2026-10-06');
    await trip(41002, '2026-10-07');
    await trip(41002, '2026-10-08');
    await trip(41003, '2026-10-09');
    await trip(41003, '2026-10-10', { tariffId: tariff.adapted });
    await trip(41003, '2026-10-11', { tariffId: tariff.adapted });
    await trip(41004, '2026-10-12', { tariffId: tariff.courier });
    await trip(41004, '2026-10-12', { tariffId: tariff.courier });
    await trip(41011, '2026-10-13');
    await trip(41011, '2026-10-14');
    await trip(41020, '2026-10-15');
    await trip(41020, '2026-10-16');
    await trip(41001, '2026-10-17', { status: 'cancelled' });
    const november = await run({ cutoff: '2026-10-31', issue: '2026-11-01', from: 41001, to: 41004 });
    const grouped = await run({ cutoff: '2026-10-31', issue: '2026-11-01', from: 41010, isGrouped: true });
    await reverseOn(await run({ cutoff: '2026-10-31', issue: '2026-11-01', from: 41020 }), '2026-11-20');

    // A trip of 41001 credited whole on 15 November; an amount credited on the group's invoice on 3 December.
    const invoice = await invoiceOf(41001, november);
    const [line] = await db.select().from(invoiceLines).where(eq(invoiceLines.invoiceId, invoice.id)).orderBy(invoiceLines.id).limit(1);
    await createCreditNote(
      db,
      clerkId,
      creditNoteInput.parse({ invoiceNumber: String(invoice.number), lineIds: [String(line!.id)], reason: 'Course annulée' }),
      '2026-11-15',
    );
    await createCreditNote(
      db,
      clerkId,
      creditNoteInput.parse({
        invoiceNumber: String((await invoiceOf(41010, grouped)).number),
        amount: '10,00',
        reason: 'Geste commercial',
      }),
      '2026-12-03',
    );

    // Completed, not billed: a trip of 41001, one of the exempt client, one of paratransit, one of the group's member.
    await trip(41001, '2026-11-20');
    await trip(41002, '2026-11-21');
    await trip(41003, '2026-12-01', { tariffId: tariff.adapted });
    await trip(41011, '2026-12-02');
  });

  test('by month: invoiced, voided (one invoice of the quarter before), credited, net and not invoiced yet', async () => {
    const report = await duesReturn(database.db, Q4);
    expect(report.months.map((m) => m.month)).toEqual(['2026-10', '2026-11', '2026-12']);
    expect(figures(report, '2026-10')).toEqual({
      invoiced: [3, 270],
      voided: [2, 180],
      credited: [0, 0],
      net: [1, 90],
      waiting: [2, 180],
    });
    expect(figures(report, '2026-11')).toEqual({
      invoiced: [7, 630],
      voided: [2, 180],
      credited: [1, 90],
      net: [4, 360],
      waiting: [1, 90],
    });
    expect(figures(report, '2026-12')).toEqual({ invoiced: [0, 0], voided: [0, 0], credited: [0, 0], net: [0, 0], waiting: [1, 90] });
    expect(report.totals).toMatchObject({ netTrips: 5, netCents: 450, waitingTrips: 4, waitingCents: 360 });
    expect(report.rates).toEqual([{ effectiveFrom: '2021-01-01', rateCents: 90 }]);
  });

  test('its totals tie to the invoices and the credit notes to the cent', async () => {
    const report = await duesReturn(database.db, Q4);
    const [books] = await queryRows<Record<string, string>>(
      database.db,
      sql`select
            (select sum(dues_cents) from invoices where issue_date between ${Q4.from} and ${Q4.to})::text as issued,
            (select sum(dues_trips) from invoices where issue_date between ${Q4.from} and ${Q4.to})::text as issued_trips,
            (select sum(dues_cents) from invoices
              where (voided_at at time zone 'America/Toronto')::date between ${Q4.from} and ${Q4.to})::text as voided,
            (select sum(dues_cents) from credit_notes where issue_date between ${Q4.from} and ${Q4.to})::text as credited,
            (select count(*) from credit_note_lines cl join credit_notes n on n.id = cl.credit_note_id
              where cl.dues_cents > 0 and n.issue_date between ${Q4.from} and ${Q4.to})::text as credited_trips,
            (select sum(dues_cents) from invoices where status = 'issued' and issue_date between ${Q4.from} and ${Q4.to})::text as standing,
            (select sum(dues_cents) from invoices where issue_date < ${Q4.from}
                and (voided_at at time zone 'America/Toronto')::date between ${Q4.from} and ${Q4.to})::text as voided_before`,
    );
    expect(report.totals).toMatchObject({
      invoicedCents: Number(books!.issued),
      invoicedTrips: Number(books!.issued_trips),
      voidedCents: Number(books!.voided),
      creditedCents: Number(books!.credited),
      creditedTrips: Number(books!.credited_trips),
    });
    // What is declared: the dues of the quarter's invoices still standing, less those credited,
    // less those of the invoice of the quarter before voided in this one.
    expect(report.totals.netCents).toBe(Number(books!.standing) - Number(books!.credited) - Number(books!.voided_before));
    // The months add up to the totals.
    expect(report.months.reduce((sum, m) => sum + m.netCents, 0)).toBe(report.totals.netCents);
  });

  test('the exempt trips apart, with their reason: the client’s exemption, the tariff’s', async () => {
    const report = await duesReturn(database.db, Q4);
    expect(report.exempt).toEqual([
      { reason: 'municipal_contract', clientNumber: 41002, name: 'Client 41002', detail: null, invoicedTrips: 2, waitingTrips: 1 },
      { reason: 'tariff', clientNumber: null, name: null, detail: null, invoicedTrips: 2, waitingTrips: 1 },
    ]);
    expect(report.exemptTotals).toEqual({ invoicedTrips: 4, waitingTrips: 2 });
  });

  test('its CSV and its PDF say the same figures', async () => {
    const csv = await duesReturnFile(database.db, duesExportInput.parse({ ...Q4 }));
    expect(csv.name).toBe('redevance-2026-10-01-2026-12-31');
    const lines = String(csv.body).split('\r\n');
    expect(lines[0]).toBe(
      '\uFEFFType;Mois / Motif;Client facturé;Précision;Courses facturées;Redevance facturée;Courses annulées;Redevance annulée;Courses créditées;Redevance créditée;Courses nettes;Redevance à déclarer;Courses non facturées;Redevance à percevoir',
    );
    expect(lines).toContain('Mois;2026-11;;;7;6,30;2;1,80;1;0,90;4;3,60;1;0,90');
    expect(lines).toContain('Total;2026-10-01 – 2026-12-31;;;10;9,00;4;3,60;1;0,90;5;4,50;4;3,60');
    expect(lines).toContain('Sans redevance;Contrat avec une municipalité;41002 Client 41002;;2;;;;;;;;1;');
    expect(lines).toContain('Sans redevance;Tarif exempté;;;2;;;;;;;;1;');
    const pdf = await duesReturnFile(database.db, duesExportInput.parse({ ...Q4, format: 'pdf' }));
    expect(
      Buffer.from(pdf.body as Buffer)
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    // A period in the wrong order, or longer than a year, is refused.
    expect(duesExportInput.safeParse({ from: '2026-12-31', to: '2026-10-01' }).success).toBe(false);
    expect(duesExportInput.safeParse({ from: '2025-01-01', to: '2026-06-30' }).success).toBe(false);
  });

  test('the trips not invoiced carry the dues that generation then gives them; billed, they leave the return unchanged', async () => {
    const before = await duesReturn(database.db, Q4);
    const runs = [
      await generateInvoices(database.db, clerkId, billingInput.parse({ cutoff: Q4.to, cycle: 'all' }), '2027-01-01'),
      await generateInvoices(database.db, clerkId, billingInput.parse({ cutoff: Q4.to, cycle: 'all', isGrouped: 'on' }), '2027-01-01'),
    ].map((result) => result.runId!);
    const [billed] = await queryRows<{ dues: string; trips: string; exempt: string }>(
      database.db,
      sql`select sum(l.dues_cents)::text as dues, count(*) filter (where l.dues_cents > 0)::text as trips,
                 count(*) filter (where l.is_passenger and l.dues_cents = 0)::text as exempt
            from invoice_lines l join invoices i on i.id = l.invoice_id
           where i.billing_run_id in (${runs[0]}, ${runs[1]}) and l.service_date between ${Q4.from} and ${Q4.to}`,
    );
    expect({ cents: Number(billed!.dues), trips: Number(billed!.trips), exempt: Number(billed!.exempt) }).toEqual({
      cents: before.totals.waitingCents,
      trips: before.totals.waitingTrips,
      exempt: before.exemptTotals.waitingTrips,
    });
    const after = await duesReturn(database.db, Q4);
    expect(after.totals).toEqual({ ...before.totals, waitingTrips: 0, waitingCents: 0 });
  });
});

describe('the registered dispatcher’s annual report', () => {
  const idOf = async (name: string) =>
    (await database.db.select({ id: municipalities.id }).from(municipalities).where(eq(municipalities.name, name)))[0]!.id;

  test('counts by month and by municipality, merged variants together, « Non précisée » apart', async () => {
    const db = database.db;
    const [montreal, laval, saintJerome] = [await idOf('Montréal'), await idOf('Laval'), await idOf('Saint-Jérôme')];
    const [variant] = await db
      .insert(municipalities)
      .values({ name: 'St-Jérôme', nameFolded: 'stjerome', mergedIntoId: saintJerome })
      .returning({ id: municipalities.id });
    await insertClient(db, 42001, tariff.taxi);
    await insertClient(db, 42002, tariff.courier);
    const at = (serviceDate: string, origin: number | null, destination: number | null, options: Parameters<typeof trip>[2] = {}) =>
      trip(42001, serviceDate, options).then((call) =>
        db.execute(
          sql`update calls set origin_municipality_id = ${origin}, destination_municipality_id = ${destination} where number = ${call.number}`,
        ),
      );
    await at('2025-01-15', montreal, laval);
    await at('2025-01-31', saintJerome, montreal);
    await at('2025-03-02', variant!.id, montreal); // St-Jérôme counts as Saint-Jérôme
    await at('2025-03-03', null, variant!.id); // no origin: « Non précisée »
    await at('2025-12-31', laval, saintJerome, { tariffId: tariff.adapted }); // exempt from dues: counted
    await at('2025-06-01', montreal, laval, { status: 'cancelled' }); // cancelled: not counted
    await at('2024-12-31', montreal, laval); // another year
    await at('2026-01-01', montreal, laval); // another year
    await insertCall(db, 42002, tariff.courier, { serviceDate: '2025-05-05', originMunicipalityId: montreal }); // a delivery
    // One trip billed: counted all the same.
    await run({ cutoff: '2025-01-31', issue: '2025-02-01', from: 42001 });

    const report = await ctqReport(db, 2025);
    expect(report.months).toEqual([2, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    expect(report.total).toBe(5);
    expect(report.origins).toEqual([
      { id: saintJerome, name: 'Saint-Jérôme', trips: 2 },
      { id: laval, name: 'Laval', trips: 1 },
      { id: montreal, name: 'Montréal', trips: 1 },
      { id: null, name: null, trips: 1 },
    ]);
    expect(report.destinations).toEqual([
      { id: montreal, name: 'Montréal', trips: 2 },
      { id: saintJerome, name: 'Saint-Jérôme', trips: 2 },
      { id: laval, name: 'Laval', trips: 1 },
    ]);

    const csv = String((await ctqReportFile(db, ctqExportInput.parse({ year: '2025' }))).body).split('\r\n');
    expect(csv[0]).toBe('\uFEFFSection;Mois ou municipalité;Courses');
    expect(csv).toContain('Mois;2025-03;2');
    expect(csv).toContain('Mois;Total;5');
    expect(csv).toContain('Origine;Saint-Jérôme;2');
    expect(csv).toContain('Origine;Non précisée;1');
    expect(csv).toContain('Destination;Total;5');
  });
});
