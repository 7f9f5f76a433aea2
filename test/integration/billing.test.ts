import { and, asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeEach, describe, expect, test } from 'vitest';
import { queryRows } from '@/db/index';
import { billingRuns, clients, creditNotes, documentCounters, invoiceLines, invoices } from '@/db/schema';
import { billingInput } from '@/lib/billing/billing-input';
import { createCreditNote, creditNoteInput } from '@/lib/billing/credit-notes';
import { generateInvoices } from '@/lib/billing/generate-invoices';
import { reverseRun } from '@/lib/billing/reverse-run';
import { AppError } from '@/lib/errors';
import { previewBilling } from '@/lib/billing/preview-billing';
import { computeTaxes } from '@/lib/money/taxes';
import { golden, loadGoldenScenario } from '@/test/support/golden-scenario';
import { refusalCode } from '@/test/support/fixtures';
import { createTestDatabase, type TestDatabase } from '@/test/support/test-database';

let database: TestDatabase | undefined;
let clerkId: number;

const input = (changes: Record<string, string> = {}) =>
  billingInput.parse({ cutoff: golden.scenario.cutoff, cycle: 'all', clientFrom: '', clientTo: '', ...changes });
const grouped = (changes: Record<string, string> = {}) => input({ isGrouped: 'on', ...changes });

beforeEach(async () => {
  await database?.drop();
  database = await createTestDatabase();
  ({ clerkId } = await loadGoldenScenario(database.db));
});
afterAll(() => database?.drop());

/** The invoices of a run as the golden file writes them. */
async function invoicesAsGolden(runId: number) {
  const rows = await database!.db.select().from(invoices).where(eq(invoices.billingRunId, runId)).orderBy(asc(invoices.number));
  const lines = await database!.db
    .select()
    .from(invoiceLines)
    .where(sql`${invoiceLines.invoiceId} in (select id from invoices where billing_run_id = ${runId})`)
    .orderBy(asc(invoiceLines.callNumber));
  return rows.map((invoice) => {
    const own = lines.filter((l) => l.invoiceId === invoice.id);
    const memberNumbers = [...new Set(own.map((l) => l.clientNumber))].sort((a, b) =>
      a === invoice.billedClientNumber ? -1 : b === invoice.billedClientNumber ? 1 : a - b,
    );
    return {
      billedClient: invoice.billedClientNumber,
      language: invoice.language,
      members: memberNumbers.map((client) => {
        const memberLines = own.filter((l) => l.clientNumber === client);
        return { client, calls: memberLines.map((l) => l.callNumber), subtotalCents: memberLines.reduce((s, l) => s + l.amountCents, 0) };
      }),
      subtotalCents: invoice.subtotalCents,
      gstCents: invoice.gstCents,
      qstCents: invoice.qstCents,
      totalCents: invoice.totalCents,
    };
  });
}

