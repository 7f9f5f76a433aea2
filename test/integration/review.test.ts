/**
 * The review before billing (docs/business-rules.md, Review before billing) on PostgreSQL: each
 * reason of the one rule (refresh_review_flags) — a head's reference missing on its member's call,
 * a price of zero, a price far above the client's median (and no flag under five calls), a
 * duplicate pair flagged once — the calls waiting for review out of the billing list and of
 * generation, approved (one or several) and billed, flagged again once edited; approving an
 * invoiced call refused by the database; an approval between the list and the click a change.
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { queryRows } from '@/db/index';
import { calls, invoiceLines } from '@/db/schema';
import { billingInput } from '@/lib/billing/billing-input';
import { billingListOf, confirmedListOf, countToReviewOfList, previewBilling } from '@/lib/billing/preview-billing';
import { generateInvoices } from '@/lib/billing/generate-invoices';
import { AppError } from '@/lib/errors';
import { referenceRuleInput } from '@/lib/references/reference-input';
import { saveReferenceRule } from '@/lib/references/save-references';
import { approveCalls } from '@/lib/review/approve-calls';
import { findReview, reviewSearchParams } from '@/lib/review/find-review';
import { refreshReviewFlagsOfOne } from '@/lib/review/review-flags';
import { insertCall as insertCallRow } from '@/lib/calls/insert-call';
import { insertCall, insertClient, insertCompanySettings, insertTariff, insertUser } from '@/test/support/fixtures';
import { createTestDatabase, type TestDatabase } from '@/test/support/test-database';

let database: TestDatabase;
let clerkId: number;
let tariffId: number;

const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Toronto' }).format(new Date());
const daysAgo = (days: number) => new Date(Date.parse(`${today}T12:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

/** A call written as the application writes one: its reasons to review computed after it. */
async function writeCall(client: number, values: Parameters<typeof insertCall>[3] = {}) {
  const serviceDate = values.serviceDate ?? daysAgo(3);
  const call = await insertCall(database.db, client, tariffId, {
    serviceDate,
    serviceAt: new Date(`${serviceDate}T14:00:00Z`),
    ...values,
  });
  await refreshReviewFlagsOfOne(database.db, call.number, true);
  return call;
}

const reasonsOf = async (client: number, isGrouped = false) =>
  (await findReview(database.db, reviewSearchParams.parse({ client: String(client), isGrouped: isGrouped ? '1' : undefined }))).rows.map(
    (row) => [row.number, row.reasons] as const,
  );
const list = (client: number, isGrouped = false) =>
  billingInput.parse({
    cutoff: today,
    cycle: 'all',
    isGrouped: isGrouped ? 'on' : undefined,
    clientFrom: String(client),
    clientTo: String(client),
  });

beforeAll(async () => {
  database = await createTestDatabase();
  await insertCompanySettings(database.db);
  clerkId = await insertUser(database.db, 'commis@exemple.ca', 'billing', 'Commis');
  tariffId = (await insertTariff(database.db)).id;
});
afterAll(async () => {
  await database.drop();
});

