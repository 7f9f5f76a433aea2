/**
 * Dues (redevance) through a real generation on PostgreSQL (docs/business-rules.md, Dues): the
 * golden cases to the cent, a rate change in the middle of a period split by service date, the
 * exemption of a grouped invoice taken from its head, a credit note of a whole trip crediting its
 * dues and one of an amount not, and the database refusing an invoice whose total leaves out its dues.
 */
import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { creditNotes, duesRates, invoiceLines, invoices } from '@/db/schema';
import { billingInput } from '@/lib/billing/billing-input';
import { createCreditNote, creditNoteInput } from '@/lib/billing/credit-notes';
import { generateInvoices } from '@/lib/billing/generate-invoices';
import { confirmedListOf, previewBilling } from '@/lib/billing/preview-billing';
import { invoicePdfStream } from '@/lib/pdf/invoice-pdf';
import golden from '@/test/golden/billing.json';
import {
  insertCall,
  insertClient,
  insertCompanySettings,
  insertTariff,
  insertUser,
  refusal,
  violatedConstraint,
} from '@/test/support/fixtures';
import { pdfText, streamBytes } from '@/test/support/pdf-text';
import { createTestDatabase, type TestDatabase } from '@/test/support/test-database';

let database: TestDatabase;
let clerkId: number;
let taxi: number;
let courier: number;

const run = (isGrouped: boolean, clientFrom: number, clientTo = clientFrom) =>
  billingInput.parse({
    cutoff: '2026-11-30',
    cycle: 'all',
    isGrouped: isGrouped ? 'on' : undefined,
    clientFrom: String(clientFrom),
    clientTo: String(clientTo),
  });
const trip = (client: number, priceCents: number, serviceDate = '2026-11-10', tariffId = taxi) =>
  insertCall(database.db, client, tariffId, {
    serviceDate,
    serviceAt: new Date(`${serviceDate}T15:00:00Z`),
    grossCents: priceCents,
    priceCents,
    status: 'completed',
  });
const invoiceOf = async (client: number) => (await database.db.select().from(invoices).where(eq(invoices.billedClientNumber, client)))[0]!;

beforeAll(async () => {
  database = await createTestDatabase();
  await insertCompanySettings(database.db);
  clerkId = await insertUser(database.db, 'commis@exemple.ca');
  taxi = (await insertTariff(database.db, { code: 'TAXI', name: 'Taxi', isPassenger: true })).id;
  courier = (await insertTariff(database.db, { code: 'COURSE', name: 'Messagerie' })).id;
});
afterAll(async () => {
  await database.drop();
});

describe('the golden cases through a real generation', () => {
  test.each(golden.dues.cases.map((c, index) => ({ ...c, client: 30001 + index })))('$name', async (c) => {
    await insertClient(database.db, c.client, taxi, {
      gstExempt: 'gst_exempt' in c && c.gst_exempt === true,
      gstExemptionNumber: 'gst_exempt' in c && c.gst_exempt ? 'GST-EX-1' : null,
      ...('dues_exempt' in c && c.dues_exempt ? { duesExemption: 'municipal_contract' as const, duesExemptFrom: '2026-01-01' } : {}),
    });
    for (const line of c.lines) await trip(c.client, line.priceCents, line.serviceDate, line.passenger ? taxi : courier);
    const preview = await previewBilling(database.db, run(false, c.client));
    expect(preview.invoices[0]).toMatchObject({ subtotalCents: c.expected.fareSubtotalCents, duesCents: c.expected.duesCents });
    await generateInvoices(database.db, clerkId, run(false, c.client), '2026-12-01');
    const invoice = await invoiceOf(c.client);
    expect({
      fareSubtotalCents: invoice.subtotalCents,
      duesTrips: invoice.duesTrips,
      duesCents: invoice.duesCents,
      gstCents: invoice.gstCents,
      qstCents: invoice.qstCents,
      totalCents: invoice.totalCents,
    }).toEqual(c.expected);
    // The billing list said the same taxes before.
    expect(preview.invoices[0]).toMatchObject({
      gstCents: c.expected.gstCents,
      qstCents: c.expected.qstCents,
      totalCents: c.expected.totalCents,
    });
  });

  test('a credit note of a whole trip credits its dues and their taxes; a credit of an amount credits no dues', async () => {
    const invoice = await invoiceOf(30001);
    const [line] = await database.db.select().from(invoiceLines).where(eq(invoiceLines.invoiceId, invoice.id)).limit(1);
    expect(line).toMatchObject({ isPassenger: true, duesCents: 90 });
    await createCreditNote(
      database.db,
      clerkId,
      creditNoteInput.parse({ invoiceNumber: String(invoice.number), lineIds: [String(line!.id)], reason: 'Course annulée' }),
      '2026-12-02',
    );
    await createCreditNote(
      database.db,
      clerkId,
      creditNoteInput.parse({ invoiceNumber: String(invoice.number), amount: '10,00', reason: 'Geste commercial' }),
      '2026-12-02',
    );
    const notes = await database.db.select().from(creditNotes).where(eq(creditNotes.invoiceId, invoice.id)).orderBy(creditNotes.number);
    const amounts = notes.map((n) => ({ duesCents: n.duesCents, gstCents: n.gstCents, qstCents: n.qstCents, totalCents: n.totalCents }));
    expect(amounts).toEqual([golden.dues.creditNote.expected, golden.dues.amountCredit.expected]);
  });
});

