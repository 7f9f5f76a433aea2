/**
 * Dated group membership (docs/business-rules.md, Dated group membership): a call is billed on
 * the membership in force on its service date, in the billing list and in generation alike.
 */
import { asc, eq, sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeEach, describe, expect, test } from 'vitest';
import { queryRows } from '@/db/index';
import { clients, companySettings, invoiceLines, invoices, users } from '@/db/schema';
import { billingInput } from '@/lib/billing/billing-input';
import { generateInvoices } from '@/lib/billing/generate-invoices';
import { confirmedListOf, countWaitingInOtherProcess, previewBilling } from '@/lib/billing/preview-billing';
import { getCallDetails } from '@/lib/calls/find-calls';
import { clientInput } from '@/lib/clients/client-input';
import { addGroupMembers, listGroupMembers, removeGroupMember } from '@/lib/clients/group-members';
import { findMembershipHistory } from '@/lib/clients/membership';
import { updateClient } from '@/lib/clients/save-client';
import { addDays, todayInMontreal } from '@/lib/dates/montreal';
import { AppError } from '@/lib/errors';
import { insertCall, insertClient, insertTariff, refusal, refusalCode } from '@/test/support/fixtures';
import { checkInvariants, NO_VIOLATION } from '@/test/support/invariants';
import { createTestDatabase, type TestDatabase } from '@/test/support/test-database';

const HEAD_A = 100;
const HEAD_B = 200;
const MEMBER = 300;

let database: TestDatabase | undefined;
let adminId: number;
let tariffId: number;
/** The member's calls by service date. */
let memberCalls: Record<string, number>;

const db = () => database!.db;
const list = (isGrouped: boolean, cutoff = '2026-10-31') =>
  billingInput.parse({ cutoff, cycle: 'all', clientFrom: '', clientTo: '', isGrouped: isGrouped ? 'on' : undefined });

/** Client `number`'s form as an administrator submits it, with its group changed. */
function groupChange(number: number, grouped: number | null, effectiveDate?: string) {
  return clientInput.parse({
    number: String(number),
    name: `Client ${number}`,
    addressLine1: '1, rue Principale',
    city: 'Montréal',
    province: 'QC',
    postalCode: 'H2X 1Y4',
    language: 'fr',
    deliveryMethod: 'print',
    paymentTermsDays: '30',
    billingCycle: 'monthly',
    tariffId: String(tariffId),
    discountPercent: '0',
    groupedClientNumber: grouped === null ? '' : String(grouped),
    groupedEffectiveDate: effectiveDate,
    isActive: 'on',
  });
}

async function call(client: number, date: string, priceCents: number) {
  const row = await insertCall(db(), client, tariffId, {
    serviceDate: date,
    serviceAt: new Date(`${date}T14:00:00Z`),
    grossCents: priceCents,
    priceCents,
  });
  return row.number;
}

/** The calls of each invoice of a run, by billed client. */
async function callsByBilledClient(runId: number) {
  const rows = await db()
    .select({ billed: invoices.billedClientNumber, call: invoiceLines.callNumber, client: invoiceLines.clientNumber })
    .from(invoiceLines)
    .innerJoin(invoices, eq(invoices.id, invoiceLines.invoiceId))
    .where(eq(invoices.billingRunId, runId))
    .orderBy(asc(invoiceLines.callNumber));
  const byBilled: Record<number, number[]> = {};
  for (const row of rows) (byBilled[row.billed] ??= []).push(row.call);
  return byBilled;
}

beforeEach(async () => {
  await database?.drop();
  database = await createTestDatabase();
  await db().insert(companySettings).values({
    name: 'Répartition Test inc.',
    addressLine1: '1, rue du Port',
    city: 'Montréal',
    postalCode: 'H3C 1G1',
    gstNumber: '123456789 RT0001',
    qstNumber: '1234567890 TQ0001',
  });
  const [admin] = await db()
    .insert(users)
    .values({ email: 'admin@dated.local', name: 'Administratrice', role: 'admin', passwordHash: 'x' })
    .returning();
  adminId = admin!.id;
  tariffId = (await insertTariff(db())).id;
  await insertClient(db(), HEAD_A, tariffId, { groupedClientNumber: HEAD_A });
  await insertClient(db(), HEAD_B, tariffId, { groupedClientNumber: HEAD_B });
  await insertClient(db(), MEMBER, tariffId, { groupedClientNumber: HEAD_A });
  await call(HEAD_A, '2026-10-05', 2000);
  await call(HEAD_B, '2026-10-20', 3000);
  memberCalls = {
    '2026-10-03': await call(MEMBER, '2026-10-03', 1000),
    '2026-10-14': await call(MEMBER, '2026-10-14', 1111),
    '2026-10-15': await call(MEMBER, '2026-10-15', 1234),
    '2026-10-31': await call(MEMBER, '2026-10-31', 1500),
  };
});
afterAll(() => database?.drop());

