/**
 * Credit notes on a real PostgreSQL, as properties over random invoices (random line amounts,
 * 0 $ lines among them, random tax exemptions) and random sequences of line credits, amount
 * credits and payments: a credit note takes its taxes on its own subtotal, never more than what
 * is left, and the note that completes the invoice's subtotal takes exactly the taxes left — so
 * an invoice never owes below zero, and one credited in full owes exactly zero.
 */
import { eq, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { queryRows } from '@/db/index';
import { invoiceLines, invoices } from '@/db/schema';
import { billingInput } from '@/lib/billing/billing-input';
import { createCreditNote, creditNoteInput } from '@/lib/billing/credit-notes';
import { generateInvoices } from '@/lib/billing/generate-invoices';
import { AppError } from '@/lib/errors';
import { centsToInput } from '@/lib/money/parse';
import { computeTaxes } from '@/lib/money/taxes';
import { paymentInput } from '@/lib/receivables/payment-input';
import { recordPayment } from '@/lib/receivables/payments';
import { insertCall, insertClient, insertCompanySettings, insertTariff, insertUser } from '@/test/support/fixtures';
import { createTestDatabase, type TestDatabase } from '@/test/support/test-database';

const TODAY = '2026-11-29';
let database: TestDatabase;
let clerkId: number;
let tariffId: number;
let nextClientNumber = 10_000;

type InvoiceShape = { lineCents: number[]; isGstExempt: boolean; isQstExempt: boolean };
type Invoice = typeof invoices.$inferSelect & { lineIds: number[]; lineCents: number[] };

/** Line amounts as calls are priced: often odd cents (10,09 $), sometimes 0 $ (a free call). */
const lineCents = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 1, max: 30_000 }) },
  { weight: 2, arbitrary: fc.constantFrom(1_009, 1, 3, 7, 13, 1_995) },
  { weight: 1, arbitrary: fc.constant(0) },
);
const invoiceShape: fc.Arbitrary<InvoiceShape> = fc.record({
  lineCents: fc.array(lineCents, { minLength: 1, maxLength: 8 }).filter((cents) => cents.some((c) => c > 0)),
  isGstExempt: fc.boolean(),
  isQstExempt: fc.boolean(),
});

/** An invoice billed the way every invoice is: a client of its own, its calls, a generation run. */
async function billInvoice(shape: InvoiceShape): Promise<Invoice> {
  const db = database.db;
  const number = nextClientNumber++;
  await insertClient(db, number, tariffId, {
    gstExempt: shape.isGstExempt,
    gstExemptionNumber: shape.isGstExempt ? 'EXO-TPS-1' : null,
    qstExempt: shape.isQstExempt,
    qstExemptionNumber: shape.isQstExempt ? 'EXO-TVQ-1' : null,
  });
  for (const cents of shape.lineCents) await insertCall(db, number, tariffId, { grossCents: cents, priceCents: cents });
  const input = billingInput.parse({ cutoff: '2026-10-31', cycle: 'all', clientFrom: String(number), clientTo: String(number) });
  const run = await generateInvoices(db, clerkId, input, '2026-11-01');
  const [invoice] = await db.select().from(invoices).where(eq(invoices.billingRunId, run.runId!));
  const lines = await db
    .select({ id: invoiceLines.id, amountCents: invoiceLines.amountCents })
    .from(invoiceLines)
    .where(eq(invoiceLines.invoiceId, invoice!.id))
    .orderBy(invoiceLines.id);
  return { ...invoice!, lineIds: lines.map((l) => l.id), lineCents: lines.map((l) => l.amountCents) };
}

async function credit(invoice: Invoice, lineIds: number[], amountCents: number): Promise<{ totalCents: number } | { refused: string }> {
  const amount = amountCents === 0 ? '' : centsToInput(amountCents, 'fr');
  const input = creditNoteInput.parse({
    invoiceNumber: String(invoice.number),
    lineIds: lineIds.map(String),
    amount,
    reason: 'Correction',
  });
  try {
    return await createCreditNote(database.db, clerkId, input, '2026-11-15');
  } catch (error) {
    if (error instanceof AppError) return { refused: error.code };
    throw error;
  }
}

async function pay(invoice: Invoice, cents: number) {
  await recordPayment(
    database.db,
    clerkId,
    paymentInput(TODAY).parse({
      clientNumber: String(invoice.billedClientNumber),
      amount: centsToInput(cents, 'fr'),
      receivedOn: '2026-11-10',
      method: 'cheque',
    }),
  );
}

