/**
 * Calls held back from billing (docs/business-rules.md, Held calls) on PostgreSQL: out of the
 * billing list and of generation while held, said under the list, billed once released; the
 * database refusing to hold an invoiced call and to invoice a held one, whatever the code does;
 * holds and generations at once never leave a call both held and billed.
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { queryRows } from '@/db/index';
import { auditLog, invoiceLines } from '@/db/schema';
import { billingInput } from '@/lib/billing/billing-input';
import { holdCall, holdOfCall, releaseCall } from '@/lib/billing/call-holds';
import { generateInvoices } from '@/lib/billing/generate-invoices';
import { billingListOf, countToReviewOfList, heldCallsOfList, previewBilling } from '@/lib/billing/preview-billing';
import { AppError } from '@/lib/errors';
import { insertCall, insertClient, insertCompanySettings, insertTariff, insertUser, refusalCode } from '@/test/support/fixtures';
import { createTestDatabase, type TestDatabase } from '@/test/support/test-database';

let database: TestDatabase;
let clerkId: number;
let tariffId: number;

const list = (clientFrom: number, clientTo = clientFrom, isGrouped = false) =>
  billingInput.parse({
    cutoff: '2026-10-31',
    cycle: 'all',
    isGrouped: isGrouped ? 'on' : undefined,
    clientFrom: String(clientFrom),
    clientTo: String(clientTo),
  });
const refusalOf = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => error,
  );

beforeAll(async () => {
  database = await createTestDatabase();
  await insertCompanySettings(database.db);
  clerkId = await insertUser(database.db, 'commis@exemple.ca', 'billing', 'Commis Tremblay');
  tariffId = (await insertTariff(database.db)).id;
});
afterAll(async () => {
  await database.drop();
});

describe('a held call', () => {
  test('leaves the grouped list and its generation, is said under the list, and is billed once released', async () => {
    await insertClient(database.db, 51000, tariffId, { groupedClientNumber: 51000 });
    await insertClient(database.db, 51001, tariffId, { groupedClientNumber: 51000 });
    const kept = await insertCall(database.db, 51001, tariffId);
    const held = await insertCall(database.db, 51001, tariffId, { priceCents: 5000, grossCents: 5000 });

    await holdCall(database.db, clerkId, held.number, 'Bon de commande à confirmer');
    const preview = await previewBilling(database.db, list(51000, 51000, true));
    expect(preview.totals).toMatchObject({ invoices: 1, calls: 1, subtotalCents: 1200 });
    expect(await heldCallsOfList(database.db, list(51000, 51000, true))).toEqual([
      {
        number: held.number,
        clientNumber: 51001,
        serviceDate: '2026-10-03',
        reason: 'Bon de commande à confirmer',
        heldBy: 'Commis Tremblay',
      },
    ]);
    // The normal process's list does not bill a member: the held call is not said there.
    expect(await heldCallsOfList(database.db, list(51000, 51001))).toEqual([]);
    expect(await holdOfCall(database.db, held.number)).toMatchObject({ reason: 'Bon de commande à confirmer', heldBy: 'Commis Tremblay' });

    await generateInvoices(database.db, clerkId, list(51000, 51000, true), '2026-11-01');
    const billed = await database.db.select({ call: invoiceLines.callNumber }).from(invoiceLines);
    expect(billed.map((line) => line.call)).toContain(kept.number);
    expect(billed.map((line) => line.call)).not.toContain(held.number);

    await releaseCall(database.db, clerkId, held.number);
    expect(await holdOfCall(database.db, held.number)).toBeNull();
    expect((await previewBilling(database.db, list(51000, 51000, true))).totals).toMatchObject({ calls: 1, subtotalCents: 5000 });
    await generateInvoices(database.db, clerkId, list(51000, 51000, true), '2026-11-01');
    expect(await database.db.select().from(invoiceLines).where(eq(invoiceLines.callNumber, held.number))).toHaveLength(1);

    const audit = await database.db
      .select({ field: auditLog.field, oldValue: auditLog.oldValue, newValue: auditLog.newValue, userId: auditLog.userId })
      .from(auditLog)
      .where(eq(auditLog.clientNumber, 51001))
      .orderBy(auditLog.id);
    expect(audit.filter((row) => row.field === 'call_hold')).toEqual([
      { field: 'call_hold', oldValue: null, newValue: `${held.number} : Bon de commande à confirmer`, userId: clerkId },
      { field: 'call_hold', oldValue: `${held.number} : Bon de commande à confirmer`, newValue: null, userId: clerkId },
    ]);
  });

  test('an invoiced call cannot be held, and the database writes no invoice line for a held call', async () => {
    await insertClient(database.db, 52000, tariffId);
    const call = await insertCall(database.db, 52000, tariffId);
    await generateInvoices(database.db, clerkId, list(52000), '2026-11-01');
    const refusal = await refusalOf(holdCall(database.db, clerkId, call.number, 'Trop tard'));
    expect(refusal).toBeInstanceOf(AppError);
    expect((refusal as AppError).code).toBe('callHold.invoiced');
    expect(await refusalOf(releaseCall(database.db, clerkId, call.number))).toMatchObject({ code: 'callHold.notHeld' });

    const other = await insertCall(database.db, 52000, tariffId);
    await holdCall(database.db, clerkId, other.number, 'À vérifier');
    const [invoice] = await queryRows<{ id: number }>(database.db, sql`select id from invoices where billed_client_number = 52000`);
    expect(
      await refusalCode(
        database.db.insert(invoiceLines).values({
          invoiceId: invoice!.id,
          callNumber: other.number,
          clientNumber: 52000,
          clientName: 'Client 52000',
          serviceDate: '2026-10-03',
          pickupAddress: 'a',
          destinationAddress: 'b',
          amountCents: 1200,
        }),
      ),
    ).toBe('RV002');
  });

  test('holds and generations at once: no call is ever both held and billed', async () => {
    await insertClient(database.db, 53000, tariffId);
    const calls = [];
    for (let i = 0; i < 30; i++) calls.push(await insertCall(database.db, 53000, tariffId));
    const outcomes = await Promise.allSettled([
      ...calls.map((call, i) => (i % 2 === 0 ? holdCall(database.db, clerkId, call.number, 'À vérifier') : Promise.resolve())),
      generateInvoices(database.db, clerkId, list(53000), '2026-11-01'),
      ...calls.map((call, i) => (i % 2 === 1 ? holdCall(database.db, clerkId, call.number, 'Après coup') : Promise.resolve())),
    ]);
    const unexpected = outcomes.filter((o) => o.status === 'rejected' && !(o.reason instanceof AppError));
    expect(unexpected).toEqual([]);
    const [both] = await queryRows<{ count: number }>(
      database.db,
      sql`select count(*)::int as count from call_holds h join invoice_lines l on l.call_number = h.call_number and not l.is_void`,
    );
    expect(both!.count).toBe(0);
    const [accounted] = await queryRows<{ count: number }>(
      database.db,
      sql`select count(*)::int as count from calls k where k.client_number = 53000
            and (exists (select 1 from call_holds h where h.call_number = k.number)
                 or exists (select 1 from invoice_lines l where l.call_number = k.number and not l.is_void))`,
    );
    expect(accounted!.count).toBe(30);
  });
});

describe('a short list and a long one', () => {
  test('leave out the same invoiced, held and flagged calls, each asked call by call or joined', async () => {
    // A range of a few client numbers asks each call in turn; one of a thousand joins the calls
    // to the invoice lines, holds and flags (billable-calls.ts). Both must see the same calls.
    await insertClient(database.db, 54000, tariffId);
    await insertClient(database.db, 54001, tariffId);
    await insertCall(database.db, 54000, tariffId); // invoiced below
    await generateInvoices(database.db, clerkId, list(54000), '2026-11-01');
    const plain = await insertCall(database.db, 54000, tariffId, { priceCents: 1500, grossCents: 1500 });
    const held = await insertCall(database.db, 54000, tariffId, { priceCents: 2000, grossCents: 2000 });
    const flagged = await insertCall(database.db, 54000, tariffId, { priceCents: 3000, grossCents: 3000 });
    const approved = await insertCall(database.db, 54000, tariffId, { priceCents: 4000, grossCents: 4000 });
    const heldAndFlagged = await insertCall(database.db, 54001, tariffId, { priceCents: 5000, grossCents: 5000 });
    await holdCall(database.db, clerkId, held.number, 'À vérifier');
    await holdCall(database.db, clerkId, heldAndFlagged.number, 'À vérifier');
    await database.db.execute(
      sql`insert into call_flags (call_number, reasons) values (${flagged.number}, 4), (${heldAndFlagged.number}, 4)`,
    );
    await database.db.execute(
      sql`insert into call_flags (call_number, reasons, approved_at, approved_by) values (${approved.number}, 4, now(), ${clerkId})`,
    );

    for (const input of [list(54000, 54001), list(53600, 54600)]) {
      // The screen's list: a short one counts those waiting for review in the same statement.
      const { preview, toReview } = await billingListOf(database.db, input);
      expect(preview).toEqual(await previewBilling(database.db, input));
      // Waiting for review and not held: the flagged call alone (no other client of this file is in the long range).
      expect(toReview).toBe(1);
      expect(await countToReviewOfList(database.db, input)).toBe(1);
      const ours = preview.invoices.filter((i) => i.billedClientNumber === 54000 || i.billedClientNumber === 54001);
      expect(ours.map((i) => [i.billedClientNumber, i.calls, i.subtotalCents])).toEqual([
        [54000, 2, plain.priceCents + approved.priceCents],
      ]);
      const heldOfList = await heldCallsOfList(database.db, input);
      expect(heldOfList.map((c) => c.number).filter((n) => n >= held.number)).toEqual([held.number, heldAndFlagged.number]);
    }
  });
});