describe('the golden scenario (test/golden/billing.json)', () => {
  test('the grouped billing list shows head 12345 with members 12346 and 12347 and the golden figures', async () => {
    const preview = await previewBilling(database!.db, grouped());
    const [expected] = golden.scenario.expected.grouped;
    expect(preview.invoices).toEqual([
      {
        billedClientNumber: 12345,
        name: 'Pharmacie Centrale inc.',
        subtotalLabel: null,
        calls: 5,
        subtotalCents: expected!.subtotalCents,
        // No passenger trip in the scenario: no dues.
        duesCents: 0,
        gstCents: expected!.gstCents,
        qstCents: expected!.qstCents,
        totalCents: expected!.totalCents,
        digest: expect.stringMatching(/^[0-9a-z]+$/),
        members: expected!.members.map((m) => ({
          clientNumber: m.client,
          name: expect.any(String),
          calls: m.calls.length,
          subtotalCents: m.subtotalCents,
          duesCents: 0,
          referenceSubtotals: null,
        })),
      },
    ]);
  });

  test('the normal billing list has 20001 and 20002 only, with 20002 exempt of QST', async () => {
    const preview = await previewBilling(database!.db, input());
    expect(preview.invoices.map((i) => [i.billedClientNumber, i.subtotalCents, i.gstCents, i.qstCents, i.totalCents])).toEqual(
      golden.scenario.expected.normal.map((e) => [e.billedClient, e.subtotalCents, e.gstCents, e.qstCents, e.totalCents]),
    );
    // Each invoice of the normal process is its own client's, named once: its one member block
    // carries the same number, name, calls and subtotal.
    const names = new Map(
      (await database!.db.select({ number: clients.number, name: clients.name }).from(clients)).map((c) => [c.number, c.name]),
    );
    for (const invoice of preview.invoices) {
      expect(invoice.name).toBe(names.get(invoice.billedClientNumber));
      expect(invoice.members).toEqual([
        {
          clientNumber: invoice.billedClientNumber,
          name: invoice.name,
          calls: invoice.calls,
          subtotalCents: invoice.subtotalCents,
          duesCents: invoice.duesCents,
          referenceSubtotals: null,
        },
      ]);
    }
  });

  test('grouped generation bills head and members on one invoice, each call at its own price, with the head’s billing information', async () => {
    const result = await generateInvoices(database!.db, clerkId, grouped(), '2026-11-01');
    expect(result).toMatchObject({ invoiceCount: 1, callCount: 5, totalCents: 17352, firstNumber: 1, lastNumber: 1 });
    expect(await invoicesAsGolden(result.runId!)).toEqual(golden.scenario.expected.grouped);
    const [invoice] = await database!.db.select().from(invoices).where(eq(invoices.billingRunId, result.runId!));
    // The head's snapshot: name, address, e-mail, language, terms (15 days) and exemptions (none),
    // although member 12347 is exempt of both taxes and 12346 is English.
    expect(invoice).toMatchObject({
      kind: 'grouped',
      billToName: 'Pharmacie Centrale inc.',
      billToAddressLine1: '12345, rue du Golden',
      billToEmails: ['factures-12345@exemple.ca'],
      language: 'fr',
      paymentTermsDays: 15,
      issueDate: '2026-11-01',
      dueDate: '2026-11-16',
      gstExemptionNumber: null,
      qstExemptionNumber: null,
    });
  });

  test('normal generation equals the golden normal invoices and never touches the group', async () => {
    const result = await generateInvoices(database!.db, clerkId, input(), '2026-11-01');
    expect(await invoicesAsGolden(result.runId!)).toEqual(golden.scenario.expected.normal);
    const [northern] = await database!.db.select().from(invoices).where(eq(invoices.billedClientNumber, 20002));
    expect(northern).toMatchObject({ language: 'en', qstExemptionNumber: 'TVQ-20002', gstExemptionNumber: null });
    // The grouped run still has all of the group's calls to bill, and nothing else.
    const groupedPreview = await previewBilling(database!.db, grouped());
    expect(groupedPreview.invoices.map((i) => i.billedClientNumber)).toEqual([12345]);
    expect(groupedPreview.totals.calls).toBe(5);
  });
});