describe('the reasons', () => {
  test('a reference the head requires, missing on its member’s call from the rule’s date; waits out of the list until approved', async () => {
    await insertClient(database.db, 61000, tariffId, { groupedClientNumber: 61000 });
    await insertClient(database.db, 61001, tariffId, { groupedClientNumber: 61000 });
    const before = await writeCall(61001, { serviceDate: daysAgo(10) });
    const without = await writeCall(61001, { pickupAddress: '9, rue Z, Montréal' });
    const withIt = await writeCall(61001, { pickupAddress: '8, rue Y, Montréal', referenceValues: { 'bon de commande': 'BC-1' } });
    await saveReferenceRule(
      database.db,
      clerkId,
      referenceRuleInput.parse({ clientNumber: '61000', label: 'Bon de commande', requiredFrom: daysAgo(5) }),
    );
    expect(await reasonsOf(61001, true)).toEqual([[without.number, ['missingReference']]]);

    const grouped = list(61000, true);
    const { preview, toReview } = await billingListOf(database.db, grouped);
    expect(preview.totals.calls).toBe(2);
    expect(toReview).toBe(1);
    expect(await countToReviewOfList(database.db, grouped)).toBe(1);
    expect((await approveCalls(database.db, clerkId, [without.number])).approved).toBe(1);
    expect(await reasonsOf(61001, true)).toEqual([]);
    expect((await previewBilling(database.db, grouped)).totals.calls).toBe(3);
    // Edited again, it waits again.
    await database.db.update(calls).set({ notes: 'corrigé', updatedAt: new Date() }).where(eq(calls.number, without.number));
    await refreshReviewFlagsOfOne(database.db, without.number, true);
    expect(await reasonsOf(61001, true)).toEqual([[without.number, ['missingReference']]]);
    expect([before.number, withIt.number]).not.toContain(without.number);
  });

  test('a price of zero; a price above three times the client’s median, with five calls or more only', async () => {
    await insertClient(database.db, 62000, tariffId);
    await insertClient(database.db, 62001, tariffId);
    const zero = await writeCall(62000, { pickupAddress: 'Gratuit', grossCents: 0, priceCents: 0 });
    // Three calls at 12 $ and the far one: four, too few for a median; a fifth makes five.
    for (let i = 0; i < 3; i++) await writeCall(62001, { pickupAddress: `Adresse ${i}`, serviceDate: daysAgo(20 + i) });
    const early = await writeCall(62001, { pickupAddress: 'Loin', grossCents: 9000, priceCents: 9000 });
    expect(await reasonsOf(62001)).toEqual([]);
    await writeCall(62001, { pickupAddress: 'Adresse 5', serviceDate: daysAgo(30) });
    const high = await writeCall(62001, { pickupAddress: 'Très loin', grossCents: 9000, priceCents: 9000 });
    const under = await writeCall(62001, { pickupAddress: 'Un peu loin', grossCents: 3500, priceCents: 3500 });
    expect(await reasonsOf(62000)).toEqual([[zero.number, ['zeroPrice']]]);
    const flagged = new Map(await reasonsOf(62001));
    expect(flagged.get(high.number)).toEqual(['highPrice']);
    expect(flagged.has(under.number)).toBe(false);
    // Written before the fifth call, the first far one kept its answer of then.
    expect(flagged.has(early.number)).toBe(false);
  });

  test('a probable duplicate: same client, same pickup once folded, within ten minutes — the later call only, once', async () => {
    await insertClient(database.db, 63000, tariffId);
    const first = await writeCall(63000, { pickupAddress: '1200, rue Sainte-Catherine O., Montréal' });
    const second = await writeCall(63000, {
      pickupAddress: '1200 RUE SAINTE CATHERINE O MONTREAL',
      serviceAt: new Date(`${daysAgo(3)}T14:08:00Z`),
    });
    const third = await writeCall(63000, {
      pickupAddress: '1200, rue Sainte-Catherine O., Montréal',
      serviceAt: new Date(`${daysAgo(3)}T14:30:00Z`),
    });
    expect(await reasonsOf(63000)).toEqual([[second.number, ['duplicate']]]);
    expect([first.number, third.number]).not.toContain(second.number);
    // The earlier call written after the later one: the later one is still the one flagged.
    const earlier = await writeCall(63000, { pickupAddress: 'Autre adresse', serviceAt: new Date(`${daysAgo(3)}T16:00:00Z`) });
    const later = await writeCall(63000, { pickupAddress: 'Autre adresse', serviceAt: new Date(`${daysAgo(3)}T16:05:00Z`) });
    expect(new Map(await reasonsOf(63000)).get(later.number)).toEqual(['duplicate']);
    expect(new Map(await reasonsOf(63000)).has(earlier.number)).toBe(false);
  });
});

