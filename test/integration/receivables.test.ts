/**
 * Receivables on a real PostgreSQL: payments applied oldest due first or as typed, credit on
 * account, reversal of a returned cheque, allocations released, aging and ledgers as of a date,
 * the credit hold of a group, and the database's refusals (never more than the payment or the
 * invoice's balance, never a void or another client's invoice), also from two clerks at once.
 */
import { and, eq, sql } from 'drizzle-orm';
import { createTranslator } from 'next-intl';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { queryRows } from '@/db/index';
import { auditLog, clients, invoices, paymentAllocations, payments } from '@/db/schema';
import { billingInput } from '@/lib/billing/billing-input';
import { createCreditNote, creditNoteInput } from '@/lib/billing/credit-notes';
import { generateInvoices } from '@/lib/billing/generate-invoices';
import { reverseRun } from '@/lib/billing/reverse-run';
import { AppError } from '@/lib/errors';
import { fr } from '@/lib/i18n/messages/fr/index';
import { agingAsOf, memberAgingAsOf } from '@/lib/receivables/aging';
import { creditHoldOf } from '@/lib/receivables/credit-hold';
import { createDepositBatch, postDepositBatch } from '@/lib/receivables/deposit-batches';
import { clientLedger, memberShares, memberSubtotals } from '@/lib/receivables/ledger';
import { paymentInput } from '@/lib/receivables/payment-input';
import { applyPaymentCredit, recordPayment, releaseAllocation, reversePayment } from '@/lib/receivables/payments';
import { insertCall, insertClient, insertCompanySettings, insertTariff, insertUser, refusalCode } from '@/test/support/fixtures';
import { checkLedgerInvariants, NO_LEDGER_VIOLATION } from '@/test/support/ledger-invariants';
import { createTestDatabase, type TestDatabase } from '@/test/support/test-database';

const TODAY = '2026-11-29';
let database: TestDatabase;
let clerkId: number;
let tariffId: number;
/** Invoices by billed client and issue date. */
const invoiceOf = new Map<string, { id: number; number: number; totalCents: number }>();

const pay = (values: Record<string, string | string[]>) =>
  paymentInput(TODAY).parse({ receivedOn: '2026-11-20', method: 'cheque', allocation: 'auto', ...values });

const translateError = createTranslator({ locale: 'fr', messages: fr, namespace: 'errors' });
/** What a clerk reads of a refusal, translated as the action wrapper does; anything but an AppError as itself, to fail the comparison. */
function clerkMessageOf(error: unknown): string {
  return error instanceof AppError ? translateError(error.code, error.params) : `not an AppError: ${String(error)}`;
}

async function invoiceRow(number: number) {
  const [row] = await database.db.select().from(invoices).where(eq(invoices.number, number));
  return row!;
}

async function billMonth(cutoff: string, issueDate: string, isGrouped: boolean) {
  const input = billingInput.parse({ cutoff, cycle: 'all', isGrouped: isGrouped ? 'on' : undefined });
  const run = await generateInvoices(database.db, clerkId, input, issueDate);
  const rows = await database.db
    .select({ id: invoices.id, number: invoices.number, client: invoices.billedClientNumber, totalCents: invoices.totalCents })
    .from(invoices)
    .where(eq(invoices.billingRunId, run.runId!));
  for (const row of rows) invoiceOf.set(`${row.client}@${issueDate}`, row);
  return run.runId!;
}

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  await insertCompanySettings(db);
  clerkId = await insertUser(db, 'commis@courses.local');
  tariffId = (await insertTariff(db)).id;
  // Head 500 with members 501 and 502; 600 and 601 billed on their own.
  await insertClient(db, 500, tariffId, { groupedClientNumber: 500 });
  await insertClient(db, 501, tariffId, { groupedClientNumber: 500, name: 'Succursale Laval' });
  await insertClient(db, 502, tariffId, { groupedClientNumber: 500, name: 'Succursale Longueuil' });
  await insertClient(db, 600, tariffId);
  await insertClient(db, 601, tariffId);
  const call = (client: number, date: string, cents: number) =>
    insertCall(db, client, tariffId, { serviceDate: date, serviceAt: new Date(`${date}T14:00:00Z`), grossCents: cents, priceCents: cents });
  for (const date of ['2026-09-10', '2026-10-10']) {
    await call(501, date, 10_000);
    await call(502, date, 5_000);
    await call(502, date, 2_500);
    await call(600, date, 20_000);
    await call(601, date, 1_000);
  }
  // September billed on October 1 (due October 31), October on November 1 (due December 1).
  await billMonth('2026-09-30', '2026-10-01', true);
  await billMonth('2026-09-30', '2026-10-01', false);
  await billMonth('2026-10-31', '2026-11-01', true);
  await billMonth('2026-10-31', '2026-11-01', false);
});
afterAll(() => database.drop());