describe('generation', () => {
  test('equals the preview for the same inputs, figure for figure', async () => {
    for (const kind of [input({ cycle: 'monthly' }), grouped()]) {
      const preview = await previewBilling(database!.db, kind);
      const result = await generateInvoices(database!.db, clerkId, kind, '2026-11-01');
      const created = await database!.db
        .select()
        .from(invoices)
        .where(eq(invoices.billingRunId, result.runId!))
        .orderBy(asc(invoices.number));
      expect(created.map((i) => [i.billedClientNumber, i.lineCount, i.subtotalCents, i.gstCents, i.qstCents, i.totalCents])).toEqual(
        preview.invoices.map((i) => [i.billedClientNumber, i.calls, i.subtotalCents, i.gstCents, i.qstCents, i.totalCents]),
      );
      const [run] = await database!.db.select().from(billingRuns).where(eq(billingRuns.id, result.runId!));
      expect([run!.invoiceCount, run!.callCount, run!.totalCents]).toEqual([
        preview.totals.invoices,
        preview.totals.calls,
        preview.totals.totalCents,
      ]);
    }
  });

  test('a second run with the same inputs creates nothing and burns no number', async () => {
    await generateInvoices(database!.db, clerkId, grouped(), '2026-11-01');
    expect(await generateInvoices(database!.db, clerkId, grouped(), '2026-11-01')).toEqual({ runId: null, invoiceCount: 0 });
    const [counter] = await database!.db.select().from(documentCounters).where(eq(documentCounters.kind, 'invoice'));
    expect(counter!.lastNumber).toBe(1);
    expect(await database!.db.select().from(billingRuns)).toHaveLength(1);
  });

  test('invoice numbers follow each other across runs of both kinds, in billed-client order', async () => {
    const first = await generateInvoices(database!.db, clerkId, input(), '2026-11-01');
    const second = await generateInvoices(database!.db, clerkId, grouped(), '2026-11-01');
    expect([first, second].map((r) => (r.runId ? [r.firstNumber, r.lastNumber] : null))).toEqual([
      [1, 2],
      [3, 3],
    ]);
    const numbers = await database!.db
      .select({ number: invoices.number, client: invoices.billedClientNumber })
      .from(invoices)
      .orderBy(asc(invoices.number));
    expect(numbers).toEqual([
      { number: 1, client: 20001 },
      { number: 2, client: 20002 },
      { number: 3, client: 12345 },
    ]);
  });

  test('the cut-off, the cycle and the client range filter the billed client', async () => {
    expect((await previewBilling(database!.db, input({ cutoff: '2026-10-05' }))).invoices.map((i) => i.billedClientNumber)).toEqual([
      20001,
    ]);
    expect(
      (await previewBilling(database!.db, input({ clientFrom: '20002', clientTo: '20002' }))).invoices.map((i) => i.billedClientNumber),
    ).toEqual([20002]);
    await database!.db.update(clients).set({ billingCycle: 'weekly' }).where(eq(clients.number, 12345));
    expect((await previewBilling(database!.db, grouped({ cycle: 'monthly' }))).invoices).toEqual([]);
    expect((await previewBilling(database!.db, grouped({ cycle: 'weekly' }))).totals.calls).toBe(5);
  });

  test('a failure in the middle of a run leaves nothing behind and burns no number', async () => {
    // A trigger that fails on the first invoice line, as a crash between two statements would.
    await database!.db.execute(
      sql`create function fail_line() returns trigger language plpgsql as $$ begin raise exception 'panne simulée'; end $$`,
    );
    await database!.db.execute(
      sql`create trigger fail_line before insert on invoice_lines for each statement execute function fail_line()`,
    );
    await expect(generateInvoices(database!.db, clerkId, grouped(), '2026-11-01')).rejects.toThrow();
    const [counter] = await database!.db.select().from(documentCounters).where(eq(documentCounters.kind, 'invoice'));
    expect(counter!.lastNumber).toBe(0);
    expect(await database!.db.select().from(invoices)).toEqual([]);
    expect(await database!.db.select().from(billingRuns)).toEqual([]);
    await database!.db.execute(sql`drop trigger fail_line on invoice_lines`);
    expect(await generateInvoices(database!.db, clerkId, grouped(), '2026-11-01')).toMatchObject({ firstNumber: 1 });
  });

  test('ten concurrent generations of both kinds leave every call on exactly one non-void invoice and the numbers gapless', async () => {
    const runs = Array.from({ length: 10 }, (_, i) => generateInvoices(database!.db, clerkId, i % 2 ? grouped() : input(), '2026-11-01'));
    const results = await Promise.all(runs);
    expect(results.filter((r) => r.runId !== null)).toHaveLength(2);
    const [invariants] = await queryRows<{ double_billed: number; completed_unbilled: number; numbers: number; max_number: number }>(
      database!.db,
      sql`select (select count(*)::int from (select call_number from invoice_lines where not is_void group by call_number having count(*) > 1) d) as double_billed,
                 (select count(*)::int from calls k where k.status = 'completed' and k.service_date <= '2026-10-31'
                     and not exists (select 1 from invoice_lines l where l.call_number = k.number and not l.is_void)) as completed_unbilled,
                 (select count(*)::int from invoices) as numbers, (select max(number)::int from invoices) as max_number`,
    );
    expect(invariants).toEqual({ double_billed: 0, completed_unbilled: 0, numbers: 3, max_number: 3 });
  });
});

test('the SQL tax functions agree with computeTaxes on every subtotal from 0 to 20,000 cents and on the golden cases', async () => {
  const rows = await queryRows<{ subtotal: number | string; gst: string; qst: string; gst_exempt: string; qst_exempt: string }>(
    database!.db,
    sql`select s as subtotal, invoice_gst_cents(s, false)::text as gst, invoice_qst_cents(s, false)::text as qst,
               invoice_gst_cents(s, true)::text as gst_exempt, invoice_qst_cents(s, true)::text as qst_exempt
          from generate_series(0, 20000) s
         union all
        select s, invoice_gst_cents(s, false)::text, invoice_qst_cents(s, false)::text, '0', '0'
          from unnest(array[${sql.join(
            golden.taxes.map((t) => sql`${t.subtotalCents}::bigint`),
            sql`, `,
          )}]) s`,
  );
  const mismatches = rows.filter((r) => {
    const expected = computeTaxes(Number(r.subtotal));
    return Number(r.gst) !== expected.gstCents || Number(r.qst) !== expected.qstCents || r.gst_exempt !== '0' || r.qst_exempt !== '0';
  });
  expect(mismatches).toEqual([]);
  expect(rows.length).toBe(20001 + golden.taxes.length);
});

