/**
 * The demo's receivables: an older history than the two months of recent calls (days 62 to 120
 * before today), billed in two monthly runs of each process, then paid in part: a partial
 * cheque on the grouped invoice of 12345, one cheque covering several invoices of 20001, a
 * cheque of 20002 returned by the bank, and 20006 over its credit limit (policy "avertir").
 * The recent calls are left as they are, still to bill.
 */
import { eq, sql } from 'drizzle-orm';
import type { Db, Executor } from '@/db/index';
import { calls, clients, invoices, municipalities, tariffs, users } from '@/db/schema';
import { billingInput } from '@/lib/billing/billing-input';
import { generateInvoices } from '@/lib/billing/generate-invoices';
import { addDays, montrealDateTime } from '@/lib/dates/montreal';
import { priceCall } from '@/lib/pricing/price-call';
import { paymentInput } from '@/lib/receivables/payment-input';
import { recordPayment, reversePayment } from '@/lib/receivables/payments';

const HISTORY_CLIENTS = [12345, 12346, 12347, 20001, 20002, 20006, 20009] as const;

export async function seedReceivablesHistory(executor: Executor, today: string): Promise<{ invoices: number; payments: number }> {
  // generateInvoices and recordPayment open their own transactions: inside the seed's, savepoints.
  const db = executor as Db;
  const [clerk] = await db.select({ id: users.id }).from(users).where(eq(users.role, 'billing')).limit(1);
  const clientRows = await db
    .select({ number: clients.number, discountPercent: clients.discountPercent, tariff: tariffs })
    .from(clients)
    .innerJoin(tariffs, eq(tariffs.id, clients.tariffId))
    .where(
      sql`${clients.number} in (${sql.join(
        HISTORY_CLIENTS.map((n) => sql`${n}`),
        sql`, `,
      )})`,
    );

  // The history's trips all go from Montréal to Montréal; a passenger trip says so (the TAXI tariff's).
  const [montreal] = await db.select({ id: municipalities.id }).from(municipalities).where(eq(municipalities.name, 'Montréal'));
  const rows: (typeof calls.$inferInsert)[] = [];
  for (const [index, client] of clientRows.entries()) {
    for (let dayOffset = 120 - index; dayOffset >= 62; dayOffset -= 9) {
      const serviceDate = addDays(today, -dayOffset);
      const distanceKm = (((dayOffset * 7 + client.number) % 300) / 10 + 3).toFixed(1);
      const price = priceCall(client.tariff, {
        distanceKm,
        waitingMinutes: dayOffset % 4 === 0 ? 10 : 0,
        discountPercent: client.discountPercent,
      });
      const serviceAt = montrealDateTime(serviceDate, '10:30');
      rows.push({
        clientNumber: client.number,
        serviceAt,
        serviceDate,
        caller: 'Réception',
        pickupAddress: '1200, rue Saint-Jacques, Montréal',
        destinationAddress: '500, boulevard René-Lévesque Ouest, Montréal',
        distanceKm,
        waitingMinutes: dayOffset % 4 === 0 ? 10 : 0,
        serviceType: client.tariff.code === 'TAXI' ? 'taxi' : client.tariff.code === 'EXP' ? 'express' : 'standard',
        status: 'completed',
        tariffId: client.tariff.id,
        tariffCode: client.tariff.code,
        ...price,
        completedAt: new Date(serviceAt.getTime() + 60 * 60_000),
        createdAt: new Date(serviceAt.getTime() - 60 * 60_000),
        ...(client.tariff.isPassenger
          ? { billingType: client.tariff.defaultBillingType, originMunicipalityId: montreal!.id, destinationMunicipalityId: montreal!.id }
          : {}),
      });
    }
  }
  await db.insert(calls).values(rows);

  // Two months billed, each in both processes, issued on the day after the cut-off.
  for (const cutoffOffset of [91, 61]) {
    const cutoff = addDays(today, -cutoffOffset);
    for (const isGrouped of [true, false]) {
      const input = billingInput.parse({ cutoff, cycle: 'all', isGrouped: isGrouped ? 'on' : undefined });
      await generateInvoices(db, clerk!.id, input, addDays(cutoff, 1));
    }
  }

  const invoicesOf = async (client: number) =>
    db.select().from(invoices).where(eq(invoices.billedClientNumber, client)).orderBy(invoices.issueDate);
  const cents = (value: number) => (value / 100).toFixed(2).replace('.', ',');
  const pay = async (client: number, amountCents: number, receivedOn: string, method: string, reference: string) =>
    recordPayment(
      db,
      clerk!.id,
      paymentInput(today).parse({
        clientNumber: String(client),
        amount: cents(amountCents),
        receivedOn,
        method,
        reference,
        allocation: 'auto',
      }),
    );

  const [grouped] = await invoicesOf(12345);
  await pay(12345, Math.round(grouped!.totalCents * 0.6), addDays(today, -40), 'cheque', '004512');
  const ofBakery = await invoicesOf(20001);
  await pay(
    20001,
    ofBakery.reduce((sum, invoice) => sum + invoice.totalCents, 0),
    addDays(today, -25),
    'cheque',
    '1187',
  );
  const [returned] = await invoicesOf(20002);
  const bounced = await pay(20002, returned!.totalCents, addDays(today, -35), 'cheque', '553');
  await reversePayment(db, clerk!.id, { number: bounced.number, reversedOn: addDays(today, -30), reason: 'Chèque sans provision' });
  await pay(20009, 5_000, addDays(today, -10), 'transfer', 'VIR-20931');

  await db
    .update(clients)
    .set({ creditPolicy: 'warn', creditLimitCents: 5_000, holdAfterDaysPastDue: 45 })
    .where(eq(clients.number, 20006));
  const [{ count }] = (await db.select({ count: sql<number>`count(*)::int` }).from(invoices)) as [{ count: number }];
  return { invoices: count, payments: 5 };
}