describe('rates, exemptions and the database', () => {
  test('a rate changed in the middle of a period applies to the trips from its date, by service date', async () => {
    // The first rate is in force from 2021-01-01; 1,10 $ from 2026-11-15, then a rate of 0 ends the dues.
    await database.db.insert(duesRates).values([
      { effectiveFrom: '2026-11-15', rateCents: 110, createdBy: clerkId },
      { effectiveFrom: '2026-11-25', rateCents: 0, createdBy: clerkId },
    ]);
    try {
      await insertClient(database.db, 31001, taxi);
      await trip(31001, 2000, '2020-12-31');
      await trip(31001, 2000, '2026-11-14');
      await trip(31001, 2000, '2026-11-15');
      await trip(31001, 2000, '2026-11-20');
      await trip(31001, 2000, '2026-11-25');
      await generateInvoices(database.db, clerkId, run(false, 31001), '2026-12-01');
      const invoice = await invoiceOf(31001);
      const lines = await database.db
        .select()
        .from(invoiceLines)
        .where(eq(invoiceLines.invoiceId, invoice.id))
        .orderBy(invoiceLines.serviceDate);
      expect(lines.map((l) => l.duesCents)).toEqual([0, 90, 110, 110, 0]);
      expect({ duesTrips: invoice.duesTrips, duesCents: invoice.duesCents }).toEqual({ duesTrips: 3, duesCents: 310 });
    } finally {
      await database.db.delete(duesRates).where(inArray(duesRates.effectiveFrom, ['2026-11-15', '2026-11-25']));
    }
  });

  test('a rate changed between the list and the click: generation is refused, saying the dues changed, and bills nothing', async () => {
    await insertClient(database.db, 31002, taxi);
    await trip(31002, 2000, '2026-11-10');
    await trip(31002, 2000, '2026-11-20');
    const confirmed = confirmedListOf(await previewBilling(database.db, run(false, 31002)));
    await database.db.insert(duesRates).values({ effectiveFrom: '2026-11-15', rateCents: 110, createdBy: clerkId });
    try {
      const error = await refusal(generateInvoices(database.db, clerkId, run(false, 31002), '2026-12-01', confirmed));
      expect(error.details).toEqual([{ code: 'billing.changes.dues', params: { client: 31002, before: 1.8, now: 2 } }]);
      expect(await database.db.select().from(invoices).where(eq(invoices.billedClientNumber, 31002))).toEqual([]);
    } finally {
      await database.db.delete(duesRates).where(eq(duesRates.effectiveFrom, '2026-11-15'));
    }
  });

  test('a grouped invoice takes the exemption from its head, for the trips within the contract’s dates', async () => {
    await insertClient(database.db, 32000, taxi, {
      groupedClientNumber: 32000,
      duesExemption: 'municipal_contract',
      duesExemptFrom: '2026-11-01',
      duesExemptTo: '2026-11-15',
    });
    await insertClient(database.db, 32001, taxi, { groupedClientNumber: 32000 });
    await trip(32001, 2000, '2026-11-10'); // within the head's contract: no dues
    await trip(32001, 2000, '2026-11-20'); // after it: dues
    await generateInvoices(database.db, clerkId, run(true, 32000), '2026-12-01');
    const invoice = await invoiceOf(32000);
    expect({ duesTrips: invoice.duesTrips, duesCents: invoice.duesCents, duesExemption: invoice.duesExemption }).toEqual({
      duesTrips: 1,
      duesCents: 90,
      duesExemption: 'municipal_contract',
    });
  });

  test('the database refuses an invoice whose total leaves out its dues, and dues on a delivery', async () => {
    const invoice = await invoiceOf(30002);
    // A copy of the invoice whose total forgets its dues.
    const copy = (total: ReturnType<typeof sql>) =>
      database.db.execute(sql`
        insert into invoices (number, billing_run_id, kind, billed_client_number, issue_date, due_date, bill_to_name, bill_to_address_line1,
                              bill_to_city, bill_to_province, bill_to_postal_code, language, delivery_method, payment_terms_days,
                              line_count, subtotal_cents, dues_trips, dues_cents, gst_cents, qst_cents, total_cents)
        select 999999, billing_run_id, kind, billed_client_number, issue_date, due_date, bill_to_name, bill_to_address_line1,
               bill_to_city, bill_to_province, bill_to_postal_code, language, delivery_method, payment_terms_days,
               line_count, subtotal_cents, dues_trips, dues_cents, gst_cents, qst_cents, ${total}
          from invoices where id = ${invoice.id}`);
    expect(await violatedConstraint(copy(sql`subtotal_cents + gst_cents + qst_cents`))).toBe('invoices_amounts');
    // Dues on a courier delivery (not a passenger trip).
    expect(
      await violatedConstraint(
        database.db.execute(sql`
          insert into invoice_lines (invoice_id, call_number, client_number, client_name, service_date, pickup_address, destination_address,
                                     amount_cents, is_passenger, dues_cents)
          values (${invoice.id}, 1, 30002, 'x', '2026-11-10', 'a', 'b', 100, false, 90)`),
      ),
    ).toBe('invoice_lines_dues');
  });
});