test('generated invoices cannot be changed to a total that does not add up', async () => {
  const result = await generateInvoices(database!.db, clerkId, grouped(), '2026-11-01');
  await expect(
    database!.db
      .update(invoices)
      .set({ totalCents: 1 })
      .where(and(eq(invoices.billingRunId, result.runId!))),
  ).rejects.toThrow();
});

describe('reversal', () => {
  test('voids the run’s invoices, which keep their numbers, and makes their calls billable again', async () => {
    const first = await generateInvoices(database!.db, clerkId, grouped(), '2026-11-01');
    expect(await reverseRun(database!.db, clerkId, first.runId!)).toEqual({ voided: 1 });
    const [voided] = await database!.db.select().from(invoices).where(eq(invoices.billingRunId, first.runId!));
    expect(voided).toMatchObject({ number: 1, status: 'void', voidedBy: clerkId, totalCents: 17352 });
    expect((await previewBilling(database!.db, grouped())).totals.calls).toBe(5);
    const second = await generateInvoices(database!.db, clerkId, grouped(), '2026-11-02');
    expect(second).toMatchObject({ firstNumber: 2, callCount: 5, totalCents: 17352 });
    const error = await reverseRun(database!.db, clerkId, first.runId!).catch((e: unknown) => e);
    expect((error as AppError).code).toBe('billing.alreadyReversed');
  });

  test('is refused once an invoice of the run was printed, and nothing changes', async () => {
    const run = await generateInvoices(database!.db, clerkId, input(), '2026-11-01');
    await database!.db.update(invoices).set({ printedAt: new Date(), printedBy: clerkId }).where(eq(invoices.billedClientNumber, 20002));
    const error = await reverseRun(database!.db, clerkId, run.runId!).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('billing.alreadyDelivered');
    const statuses = await database!.db.select({ status: invoices.status }).from(invoices);
    expect(statuses.every((i) => i.status === 'issued')).toBe(true);
  });
});

describe('credit notes', () => {
  const creditInput = (changes: Record<string, unknown>) =>
    creditNoteInput.parse({ invoiceNumber: '1', reason: 'Erreur de tarif', ...changes });

  async function lineIdsOf(callNumbers: number[]) {
    const rows = await database!.db.select({ id: invoiceLines.id, call: invoiceLines.callNumber }).from(invoiceLines);
    return callNumbers.map((call) => String(rows.find((r) => r.call === call)!.id));
  }

  test('credits lines of a grouped invoice (48.20 $ → GST 2.41 $, QST 4.81 $) with its own gapless series', async () => {
    await generateInvoices(database!.db, clerkId, grouped(), '2026-11-01');
    const first = await createCreditNote(database!.db, clerkId, creditInput({ lineIds: await lineIdsOf([1002, 1003]) }), '2026-11-05');
    expect(first).toEqual({ number: 1, totalCents: 4820 + 241 + 481 });
    const second = await createCreditNote(database!.db, clerkId, creditInput({ amount: '10,00' }), '2026-11-06');
    expect(second).toEqual({ number: 2, totalCents: 1000 + 50 + 100 });
    const notes = await database!.db.select().from(creditNotes).orderBy(asc(creditNotes.number));
    expect(notes.map((n) => [n.number, n.subtotalCents, n.gstCents, n.qstCents, n.totalCents])).toEqual([
      [1, 4820, 241, 481, 5542],
      [2, 1000, 50, 100, 1150],
    ]);
    // The invoice itself never changes.
    const [invoice] = await database!.db.select().from(invoices);
    expect([invoice!.subtotalCents, invoice!.totalCents, invoice!.status]).toEqual([15092, 17352, 'issued']);
  });

  test('refuses a line credited twice, more than what is left, a void invoice, and nothing to credit — creating nothing', async () => {
    const run = await generateInvoices(database!.db, clerkId, grouped(), '2026-11-01');
    await createCreditNote(database!.db, clerkId, creditInput({ lineIds: await lineIdsOf([1002]) }), '2026-11-05');
    const refusals = [
      createCreditNote(database!.db, clerkId, creditInput({ lineIds: await lineIdsOf([1002]) }), '2026-11-05'),
      createCreditNote(database!.db, clerkId, creditInput({ amount: '150,00' }), '2026-11-05'),
    ];
    const codes = await Promise.all(
      refusals.map((p) =>
        p.then(
          () => null,
          (e: AppError) => e.code,
        ),
      ),
    );
    expect(codes).toEqual(['credit.lineAlreadyCredited', 'credit.tooMuch']);
    expect(creditNoteInput.safeParse({ invoiceNumber: '1', reason: 'x' }).error?.issues[0]?.message).toBe('credit.nothing');
    // Issued credit notes never change nor go (a trigger refuses it): the test's own reset empties them.
    await database!.db.execute(sql`truncate credit_note_lines, credit_notes cascade`);
    await reverseRun(database!.db, clerkId, run.runId!);
    const voided = await createCreditNote(database!.db, clerkId, creditInput({ amount: '1' }), '2026-11-05').catch((e: AppError) => e.code);
    expect(voided).toBe('credit.invoiceVoid');
    const [counter] = await database!.db.select().from(documentCounters).where(eq(documentCounters.kind, 'credit_note'));
    expect(counter!.lastNumber).toBe(1);
  });

  test('a credit on an invoice exempt of QST reverses GST only', async () => {
    await generateInvoices(database!.db, clerkId, input(), '2026-11-01');
    const [northern] = await database!.db.select().from(invoices).where(eq(invoices.billedClientNumber, 20002));
    const note = await createCreditNote(
      database!.db,
      clerkId,
      creditNoteInput.parse({ invoiceNumber: String(northern!.number), amount: '20', reason: 'Retard' }),
      '2026-11-05',
    );
    expect(note.totalCents).toBe(2000 + 100);
  });
});