describe('a member moving from head A to head B on the 15th', () => {
  beforeEach(async () => {
    await updateClient(db(), adminId, MEMBER, groupChange(MEMBER, HEAD_B, '2026-10-15'));
  });

  test('the grouped list puts its calls before the 15th on A and from the 15th on B, to the cent', async () => {
    const preview = await previewBilling(db(), list(true));
    expect(
      preview.invoices.map((i) => ({
        billed: i.billedClientNumber,
        subtotal: i.subtotalCents,
        members: i.members.map((m) => [m.clientNumber, m.calls, m.subtotalCents]),
      })),
    ).toEqual([
      {
        billed: HEAD_A,
        subtotal: 2000 + 1000 + 1111,
        members: [
          [HEAD_A, 1, 2000],
          [MEMBER, 2, 2111],
        ],
      },
      {
        billed: HEAD_B,
        subtotal: 3000 + 1234 + 1500,
        members: [
          [HEAD_B, 1, 3000],
          [MEMBER, 2, 2734],
        ],
      },
    ]);
    // Taxes on each head's own subtotal: 4,111 → GST 205.55 → 206, QST 410.07 → 410.
    expect(preview.invoices.map((i) => [i.gstCents, i.qstCents, i.totalCents])).toEqual([
      [206, 410, 4727],
      [287, 572, 6593],
    ]);
    expect((await previewBilling(db(), list(false))).invoices).toEqual([]);
  });

  test('generation bills the same split, and the call screen names the head each call was billed on', async () => {
    const result = await generateInvoices(db(), adminId, list(true), '2026-11-01');
    expect(result).toMatchObject({ invoiceCount: 2, callCount: 6, totalCents: 4727 + 6593 });
    const byBilled = await callsByBilledClient(result.runId!);
    expect(byBilled[HEAD_A]).toEqual(expect.arrayContaining([memberCalls['2026-10-03'], memberCalls['2026-10-14']]));
    expect(byBilled[HEAD_B]).toEqual(expect.arrayContaining([memberCalls['2026-10-15'], memberCalls['2026-10-31']]));
    expect(byBilled[HEAD_A]).toHaveLength(3);
    expect(byBilled[HEAD_B]).toHaveLength(3);
    expect((await getCallDetails(db(), memberCalls['2026-10-14']!))!.billedHeadNumber).toBe(HEAD_A);
    expect((await getCallDetails(db(), memberCalls['2026-10-15']!))!.billedHeadNumber).toBe(HEAD_B);
    expect(await checkInvariants(db())).toEqual(NO_VIOLATION);
  });

  test('an uninvoiced call names the head of its service date', async () => {
    expect((await getCallDetails(db(), memberCalls['2026-10-03']!))!.billedHeadNumber).toBe(HEAD_A);
    expect((await getCallDetails(db(), memberCalls['2026-10-31']!))!.billedHeadNumber).toBe(HEAD_B);
  });

  test('the history says from when to when, on which head, and who changed it', async () => {
    const history = await findMembershipHistory(db(), MEMBER);
    expect(history.map((p) => [p.headNumber, p.validFrom, p.validTo, p.createdBy, p.endedBy])).toEqual([
      [HEAD_B, '2026-10-15', null, 'Administratrice', null],
      [HEAD_A, null, '2026-10-15', null, 'Administratrice'],
    ]);
  });

  test('each head’s page lists the member with what is left to bill on that head', async () => {
    const onA = (await listGroupMembers(db(), HEAD_A)).find((m) => m.number === MEMBER);
    const onB = (await listGroupMembers(db(), HEAD_B)).find((m) => m.number === MEMBER);
    expect(onA).toMatchObject({ isFormer: true, unbilledCalls: 2, unbilledCents: 2111 });
    expect(onB).toMatchObject({ isFormer: false, unbilledCalls: 2, unbilledCents: 2734 });
  });
});

test('a client joining a group on the 20th: earlier calls stay in the normal list, and each list says the other has calls', async () => {
  const alone = 400;
  await insertClient(db(), alone, tariffId);
  await call(alone, '2026-10-05', 700);
  await call(alone, '2026-10-25', 800);
  await addGroupMembers(db(), adminId, HEAD_A, [alone], '2026-10-20');

  const normal = await previewBilling(db(), list(false));
  expect(normal.invoices.map((i) => [i.billedClientNumber, i.calls, i.subtotalCents])).toEqual([[alone, 1, 700]]);
  const grouped = await previewBilling(db(), list(true));
  const onA = grouped.invoices.find((i) => i.billedClientNumber === HEAD_A)!;
  expect(onA.members.find((m) => m.clientNumber === alone)).toMatchObject({ calls: 1, subtotalCents: 800 });
  expect(await countWaitingInOtherProcess(db(), list(false))).toEqual({
    calls: grouped.totals.calls,
    clients: grouped.invoices.length,
    totalCents: grouped.invoices.reduce((s, i) => s + i.subtotalCents, 0),
  });
  expect(await countWaitingInOtherProcess(db(), list(true))).toEqual({ calls: 1, clients: 1, totalCents: 700 });
});