describe('the invoice PDF', () => {
  test('a Redevance line with the trips and the rate, per member and in total; each trip says how its price was set', async () => {
    await insertClient(database.db, 33000, taxi, { groupedClientNumber: 33000 });
    await insertClient(database.db, 33001, taxi, { groupedClientNumber: 33000 });
    const call = await trip(33001, 2500, '2026-11-12');
    await database.db.execute(
      sql`update calls set billing_type = 'fixed_contract', sev_number = 'SEV-2026-42' where number = ${call.number}`,
    );
    await trip(33001, 2500, '2026-11-13');
    await trip(33000, 1500, '2026-11-13', courier);
    await generateInvoices(database.db, clerkId, run(true, 33000), '2026-12-01');
    const invoice = await invoiceOf(33000);
    const text = (await pdfText(await streamBytes((await invoicePdfStream(database.db, invoice.number))!))).join(' ');
    expect(text).toContain('Redevance 33001 (2 courses × 0,90 $) : 1,80 $');
    expect(text).toContain('Redevance (2 courses × 0,90 $)');
    expect(text).toContain('Tarif fixe c. · SEV SEV-2026-42');
    expect(invoice.totalCents).toBe(invoice.subtotalCents + 180 + invoice.gstCents + invoice.qstCents);
    expect(invoice.sevNumber).toBeNull();
  });

  test('a SEV bill number that every trip of an invoice carries is printed once, with the invoice’s number', async () => {
    await insertClient(database.db, 34000, taxi);
    await insertClient(database.db, 34001, taxi);
    const contract = [await trip(34000, 2500, '2026-11-12'), await trip(34000, 2600, '2026-11-19')];
    const mixed = [await trip(34001, 2500, '2026-11-12'), await trip(34001, 2600, '2026-11-19')];
    const setSev = (call: { number: number }, sev: string) =>
      database.db.execute(sql`update calls set sev_number = ${sev} where number = ${call.number}`);
    for (const call of contract) await setSev(call, 'SEV-2026-11');
    await setSev(mixed[0]!, 'SEV-2026-11');
    await generateInvoices(database.db, clerkId, run(false, 34000, 34001), '2026-12-01');
    const textOf = async (client: number) =>
      (await pdfText(await streamBytes((await invoicePdfStream(database.db, (await invoiceOf(client)).number))!))).join(' ');

    expect((await invoiceOf(34000)).sevNumber).toBe('SEV-2026-11');
    const once = await textOf(34000);
    expect(once).toContain('No de facture SEV SEV-2026-11');
    expect(once.split('SEV-2026-11')).toHaveLength(2);
    // One trip without it: the number stays on its trip.
    expect((await invoiceOf(34001)).sevNumber).toBeNull();
    const onTrip = await textOf(34001);
    expect(onTrip).not.toContain('No de facture SEV');
    expect(onTrip).toContain('SEV SEV-2026-11');
  });
});