test('an invoiced call and its client cannot be deleted, even once the run is reversed (their lines name them)', async () => {
  const run = await generateInvoices(database!.db, clerkId, grouped(), '2026-11-01');
  await reverseRun(database!.db, clerkId, run.runId!);
  expect(await refusalCode(database!.db.execute(sql`delete from calls where number = 1002`))).toBe('RC001');
  await database!.db.execute(sql`delete from calls where client_number = 12347 and number not in (select call_number from invoice_lines)`);
  await database!.db.execute(sql`update clients set grouped_client_number = null where number = 12347`);
  expect(await refusalCode(database!.db.execute(sql`delete from clients where number = 12347`))).toMatch(/^(23503|RC001)$/);
});

test('the database keeps issued invoices as issued: no change of their content, no un-voiding, no credit beyond the invoice', async () => {
  const run = await generateInvoices(database!.db, clerkId, grouped(), '2026-11-01');
  expect(await refusalCode(database!.db.execute(sql`update invoices set bill_to_name = 'Autre' where number = 1`))).toBe('RB002');
  expect(await refusalCode(database!.db.execute(sql`update invoice_lines set amount_cents = 1 where call_number = 1001`))).toBe('RB002');
  const credit = (subtotal: number) =>
    database!.db
      .execute(sql`insert into credit_notes (number, invoice_id, issue_date, reason, subtotal_cents, gst_cents, qst_cents, total_cents, created_by)
                             select 90, id, '2026-11-02', 'x', ${subtotal}, 0, 0, ${subtotal}, ${clerkId} from invoices where number = 1`);
  expect(await refusalCode(credit(15093))).toBe('RB004'); // one cent more than the subtotal of 150.92 $
  expect(await refusalCode(credit(15092))).toBe('RB004'); // the whole subtotal without the taxes left: 0.01 $… would stay owing
  const taxes = (gst: number, qst: number) =>
    database!.db
      .execute(sql`insert into credit_notes (number, invoice_id, issue_date, reason, subtotal_cents, gst_cents, qst_cents, total_cents, created_by)
                             select 91, id, '2026-11-02', 'x', 100, ${gst}, ${qst}, 100 + ${gst} + ${qst}, ${clerkId} from invoices where number = 1`);
  expect(await refusalCode(taxes(0, 1_000_000))).toBe('RB004'); // more QST than the invoice charged
  await reverseRun(database!.db, clerkId, run.runId!);
  await database!.db.execute(sql`update invoices set printed_at = now() where number = 1`); // a delivery mark may be written…
  expect(await refusalCode(database!.db.execute(sql`update invoices set printed_at = null where number = 1`))).toBe('RB002'); // …never erased
  expect(await refusalCode(database!.db.execute(sql`update invoices set status = 'issued', voided_at = null where number = 1`))).toBe(
    'RB001',
  );
  expect(await refusalCode(database!.db.execute(sql`update invoice_lines set is_void = false where call_number = 1001`))).toBe('RB001');
  expect(await refusalCode(credit(100))).toBe('RB003');
});

test('generation refuses to run before the company settings exist, and creates nothing', async () => {
  await database!.db.execute(sql`delete from company_settings`);
  const error = await generateInvoices(database!.db, clerkId, grouped(), '2026-11-01').catch((e: AppError) => e);
  expect((error as AppError).code).toBe('billing.noCompanySettings');
  expect(await database!.db.select().from(invoices)).toEqual([]);
});