/** The invoice as the receivables read it, and what its credit notes add up to. */
async function settlement(invoice: Invoice) {
  const [row] = await queryRows<{ balance: number; paid: number; subtotal: number; gst: number; qst: number; credited: number }>(
    database.db,
    sql`select (i.total_cents - i.credited_cents - i.paid_cents)::int as balance, i.paid_cents::int as paid,
               coalesce(sum(cn.subtotal_cents), 0)::int as subtotal, coalesce(sum(cn.gst_cents), 0)::int as gst,
               coalesce(sum(cn.qst_cents), 0)::int as qst, coalesce(sum(cn.total_cents), 0)::int as credited
          from invoices i left join credit_notes cn on cn.invoice_id = i.id
         where i.id = ${invoice.id}
         group by i.id`,
  );
  return row!;
}

/**
 * What the rule says a credit note of `subtotalCents` takes in taxes, from what is left of the
 * invoice: the whole rest when it completes the subtotal, else its own taxes (the invoice's
 * rounding and exemptions), never more than what is left.
 */
function expectedTaxes(invoice: Invoice, creditedSoFar: { subtotal: number; gst: number; qst: number }, subtotalCents: number) {
  const gstLeft = invoice.gstCents - creditedSoFar.gst;
  const qstLeft = invoice.qstCents - creditedSoFar.qst;
  if (creditedSoFar.subtotal + subtotalCents === invoice.subtotalCents) return gstLeft + qstLeft;
  const own = computeTaxes(subtotalCents, {
    isGstExempt: invoice.gstExemptionNumber !== null,
    isQstExempt: invoice.qstExemptionNumber !== null,
  });
  return Math.min(own.gstCents, gstLeft) + Math.min(own.qstCents, qstLeft);
}

type Step = { kind: 'lines'; pick: number[] } | { kind: 'amount'; share: number; isBeyond: boolean } | { kind: 'pay'; share: number };
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('lines' as const), pick: fc.array(fc.nat({ max: 7 }), { minLength: 1, maxLength: 4 }) }),
  fc.record({
    kind: fc.constant('amount' as const),
    share: fc.double({ min: 0.01, max: 1, noNaN: true }),
    isBeyond: fc.nat({ max: 6 }).map((n) => n === 0),
  }),
  fc.record({ kind: fc.constant('pay' as const), share: fc.double({ min: 0.01, max: 0.9, noNaN: true }) }),
);

beforeAll(async () => {
  database = await createTestDatabase();
  await insertCompanySettings(database.db);
  clerkId = await insertUser(database.db, 'commis@credits.local');
  tariffId = (await insertTariff(database.db)).id;
});
afterAll(() => database.drop());