test('a member leaving its group on the 15th: its later calls are billed on their own', async () => {
  await removeGroupMember(db(), adminId, HEAD_A, MEMBER, '2026-10-15');
  const normal = await previewBilling(db(), list(false));
  expect(normal.invoices.map((i) => [i.billedClientNumber, i.calls, i.subtotalCents])).toEqual([[MEMBER, 2, 1234 + 1500]]);
  const grouped = await previewBilling(db(), list(true));
  expect(grouped.invoices.find((i) => i.billedClientNumber === HEAD_A)!.members).toContainEqual(
    expect.objectContaining({ clientNumber: MEMBER, calls: 2, subtotalCents: 2111 }),
  );
});

describe('a change may take effect in the past only back to the day after the last invoiced call', () => {
  beforeEach(async () => {
    await generateInvoices(db(), adminId, list(true, '2026-10-14'), '2026-10-15');
  });

  test('the form refuses an earlier date, naming the earliest one, and saves nothing', async () => {
    const error = await refusal(updateClient(db(), adminId, MEMBER, groupChange(MEMBER, HEAD_B, '2026-10-10')));
    expect(error.code).toBe('membership.beforeInvoiced');
    expect(error.params).toMatchObject({ client: MEMBER, last: '2026-10-14', earliest: '2026-10-15' });
    expect(error.fieldErrors).toHaveProperty('groupedEffectiveDate');
    const [member] = await db().select().from(clients).where(eq(clients.number, MEMBER));
    expect(member!.groupedClientNumber).toBe(HEAD_A);
    expect(await findMembershipHistory(db(), MEMBER)).toHaveLength(1);
  });

  test('the database refuses it too, whoever writes', async () => {
    const code = await refusalCode(
      db().transaction(async (tx) => {
        await tx.execute(sql`select set_config('app.membership_date', '2026-10-14', true)`);
        await tx.execute(sql`update clients set grouped_client_number = ${HEAD_B} where number = ${MEMBER}`);
      }),
    );
    expect(code).toBe('RG003');
  });

  test('the day after is accepted, and removing a member asks the same', async () => {
    const error = await refusal(removeGroupMember(db(), adminId, HEAD_A, MEMBER, '2026-10-01'));
    expect(error.code).toBe('membership.beforeInvoiced');
    await updateClient(db(), adminId, MEMBER, groupChange(MEMBER, HEAD_B, '2026-10-15'));
    const grouped = await previewBilling(db(), list(true));
    expect(grouped.invoices.find((i) => i.billedClientNumber === HEAD_B)!.members).toContainEqual(
      expect.objectContaining({ clientNumber: MEMBER, calls: 2, subtotalCents: 2734 }),
    );
  });

  test('a date after today is refused', async () => {
    const error = await refusal(updateClient(db(), adminId, MEMBER, groupChange(MEMBER, HEAD_B, addDays(todayInMontreal(), 1))));
    expect(error.code).toBe('membership.afterToday');
  });
});

test('a head cannot stop being one from a date while a member is with it after that date; the error names the members', async () => {
  // The member leaves on the 25th: until then it is with its head.
  await removeGroupMember(db(), adminId, HEAD_A, MEMBER, '2026-10-25');
  const error = await refusal(updateClient(db(), adminId, HEAD_A, groupChange(HEAD_A, null, '2026-10-20')));
  expect(error.code).toBe('grouped.headHasMembers');
  expect(error.params).toMatchObject({ members: String(MEMBER) });
  // The database says the same when the rule is bypassed, with the members in its detail.
  const refused = await db()
    .transaction(async (tx) => {
      await tx.execute(sql`select set_config('app.membership_date', '2026-10-20', true)`);
      await tx.execute(sql`update clients set grouped_client_number = null where number = ${HEAD_A}`);
    })
    .then(
      () => null,
      // Checked at commit: the server's error itself, not a statement's.
      (e: { code?: string; detail?: string; cause?: { code?: string; detail?: string } }) => e.cause ?? e,
    );
  expect(refused).toMatchObject({ code: 'RG006', detail: String(MEMBER) });

  // From the 25th on, the head may stop being one: its calls from then on are billed on their
  // own, like the former member's.
  await call(HEAD_A, '2026-10-25', 650);
  await updateClient(db(), adminId, HEAD_A, groupChange(HEAD_A, null, '2026-10-25'));
  const normal = await previewBilling(db(), list(false));
  expect(normal.invoices.map((i) => [i.billedClientNumber, i.calls, i.subtotalCents])).toEqual([
    [HEAD_A, 1, 650],
    [MEMBER, 1, 1500],
  ]);
});