describe('payments', () => {
  test('a payment goes to the oldest due invoice first, partly to the next, nothing left on account', async () => {
    const september = invoiceOf.get('600@2026-10-01')!;
    const october = invoiceOf.get('600@2026-11-01')!;
    const amount = september.totalCents + 5_000;
    const recorded = await recordPayment(database.db, clerkId, pay({ clientNumber: '600', amount: (amount / 100).toFixed(2) }));
    expect(recorded).toMatchObject({ appliedCents: amount, creditCents: 0, invoices: [september.number, october.number] });
    expect(await invoiceRow(september.number)).toMatchObject({ paidCents: september.totalCents });
    expect(await invoiceRow(october.number)).toMatchObject({ paidCents: 5_000 });
    expect(await checkLedgerInvariants(database.db, TODAY)).toEqual(NO_LEDGER_VIOLATION);
  });

  test('what exceeds the open invoices stays as a credit on account, applied later to a new invoice', async () => {
    const invoice = invoiceOf.get('601@2026-10-01')!;
    const recorded = await recordPayment(database.db, clerkId, pay({ clientNumber: '601', amount: '100,00' }));
    // 601's two invoices of 11.50 $ (10 $ + taxes) are paid; the rest is on account.
    const october = invoiceOf.get('601@2026-11-01')!;
    expect(recorded.creditCents).toBe(10_000 - invoice.totalCents - october.totalCents);
    await expect(applyPaymentCredit(database.db, clerkId, recorded.number, TODAY)).rejects.toMatchObject({ code: 'payment.noOpenInvoice' });
    const ledger = await clientLedger(database.db, 601);
    expect(ledger.closingCents).toBe(-recorded.creditCents);
  });

  test('manual allocation: partial amounts as typed; above a balance or above the payment is refused and nothing is saved', async () => {
    const head = invoiceOf.get('500@2026-10-01')!;
    const before = await database.db.select({ count: sql<number>`count(*)::int` }).from(payments);
    const aboveBalance = pay({
      clientNumber: '500',
      amount: '5000,00',
      allocation: 'manual',
      invoiceNumbers: [String(head.number)],
      appliedAmounts: [((head.totalCents + 1) / 100).toFixed(2)],
    });
    await expect(recordPayment(database.db, clerkId, aboveBalance)).rejects.toMatchObject({
      code: 'payment.aboveBalance',
      fieldErrors: { [`applied-${head.number}`]: ['payment.aboveBalance'] },
    });
    const aboveAmount = pay({
      clientNumber: '500',
      amount: '10,00',
      allocation: 'manual',
      invoiceNumbers: [String(head.number)],
      appliedAmounts: ['20,00'],
    });
    await expect(recordPayment(database.db, clerkId, aboveAmount)).rejects.toMatchObject({ code: 'payment.aboveAmount' });
    expect(await database.db.select({ count: sql<number>`count(*)::int` }).from(payments)).toEqual(before);

    const partial = pay({
      clientNumber: '500',
      amount: '100,00',
      allocation: 'manual',
      invoiceNumbers: [String(head.number)],
      appliedAmounts: ['60,00'],
    });
    const recorded = await recordPayment(database.db, clerkId, partial);
    expect(recorded).toMatchObject({ appliedCents: 6_000, creditCents: 4_000 });
    expect(await invoiceRow(head.number)).toMatchObject({ paidCents: 6_000 });
  });

  test('a returned cheque reopens its invoices on its date; the past still reads as it was', async () => {
    const invoice = invoiceOf.get('600@2026-11-01')!;
    const { number } = await recordPayment(database.db, clerkId, pay({ clientNumber: '600', amount: '50,00', receivedOn: '2026-11-21' }));
    const paidBefore = (await invoiceRow(invoice.number)).paidCents;
    const { reopened } = await reversePayment(database.db, clerkId, { number, reversedOn: '2026-11-25', reason: 'Chèque sans provision' });
    expect(reopened).toEqual([invoice.number]);
    expect((await invoiceRow(invoice.number)).paidCents).toBe(paidBefore - 5_000);
    await expect(reversePayment(database.db, clerkId, { number, reversedOn: TODAY, reason: 'encore' })).rejects.toMatchObject({
      code: 'payment.alreadyReversed',
    });
    // On the 22nd the payment stood; on the 25th it no longer does.
    const ledger = await clientLedger(database.db, 600);
    const kinds = ledger.entries.map((e) => `${e.date} ${e.kind} ${e.amountCents}`);
    expect(kinds).toContain('2026-11-21 payment -5000');
    expect(kinds).toContain('2026-11-25 reversal 5000');
    const on22 = await agingAsOf(database.db, { asOf: '2026-11-22', isGrouped: false });
    const on25 = await agingAsOf(database.db, { asOf: '2026-11-25', isGrouped: false });
    const of600 = (report: typeof on22) => report.rows.find((r) => r.clientNumber === 600)!.balance;
    expect(of600(on25) - of600(on22)).toBe(5_000);
    expect(await checkLedgerInvariants(database.db, TODAY)).toEqual(NO_LEDGER_VIOLATION);
    // Everything is in the audit log, under the billed client, with the clerk who did it.
    const logged = await database.db
      .select({
        userId: auditLog.userId,
        clientNumber: auditLog.clientNumber,
        field: auditLog.field,
        old: auditLog.oldValue,
        new: auditLog.newValue,
      })
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'payment'), eq(auditLog.entityKey, String(number))))
      .orderBy(auditLog.id);
    expect(logged).toEqual([
      { userId: clerkId, clientNumber: 600, field: 'amount_cents', old: null, new: '5000' },
      { userId: clerkId, clientNumber: 600, field: 'allocation', old: null, new: `${invoice.number}:5000` },
      { userId: clerkId, clientNumber: 600, field: 'allocation_released', old: `${invoice.number}:5000`, new: '2026-11-25' },
      { userId: clerkId, clientNumber: 600, field: 'status', old: 'posted', new: 'reversed' },
      { userId: clerkId, clientNumber: 600, field: 'reversal_reason', old: null, new: 'Chèque sans provision (2026-11-25)' },
    ]);
  });

  test('an allocation released returns to the payment’s credit; a reversed payment keeps its history', async () => {
    const [allocation] = await database.db
      .select()
      .from(paymentAllocations)
      .where(sql`released_on is null`)
      .limit(1);
    const payment = (await database.db.select().from(payments).where(eq(payments.id, allocation!.paymentId)))[0]!;
    await releaseAllocation(database.db, clerkId, allocation!.id, TODAY);
    const after = (await database.db.select().from(payments).where(eq(payments.id, payment.id)))[0]!;
    expect(after.appliedCents).toBe(payment.appliedCents - allocation!.amountCents);
    await expect(releaseAllocation(database.db, clerkId, allocation!.id, TODAY)).rejects.toMatchObject({
      code: 'payment.allocationReleased',
    });
    await applyPaymentCredit(database.db, clerkId, payment.number, TODAY);
    expect(await checkLedgerInvariants(database.db, TODAY)).toEqual(NO_LEDGER_VIOLATION);
  });

  test('a deposit batch posts only when it balances, then applies each payment', async () => {
    const batch = await createDepositBatch(database.db, clerkId, {
      depositDate: '2026-11-27',
      announcedCents: 3_000,
      reference: 'Dépôt 42',
    });
    const inBatch = await recordPayment(database.db, clerkId, pay({ clientNumber: '502', amount: '10,00', batchId: String(batch.id) }));
    expect(inBatch.appliedCents).toBe(0);
    await expect(postDepositBatch(database.db, clerkId, batch.id)).rejects.toMatchObject({
      code: 'batch.unbalanced',
      params: { difference: 20 },
    });
    await recordPayment(database.db, clerkId, pay({ clientNumber: '502', amount: '20,00', batchId: String(batch.id) }));
    expect(await postDepositBatch(database.db, clerkId, batch.id)).toEqual({ payments: 2 });
    const posted = await database.db.select().from(payments).where(eq(payments.depositBatchId, batch.id));
    expect(posted.map((p) => p.status)).toEqual(['posted', 'posted']);
    // 502 has no invoice of its own (its calls are on 500's): both stay on account.
    expect(posted.map((p) => p.appliedCents)).toEqual([0, 0]);
    await expect(postDepositBatch(database.db, clerkId, batch.id)).rejects.toMatchObject({ code: 'batch.posted' });
    // The database holds the rule too: an unbalanced batch is not posted, a posted one takes no pending payment.
    const other = await createDepositBatch(database.db, clerkId, { depositDate: '2026-11-27', announcedCents: 500, reference: null });
    expect(
      await refusalCode(database.db.execute(sql`update deposit_batches set status = 'posted', posted_at = now() where id = ${other.id}`)),
    ).toBe('RR003');
    expect(
      await refusalCode(
        database.db.insert(payments).values({
          number: 999_999,
          billedClientNumber: 502,
          receivedOn: '2026-11-27',
          amountCents: 500,
          method: 'cheque',
          status: 'pending',
          depositBatchId: batch.id,
          createdBy: clerkId,
        }),
      ),
    ).toBe('RR003');
  });
});

