/**
 * A member's account within its group, on a real PostgreSQL: a head's balance broken down by
 * member follows what each member still owes (its calls less the calls credited on it; credits of
 * an amount and payments shared pro rata), and a member keeps its own suspension and its own
 * overdue invoices from before it joined, under its head's policy.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { clients, invoiceLines, invoices } from '@/db/schema';
import { billingInput } from '@/lib/billing/billing-input';
import { createCreditNote, creditNoteInput } from '@/lib/billing/credit-notes';
import { generateInvoices } from '@/lib/billing/generate-invoices';
import { addDays, todayInMontreal } from '@/lib/dates/montreal';
import { agingAsOf, memberAgingAsOf } from '@/lib/receivables/aging';
import { creditHoldOf } from '@/lib/receivables/credit-hold';
import { paymentInput } from '@/lib/receivables/payment-input';
import { recordPayment } from '@/lib/receivables/payments';
import { insertCall, insertClient, insertCompanySettings, insertTariff, insertUser } from '@/test/support/fixtures';
import { createTestDatabase, type TestDatabase } from '@/test/support/test-database';

let database: TestDatabase;
let clerkId: number;
let tariffId: number;

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  await insertCompanySettings(db);
  clerkId = await insertUser(db, 'commis@groupe.local');
  tariffId = (await insertTariff(db)).id;
});
afterAll(() => database.drop());

async function bill(cutoff: string, issueDate: string, clientNumber: number, isGrouped: boolean) {
  const input = billingInput.parse({
    cutoff,
    cycle: 'all',
    clientFrom: String(clientNumber),
    clientTo: String(clientNumber),
    isGrouped: isGrouped ? 'on' : undefined,
  });
  const run = await generateInvoices(database.db, clerkId, input, issueDate);
  const [invoice] = await database.db.select().from(invoices).where(eq(invoices.billingRunId, run.runId!));
  return invoice!;
}

async function credit(invoiceNumber: number, issueDate: string, values: { lineIds?: number[]; amount?: string }) {
  const input = creditNoteInput.parse({
    invoiceNumber: String(invoiceNumber),
    lineIds: (values.lineIds ?? []).map(String),
    amount: values.amount ?? '',
    reason: 'Correction',
  });
  return createCreditNote(database.db, clerkId, input, issueDate);
}

describe('a head’s balance broken down by member', () => {
  test('shares follow what each member still owes: its calls less those credited on it, amount credits and payments pro rata, the last cents to the largest share', async () => {
    const db = database.db;
    await insertClient(db, 800, tariffId, { groupedClientNumber: 800, name: 'Centre de santé' });
    await insertClient(db, 801, tariffId, { groupedClientNumber: 800, name: 'Clinique A' });
    await insertClient(db, 802, tariffId, { groupedClientNumber: 800, name: 'Clinique B' });
    await insertClient(db, 803, tariffId, { groupedClientNumber: 800, name: 'Clinique C' });
    for (const [client, cents] of [
      [801, 10_000],
      [802, 5_000],
      [802, 3_000],
      [803, 3_333],
    ] as const)
      await insertCall(db, client, tariffId, { grossCents: cents, priceCents: cents });
    // 213,33 $ + GST 10,67 + QST 21,28 = 245,28 $, due 2026-12-01.
    const invoice = await bill('2026-10-31', '2026-11-01', 800, true);
    expect(invoice.totalCents).toBe(24_528);
    const lines = await db.select().from(invoiceLines).where(eq(invoiceLines.invoiceId, invoice.id)).orderBy(invoiceLines.id);
    const lineOf = (client: number, cents: number) => lines.find((l) => l.clientNumber === client && l.amountCents === cents)!.id;

    const sharesOn = async (asOf: string) => {
      const head = (await agingAsOf(db, { asOf, isGrouped: true })).rows.find((row) => row.clientNumber === 800)!;
      const members = (await memberAgingAsOf(db, asOf, [800])).get(800)!;
      // To the cent, in every column.
      expect(members.reduce((sum, m) => sum + m.balance, 0)).toBe(head.balance);
      expect(members.reduce((sum, m) => sum + m.current, 0)).toBe(head.current);
      return Object.fromEntries(members.map((m) => [m.clientNumber, m.balance]));
    };

    // 802's 30,00 $ call credited on 2026-11-10 (30,00 + 1,50 + 2,99 = 34,49 $): 210,79 $ left,
    // shared 100,00 : 50,00 : 33,33 → 114,97 + 57,48 + 38,32 = 210,77, the 2 cents left to 801.
    await credit(invoice.number, '2026-11-10', { lineIds: [lineOf(802, 3_000)] });
    expect(await sharesOn('2026-11-10')).toEqual({ 801: 11_499, 802: 5_748, 803: 3_832 });
    // Before the credit note, the whole invoice shared by the calls billed: 100 : 80 : 33,33.
    expect(await sharesOn('2026-11-05')).toEqual({ 801: 11_498, 802: 9_198, 803: 3_832 });

    // 803's only call credited (33,33 + 1,67 + 3,32 = 38,32 $): 803 owes nothing and no longer shows.
    await credit(invoice.number, '2026-11-12', { lineIds: [lineOf(803, 3_333)] });
    expect(await sharesOn('2026-11-12')).toEqual({ 801: 11_498, 802: 5_749 });

    // A payment of 100,00 $ and a credit of 10,00 $ (11,50 $ with taxes) name no member: shared 2 : 1.
    await recordPayment(
      db,
      clerkId,
      paymentInput('2026-11-29').parse({ clientNumber: '800', amount: '100,00', receivedOn: '2026-11-20', method: 'cheque' }),
    );
    expect(await sharesOn('2026-11-20')).toEqual({ 801: 4_832, 802: 2_415 });
    await credit(invoice.number, '2026-11-25', { amount: '10,00' });
    expect(await sharesOn('2026-11-25')).toEqual({ 801: 4_065, 802: 2_032 });
  });
});

describe('a member’s own credit standing', () => {
  test('a member keeps its own suspension and its own overdue invoices from before it joined; its own limit and policy give way to its head’s', async () => {
    const db = database.db;
    const today = todayInMontreal();
    await insertClient(db, 900, tariffId, { groupedClientNumber: 900, name: 'Groupe Tremblay' });
    await insertClient(db, 901, tariffId, { groupedClientNumber: 900, name: 'Garage Tremblay Laval' });
    // Billed on its own 100 days ago (30 days' terms: 70 days past due today), suspended, then grouped.
    await insertClient(db, 902, tariffId, { name: 'Garage Tremblay Longueuil', creditPolicy: 'block', creditLimitCents: 0 });
    await insertCall(db, 902, tariffId, { serviceDate: addDays(today, -110), serviceAt: new Date(`${addDays(today, -110)}T14:00:00Z`) });
    expect((await bill(addDays(today, -101), addDays(today, -100), 902, false)).dueDate).toBe(addDays(today, -70));
    await db.update(clients).set({ suspensionReason: 'Chèque sans provision' }).where(eq(clients.number, 902));
    await db.update(clients).set({ groupedClientNumber: 900 }).where(eq(clients.number, 902));

    const suspended = (await creditHoldOf(db, 902, today))!;
    expect(suspended).toMatchObject({ billedClientNumber: 900, effect: 'block' });
    expect(suspended.reasons).toEqual([{ kind: 'suspended', clientNumber: 902, reason: 'Chèque sans provision' }]);

    // Lifted: its own limit (0 $) and policy ("bloquer") are not its head's, whose policy is "aucune".
    await db.update(clients).set({ suspensionReason: null }).where(eq(clients.number, 902));
    expect((await creditHoldOf(db, 902, today))!.effect).toBe('none');
    // Under the head's policy, its own invoice of before it joined, 70 days past due, holds it.
    await db.update(clients).set({ creditPolicy: 'warn', holdAfterDaysPastDue: 60 }).where(eq(clients.number, 900));
    const held = (await creditHoldOf(db, 902, today))!;
    expect(held).toMatchObject({ billedClientNumber: 900, effect: 'warn' });
    expect(held.reasons).toEqual([{ kind: 'pastDue', clientNumber: 902, days: 70, threshold: 60 }]);
    // The head's other members are not held by it.
    expect((await creditHoldOf(db, 901, today))!.effect).toBe('none');
  });
});