describe('memberships of one client never overlap', () => {
  test('the database refuses an overlapping period', async () => {
    const code = await refusalCode(
      db().execute(sql`insert into group_memberships (client_number, head_number, valid_from) values (${MEMBER}, ${HEAD_B}, '2026-10-10')`),
    );
    expect(code).toBe('23P01');
  });

  test('two concurrent transactions writing overlapping periods: one commits, the other is refused', async () => {
    const loose = 500;
    await insertClient(db(), loose, tariffId);
    const first = postgres(database!.url, { max: 1, onnotice: () => {} });
    const second = postgres(database!.url, { max: 1, onnotice: () => {} });
    try {
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let inserted!: () => void;
      const isInserted = new Promise<void>((resolve) => (inserted = resolve));
      const one = first.begin(async (tx) => {
        await tx`insert into group_memberships (client_number, head_number, valid_from) values (${loose}, ${HEAD_A}, '2026-10-01')`;
        inserted();
        await held;
      });
      await isInserted;
      // The second insert waits for the first transaction, then sees its row.
      const two = second.begin(
        (tx) => tx`insert into group_memberships (client_number, head_number, valid_from) values (${loose}, ${HEAD_B}, '2026-10-15')`,
      );
      release();
      const outcomes = await Promise.allSettled([one, two]);
      expect(outcomes[0]!.status).toBe('fulfilled');
      expect(outcomes[1]).toMatchObject({ status: 'rejected', reason: { code: '23P01' } });
    } finally {
      await first.end();
      await second.end();
    }
    const periods = await queryRows<{ head_number: number }>(
      db(),
      sql`select head_number from group_memberships where client_number = ${loose}`,
    );
    expect(periods).toEqual([{ head_number: HEAD_A }]);
  });

  test('two administrators adding the same client to two heads at once: one succeeds, the other is told why', async () => {
    const loose = 600;
    await insertClient(db(), loose, tariffId);
    const outcomes = await Promise.allSettled([
      addGroupMembers(db(), adminId, HEAD_A, [loose], '2026-10-10'),
      addGroupMembers(db(), adminId, HEAD_B, [loose], '2026-10-12'),
    ]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const rejected = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(AppError);
    expect(await findMembershipHistory(db(), loose)).toHaveLength(1);
  });
});

describe('generation bills exactly the list the clerk confirmed', () => {
  test('an unchanged list is generated', async () => {
    const confirmed = confirmedListOf(await previewBilling(db(), list(true)));
    const result = await generateInvoices(db(), adminId, list(true), '2026-11-01', confirmed);
    expect(result.invoiceCount).toBe(2);
  });

  test('two members swapped between heads keep every count and total, and generation is still refused, saying what changed', async () => {
    const [first, second] = [301, 302];
    await insertClient(db(), first, tariffId, { groupedClientNumber: HEAD_A });
    await insertClient(db(), second, tariffId, { groupedClientNumber: HEAD_B });
    await call(first, '2026-10-10', 900);
    await call(second, '2026-10-10', 900);
    const before = await previewBilling(db(), list(true));
    const confirmed = confirmedListOf(before);

    await updateClient(db(), adminId, first, groupChange(first, HEAD_B, '2026-10-01'));
    await updateClient(db(), adminId, second, groupChange(second, HEAD_A, '2026-10-01'));
    const after = await previewBilling(db(), list(true));
    expect(after.invoices.map((i) => [i.billedClientNumber, i.calls, i.totalCents])).toEqual(
      before.invoices.map((i) => [i.billedClientNumber, i.calls, i.totalCents]),
    );

    const error = await refusal(generateInvoices(db(), adminId, list(true), '2026-11-01', confirmed));
    expect(error.code).toBe('billing.changed');
    expect(error.details).toEqual([
      { code: 'billing.changes.calls', params: { client: HEAD_A } },
      { code: 'billing.changes.calls', params: { client: HEAD_B } },
    ]);
    expect(await db().select().from(invoices)).toEqual([]);
  });

  test('a call completed since the list: the change names the client and its new count', async () => {
    const confirmed = confirmedListOf(await previewBilling(db(), list(true)));
    await call(HEAD_B, '2026-10-21', 450);
    const error = await refusal(generateInvoices(db(), adminId, list(true), '2026-11-01', confirmed));
    expect(error.details).toEqual([
      { code: 'billing.changes.amount', params: { client: HEAD_B, callsBefore: 1, callsNow: 2, before: 30, now: 34.5 } },
    ]);
  });
});