describe('what the database refuses by itself', () => {
  test('no allocation to another client’s invoice, to a void invoice, or beyond the balance or the payment', async () => {
    const db = database.db;
    const { number } = await recordPayment(db, clerkId, pay({ clientNumber: '601', amount: '1,00' }));
    const payment = (await db.select().from(payments).where(eq(payments.number, number)))[0]!;
    const foreign = invoiceOf.get('600@2026-11-01')!;
    const insert = (invoiceId: number, amountCents: number) =>
      db.insert(paymentAllocations).values({ paymentId: payment.id, invoiceId, amountCents, appliedOn: TODAY, createdBy: clerkId });
    expect(await refusalCode(insert(foreign.id, 1))).toBe('RR001');
    expect(await refusalCode(db.update(payments).set({ amountCents: 1 }).where(eq(payments.id, payment.id)))).toBe('RB002');
    expect(await refusalCode(db.delete(paymentAllocations))).toBe('RB002');
    expect(
      await refusalCode(
        db
          .update(invoices)
          .set({ paidCents: 10 ** 9 })
          .where(eq(invoices.id, foreign.id)),
      ),
    ).toBe('23514');
  });

  test('a run with a payment applied cannot be reversed, nor its invoice voided', async () => {
    const [row] = await queryRows<{ billing_run_id: number; number: number }>(
      database.db,
      sql`select billing_run_id, number from invoices where paid_cents > 0 order by number limit 1`,
    );
    await expect(reverseRun(database.db, clerkId, Number(row!.billing_run_id))).rejects.toMatchObject({ code: 'billing.hasPayments' });
    expect(
      await refusalCode(
        database.db
          .update(invoices)
          .set({ status: 'void', voidedAt: new Date() })
          .where(eq(invoices.number, Number(row!.number))),
      ),
    ).toBe('RR002');
  });

  test('a credit note takes only what payments leave due', async () => {
    const invoice = await invoiceRow(invoiceOf.get('600@2026-10-01')!.number);
    expect(invoice.paidCents).toBe(invoice.totalCents);
    const input = creditNoteInput.parse({ invoiceNumber: String(invoice.number), amount: '1,00', reason: 'Rabais' });
    await expect(createCreditNote(database.db, clerkId, input, TODAY)).rejects.toMatchObject({ code: 'credit.exceedsBalance' });
  });

  test('two clerks paying the same 91,98 $ invoice 60,00 $ at once: one is applied, the other refused with the 31,98 $ left due; two applying one payment’s credit: one applies it, the other finds no open invoice', async () => {
    const db = database.db;
    await insertClient(db, 700, tariffId);
    // 80,00 $ + GST 4,00 $ + QST 7,98 $ = 91,98 $.
    await insertCall(db, 700, tariffId, {
      serviceDate: '2026-10-05',
      serviceAt: new Date('2026-10-05T14:00:00Z'),
      grossCents: 8_000,
      priceCents: 8_000,
    });
    const runInput = billingInput.parse({ cutoff: '2026-10-31', cycle: 'all', clientFrom: '700', clientTo: '700' });
    await generateInvoices(db, clerkId, runInput, '2026-11-01');
    const [invoice] = await db.select().from(invoices).where(eq(invoices.billedClientNumber, 700));
    expect(invoice!.totalCents).toBe(9_198);
    const sixtyOnTheInvoice = () =>
      recordPayment(
        db,
        clerkId,
        pay({
          clientNumber: '700',
          amount: '60,00',
          allocation: 'manual',
          invoiceNumbers: [String(invoice!.number)],
          appliedAmounts: ['60,00'],
        }),
      );
    const postedOf700 = () =>
      db
        .select()
        .from(payments)
        .where(sql`billed_client_number = 700 and status = 'posted'`);
    for (let round = 0; round < 10; round++) {
      const results = await Promise.allSettled([sixtyOnTheInvoice(), sixtyOnTheInvoice()]);
      const applied = results.filter((r) => r.status === 'fulfilled');
      const refused = results.filter((r) => r.status === 'rejected');
      expect(applied, `round ${round}`).toHaveLength(1);
      expect(applied[0]!.value).toMatchObject({ appliedCents: 6_000, creditCents: 0, invoices: [invoice!.number] });
      expect(refused, `round ${round}`).toHaveLength(1);
      expect(clerkMessageOf(refused[0]!.reason), `round ${round}`).toBe(
        `Le montant affecté à la facture ${invoice!.number} dépasse son solde dû (31,98\u00a0$).`,
      );
      // Nothing of the refused payment is saved: one payment, the invoice paid 60,00 $.
      const posted = await postedOf700();
      expect(posted.map((p) => p.appliedCents)).toEqual([6_000]);
      expect((await invoiceRow(invoice!.number)).paidCents).toBe(6_000);
      // Reset for the next round: the payment applied is reversed.
      await reversePayment(db, clerkId, { number: posted[0]!.number, reversedOn: TODAY, reason: 'Essai' });
    }
    // One payment of 200,00 $ on account, two clerks applying its credit at once.
    const { number } = await recordPayment(
      db,
      clerkId,
      pay({ clientNumber: '700', amount: '200,00', allocation: 'manual', invoiceNumbers: [], appliedAmounts: [] }),
    );
    const both = await Promise.allSettled([applyPaymentCredit(db, clerkId, number, TODAY), applyPaymentCredit(db, clerkId, number, TODAY)]);
    const applied = both.filter((r) => r.status === 'fulfilled');
    expect(applied).toHaveLength(1);
    expect(applied[0]!.value).toMatchObject({ appliedCents: 9_198, creditCents: 20_000 - 9_198, invoices: [invoice!.number] });
    const refused = both.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(clerkMessageOf(refused.reason)).toBe('Le client 700 n’a aucune facture ouverte.');
    const [payment] = await db.select().from(payments).where(eq(payments.number, number));
    expect(payment!.appliedCents).toBe(9_198);
    expect(await checkLedgerInvariants(db, TODAY)).toEqual(NO_LEDGER_VIOLATION);
  });
});