describe('the rule for one call', () => {
  test('is the rule itself, in PL/pgSQL with one plan kept, read by its indexes (migrations 0038 and 0040): a change to the rule is made to both', async () => {
    const [row] = await queryRows<{ rule: string; one: string; settings: string[] }>(
      database.db,
      sql`select r.prosrc as rule, o.prosrc as one, o.proconfig as settings
            from pg_proc r, pg_proc o
           where r.oid = 'refresh_review_flags(bigint[], boolean)'::regprocedure
             and o.oid = 'refresh_review_flags_of_one(bigint[], boolean)'::regprocedure`,
    );
    expect(row!.one).toBe(`BEGIN ${row!.rule}; END`);
    expect(row!.settings).toEqual(['plan_cache_mode=force_generic_plan', 'enable_seqscan=off']);
  });
});

describe('approving', () => {
  test('several at once from the list; an approval between the list and the click is a change; an invoiced call is not approved', async () => {
    await insertClient(database.db, 64000, tariffId);
    const zeros = [];
    for (let i = 0; i < 3; i++) zeros.push(await writeCall(64000, { pickupAddress: `Zéro ${i}`, grossCents: 0, priceCents: 0 }));
    await writeCall(64000, { pickupAddress: 'Normal' });
    const confirmed = confirmedListOf(await previewBilling(database.db, list(64000)));
    expect((await approveCalls(database.db, clerkId, [zeros[0]!.number, zeros[1]!.number])).approved).toBe(2);
    const refusal = await generateInvoices(database.db, clerkId, list(64000), today, confirmed).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refusal).toBeInstanceOf(AppError);
    expect((refusal as AppError).code).toBe('billing.changed');

    await generateInvoices(database.db, clerkId, list(64000), today);
    const billed = (await database.db.select({ call: invoiceLines.callNumber }).from(invoiceLines)).map((line) => line.call);
    expect(billed).toContain(zeros[0]!.number);
    expect(billed).not.toContain(zeros[2]!.number);
    expect(await reasonsOf(64000)).toEqual([[zeros[2]!.number, ['zeroPrice']]]);

    // An invoiced call's reasons are kept as they were; approving it is refused by the database.
    await database.db.execute(sql`update call_flags set approved_at = null, approved_by = null where call_number = ${zeros[0]!.number}`);
    const invoiced = await approveCalls(database.db, clerkId, [zeros[0]!.number]).then(
      () => null,
      (error: unknown) => error,
    );
    expect(invoiced).toMatchObject({ code: 'review.invoiced' });
    const [kept] = await queryRows<{ count: number }>(
      database.db,
      sql`select count(*)::int as count from call_flags where call_number = ${zeros[0]!.number}`,
    );
    expect(kept!.count).toBe(1);
  });

  test('a call sent again under its dispatch id by a request that lost the race keeps its approval', async () => {
    await insertClient(database.db, 65000, tariffId);
    const values = {
      clientNumber: 65000,
      tariffId,
      tariffCode: 'STD',
      serviceDate: daysAgo(2),
      serviceAt: new Date(`${daysAgo(2)}T14:00:00Z`),
      pickupAddress: 'Offert',
      destinationAddress: '2, rue B, Laval',
      grossCents: 0,
      discountCents: 0,
      priceCents: 0,
      status: 'completed' as const,
      dispatchId: 'RACE-65000',
    };
    const first = await database.db.transaction((tx) => insertCallRow(tx, values));
    expect(await reasonsOf(65000)).toEqual([[first!.number, ['zeroPrice']]]);
    await approveCalls(database.db, clerkId, [first!.number]);
    // The second insert of the same id writes nothing: the call it names is not reviewed again.
    expect(await database.db.transaction((tx) => insertCallRow(tx, values))).toBeUndefined();
    expect(await reasonsOf(65000)).toEqual([]);
  });
});