describe('credit notes as properties over random invoices', () => {
  test('two lines of 10,09 $ credited one at a time: GST 0,50 then 0,51, QST 1,01 then 1,00; the invoice owes 0,00 $', async () => {
    const invoice = await billInvoice({ lineCents: [1_009, 1_009], isGstExempt: false, isQstExempt: false });
    expect(invoice).toMatchObject({ subtotalCents: 2_018, gstCents: 101, qstCents: 201, totalCents: 2_320 });
    expect(await credit(invoice, [invoice.lineIds[0]!], 0)).toMatchObject({ totalCents: 1_009 + 50 + 101 });
    expect(await credit(invoice, [invoice.lineIds[1]!], 0)).toMatchObject({ totalCents: 1_009 + 51 + 100 });
    expect(await settlement(invoice)).toMatchObject({ balance: 0, subtotal: 2_018, gst: 101, qst: 201 });
  });

  test('a selection of 0 $ calls alone is refused with its reason; among others they are left out', async () => {
    const invoice = await billInvoice({ lineCents: [0, 2_500], isGstExempt: false, isQstExempt: false });
    expect(await credit(invoice, [invoice.lineIds[0]!], 0)).toEqual({ refused: 'credit.onlyZeroLines' });
    expect(await credit(invoice, invoice.lineIds, 0)).toMatchObject({ totalCents: invoice.totalCents });
    const credited = await queryRows<{ line: number }>(
      database.db,
      sql`select invoice_line_id::int as line from credit_note_lines cl join credit_notes cn on cn.id = cl.credit_note_id
           where cn.invoice_id = ${invoice.id}`,
    );
    expect(credited).toEqual([{ line: invoice.lineIds[1] }]);
    expect((await settlement(invoice)).balance).toBe(0);
  });

  test('any sequence of line credits, amount credits and payments: each note is taken or refused as the rule says, the balance never goes below zero, and a completed subtotal leaves no tax: an unpaid invoice credited to the end owes exactly zero', async () => {
    await fc.assert(
      fc.asyncProperty(invoiceShape, fc.array(step, { minLength: 1, maxLength: 8 }), async (shape, steps) => {
        const invoice = await billInvoice(shape);
        const credited = new Set<number>();
        for (const s of steps) {
          const before = await settlement(invoice);
          const left = invoice.subtotalCents - before.subtotal;
          if (s.kind === 'pay') {
            const cents = Math.floor(before.balance * s.share);
            if (cents > 0) await pay(invoice, cents);
          } else {
            const lineIds = s.kind === 'lines' ? [...new Set(s.pick.map((i) => invoice.lineIds[i % invoice.lineIds.length]!))] : [];
            const linesCents = lineIds.reduce((sum, id) => sum + invoice.lineCents[invoice.lineIds.indexOf(id)]!, 0);
            const amountCents = s.kind === 'amount' ? (s.isBeyond ? left + 1 : Math.max(1, Math.floor(left * s.share))) : 0;
            const subtotal = linesCents + amountCents;
            const outcome = await credit(invoice, lineIds, amountCents);
            // A 0 $ call is never on a note: choosing it again is not choosing a credited call.
            if (lineIds.some((id) => credited.has(id))) expect(outcome).toEqual({ refused: 'credit.lineAlreadyCredited' });
            else if (subtotal === 0) expect(outcome).toEqual({ refused: 'credit.onlyZeroLines' });
            else if (subtotal > left) expect(outcome).toEqual({ refused: 'credit.tooMuch' });
            else if (subtotal + expectedTaxes(invoice, before, subtotal) > before.balance)
              expect(outcome).toEqual({ refused: 'credit.exceedsBalance' });
            else {
              expect(outcome).toEqual({ number: expect.any(Number), totalCents: subtotal + expectedTaxes(invoice, before, subtotal) });
              for (const id of lineIds) if (invoice.lineCents[invoice.lineIds.indexOf(id)]! > 0) credited.add(id);
            }
          }
          const after = await settlement(invoice);
          expect(after.balance).toBeGreaterThanOrEqual(0);
          expect(after.balance).toBe(invoice.totalCents - after.credited - after.paid);
          if (after.subtotal === invoice.subtotalCents) expect([after.gst, after.qst]).toEqual([invoice.gstCents, invoice.qstCents]);
        }
        // Then the rest of the subtotal: an unpaid invoice ends at exactly zero; a paid one refuses
        // a note beyond its balance due.
        const last = await settlement(invoice);
        if (last.subtotal < invoice.subtotalCents) {
          const outcome = await credit(invoice, [], invoice.subtotalCents - last.subtotal);
          if (last.paid === 0) expect(outcome).toHaveProperty('totalCents');
          else expect(outcome).toEqual({ refused: 'credit.exceedsBalance' });
        }
        const final = await settlement(invoice);
        if (final.paid === 0) expect(final).toMatchObject({ balance: 0, credited: invoice.totalCents });
      }),
      { numRuns: 80, seed: 20261205 },
    );
  });

  test('crediting every line of an unpaid invoice, in any grouping of notes, leaves exactly zero', async () => {
    await fc.assert(
      fc.asyncProperty(invoiceShape, fc.array(fc.nat({ max: 3 }), { minLength: 8, maxLength: 8 }), async (shape, noteOfLine) => {
        const invoice = await billInvoice(shape);
        const notes = new Map<number, number[]>();
        invoice.lineIds.forEach((id, i) => {
          if (invoice.lineCents[i] === 0) return;
          notes.set(noteOfLine[i]!, [...(notes.get(noteOfLine[i]!) ?? []), id]);
        });
        for (const lineIds of notes.values()) expect(await credit(invoice, lineIds, 0)).toHaveProperty('totalCents');
        expect(await settlement(invoice)).toMatchObject({ balance: 0, subtotal: invoice.subtotalCents, credited: invoice.totalCents });
      }),
      { numRuns: 60, seed: 20261206 },
    );
  });

  test('once payments are applied, credits adding up to the balance due leave exactly zero, and one cent more is refused', async () => {
    await fc.assert(
      fc.asyncProperty(invoiceShape, fc.double({ min: 0.05, max: 0.95, noNaN: true }), async (shape, paidShare) => {
        const invoice = await billInvoice(shape);
        const paid = Math.max(1, Math.floor(invoice.totalCents * paidShare));
        await pay(invoice, paid);
        // The largest note that fits the balance, again and again (a 1 cent note always fits).
        for (let state = await settlement(invoice); state.balance > 0; state = await settlement(invoice)) {
          let amount = Math.min(state.balance, invoice.subtotalCents - state.subtotal);
          while (amount > 1 && amount + expectedTaxes(invoice, state, amount) > state.balance) amount--;
          expect(await credit(invoice, [], amount)).toHaveProperty('totalCents');
        }
        expect((await settlement(invoice)).balance).toBe(0);
        expect(await credit(invoice, [], 1)).toEqual({ refused: 'credit.exceedsBalance' });
      }),
      { numRuns: 40, seed: 20261207 },
    );
  });
});