describe('dates of a cheque entered late', () => {
  test('a cheque dated back before an allocation released from the same invoice settles it only from that release: no date shows it paid twice', async () => {
    const db = database.db;
    await insertClient(db, 800, tariffId);
    await insertCall(db, 800, tariffId, {
      serviceDate: '2026-10-20',
      serviceAt: new Date('2026-10-20T14:00:00Z'),
      grossCents: 10_000,
      priceCents: 10_000,
    });
    await generateInvoices(
      db,
      clerkId,
      billingInput.parse({ cutoff: '2026-10-31', cycle: 'all', clientFrom: '800', clientTo: '800' }),
      '2026-11-01',
    );
    const [invoice] = await db.select().from(invoices).where(eq(invoices.billedClientNumber, 800));
    const amount = (invoice!.totalCents / 100).toFixed(2).replace('.', ',');
    const first = await recordPayment(db, clerkId, pay({ clientNumber: '800', amount, receivedOn: '2026-11-05' }));
    const [allocation] = await db.select().from(paymentAllocations).where(eq(paymentAllocations.invoiceId, invoice!.id));
    await releaseAllocation(db, clerkId, allocation!.id, '2026-11-20');
    // Received on the 3rd, entered after the release: applied from the 20th.
    await recordPayment(db, clerkId, pay({ clientNumber: '800', amount, receivedOn: '2026-11-03' }));
    const on10 = (await agingAsOf(db, { asOf: '2026-11-10', isGrouped: false, pageSize: null })).rows.find((r) => r.clientNumber === 800)!;
    expect(on10).toMatchObject({ balance: 0, credit: invoice!.totalCents });
    expect((await clientLedger(db, 800, { to: '2026-11-10' })).closingCents).toBe(on10.balance - on10.credit);
    const on25 = (await agingAsOf(db, { asOf: '2026-11-25', isGrouped: false, pageSize: null })).rows.find((r) => r.clientNumber === 800)!;
    expect(on25).toMatchObject({ balance: 0, credit: invoice!.totalCents });
    expect(first.invoices).toEqual([invoice!.number]);
  });

  test('the ledger lists a day’s documents in the order it sums them: the invoice before its credit note of the same day', async () => {
    const db = database.db;
    await insertClient(db, 801, tariffId);
    await insertCall(db, 801, tariffId, {
      serviceDate: '2026-10-20',
      serviceAt: new Date('2026-10-20T14:00:00Z'),
      grossCents: 10_000,
      priceCents: 10_000,
    });
    await generateInvoices(
      db,
      clerkId,
      billingInput.parse({ cutoff: '2026-10-31', cycle: 'all', clientFrom: '801', clientTo: '801' }),
      '2026-11-01',
    );
    const [invoice] = await db.select().from(invoices).where(eq(invoices.billedClientNumber, 801));
    const input = creditNoteInput.parse({ invoiceNumber: String(invoice!.number), amount: '10,00', reason: 'Rabais' });
    const note = await createCreditNote(db, clerkId, input, '2026-11-01');
    const ledger = await clientLedger(db, 801);
    expect(ledger.entries.map((e) => [e.kind, e.balanceCents])).toEqual([
      ['invoice', invoice!.totalCents],
      ['credit_note', invoice!.totalCents - note.totalCents],
    ]);
    expect(ledger.closingCents).toBe(invoice!.totalCents - note.totalCents);
  });
});

describe('aging, ledgers and credit hold', () => {
  test('aging as of a date: buckets by days past due, totals equal the sum of balances, heads apart', async () => {
    const grouped = await agingAsOf(database.db, { asOf: TODAY, isGrouped: true });
    expect(grouped.rows.map((r) => r.clientNumber)).toEqual([500]);
    const head = grouped.rows[0]!;
    const september = await invoiceRow(invoiceOf.get('500@2026-10-01')!.number);
    const october = await invoiceRow(invoiceOf.get('500@2026-11-01')!.number);
    // Due October 31: 29 days past due on November 29; due December 1: current.
    expect(head.days1to30).toBe(september.totalCents - september.paidCents);
    expect(head.current).toBe(october.totalCents - october.paidCents);
    expect(head.balance).toBe(head.current + head.days1to30);
    const normal = await agingAsOf(database.db, { asOf: TODAY, isGrouped: false, pageSize: null });
    const [sums] = await queryRows<{ balance: number }>(
      database.db,
      sql`select sum(total_cents - credited_cents - paid_cents)::int as balance from invoices i join clients c on c.number = i.billed_client_number
           where i.status = 'issued' and c.grouped_client_number is distinct from c.number`,
    );
    expect(normal.totals.balance).toBe(sums!.balance);
    expect(normal.rows.reduce((s, r) => s + r.balance, 0)).toBe(normal.totals.balance);
    // Before November 1 the October invoices did not exist.
    const before = await agingAsOf(database.db, { asOf: '2026-10-15', isGrouped: true });
    expect(before.rows[0]!.balance).toBe(september.totalCents);
  });

  test('a head’s balance breaks down into its members to the cent', async () => {
    const grouped = await agingAsOf(database.db, { asOf: TODAY, isGrouped: true });
    const members = (await memberAgingAsOf(database.db, TODAY, [500])).get(500)!;
    expect(members.map((m) => m.clientNumber)).toEqual([501, 502]);
    expect(members.reduce((s, m) => s + m.balance, 0)).toBe(grouped.rows[0]!.balance);
    expect(members.reduce((s, m) => s + m.days1to30, 0)).toBe(grouped.rows[0]!.days1to30);
  });

  test('ledger of a head with members’ subtotals, and a member’s share of its head’s invoices', async () => {
    const ledger = await clientLedger(database.db, 500, { from: '2026-10-15', to: TODAY });
    expect(ledger.openingCents).toBe(invoiceOf.get('500@2026-10-01')!.totalCents);
    expect(ledger.entries[0]).toMatchObject({ kind: 'invoice', number: invoiceOf.get('500@2026-11-01')!.number });
    const subtotals = await memberSubtotals(database.db, [invoiceOf.get('500@2026-11-01')!.id]);
    expect(subtotals.get(invoiceOf.get('500@2026-11-01')!.id)!.map((m) => [m.clientNumber, m.subtotalCents, m.lineCount])).toEqual([
      [501, 10_000, 1],
      [502, 7_500, 2],
    ]);
    const shares = await memberShares(database.db, 502);
    expect(shares.map((s) => [s.headNumber, s.subtotalCents])).toEqual([
      [500, 7_500],
      [500, 7_500],
    ]);
  });

  test('credit hold: a member is held when its head is; suspension always blocks', async () => {
    const db = database.db;
    expect((await creditHoldOf(db, 501, TODAY))!.effect).toBe('none');
    await db.update(clients).set({ creditPolicy: 'warn', creditLimitCents: 100 }).where(eq(clients.number, 500));
    const held = (await creditHoldOf(db, 501, TODAY))!;
    expect(held).toMatchObject({ billedClientNumber: 500, effect: 'warn' });
    expect(held.reasons[0]).toMatchObject({ kind: 'overLimit', limitCents: 100 });
    await db
      .update(clients)
      .set({ creditPolicy: 'block', creditLimitCents: null, holdAfterDaysPastDue: 20 })
      .where(eq(clients.number, 500));
    expect((await creditHoldOf(db, 502, TODAY))!).toMatchObject({
      effect: 'block',
      reasons: [{ kind: 'pastDue', days: 29, threshold: 20 }],
    });
    await db.update(clients).set({ creditPolicy: 'none', suspensionReason: 'Faillite' }).where(eq(clients.number, 500));
    expect((await creditHoldOf(db, 501, TODAY))!).toMatchObject({ effect: 'block', reasons: [{ kind: 'suspended', reason: 'Faillite' }] });
  });
});
