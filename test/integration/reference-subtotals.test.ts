/**
 * `Sous-totaux par` (docs/business-rules.md, Required references) on PostgreSQL: a head chooses
 * one of its references; the grouped billing list subtotals each member by its values, the
 * invoice keeps the label it was issued with and prints the same subtotals inside each member
 * block (screen model and PDF text), the values in order and the calls without one last; a later
 * change of the choice leaves the issued invoice as it was. The choice is audited, one per client,
 * and a label with the import's separators is refused by the database itself.
 */
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { pgErrorOf } from '@/db/errors';
import { queryRows } from '@/db/index';
import { auditLog } from '@/db/schema';
import { billingInput } from '@/lib/billing/billing-input';
import { getInvoice } from '@/lib/billing/find-invoices';
import { generateInvoices } from '@/lib/billing/generate-invoices';
import { previewBilling } from '@/lib/billing/preview-billing';
import { invoicePdfStream } from '@/lib/pdf/invoice-pdf';
import { referenceRuleInput, subtotalReferenceInput } from '@/lib/references/reference-input';
import { saveReferenceRule, setSubtotalReference } from '@/lib/references/save-references';
import { insertCall, insertClient, insertCompanySettings, insertTariff, insertUser } from '@/test/support/fixtures';
import { pdfText, streamBytes } from '@/test/support/pdf-text';
import { createTestDatabase, type TestDatabase } from '@/test/support/test-database';

const HEAD = 71000;
const MEMBER = 71001;
let database: TestDatabase;
let adminId: number;

const grouped = billingInput.parse({
  cutoff: '2026-10-31',
  cycle: 'all',
  isGrouped: 'on',
  clientFrom: String(HEAD),
  clientTo: String(HEAD),
});
const choose = (id: number | null) =>
  setSubtotalReference(
    database.db,
    adminId,
    subtotalReferenceInput.parse({ clientNumber: String(HEAD), id: id === null ? '' : String(id) }),
  );

beforeAll(async () => {
  database = await createTestDatabase();
  await insertCompanySettings(database.db);
  adminId = await insertUser(database.db, 'admin@exemple.ca', 'admin', 'Admin');
  const tariffId = (await insertTariff(database.db)).id;
  await insertClient(database.db, HEAD, tariffId, { groupedClientNumber: HEAD });
  await insertClient(database.db, MEMBER, tariffId, { groupedClientNumber: HEAD });
  // The member: two calls of BC-2, one of BC-10 (after BC-2: by number), one without; the head: one of BC-2.
  const call = (client: number, day: number, values: Record<string, string>, cents = 1200) =>
    insertCall(database.db, client, tariffId, {
      serviceDate: `2026-10-${String(day).padStart(2, '0')}`,
      serviceAt: new Date(`2026-10-${String(day).padStart(2, '0')}T14:00:00Z`),
      grossCents: cents,
      priceCents: cents,
      referenceValues: values,
    });
  await call(MEMBER, 3, { 'Bon de commande': 'BC-10' }, 2500);
  await call(MEMBER, 4, { 'Bon de commande': 'BC-2' });
  await call(MEMBER, 5, {});
  await call(MEMBER, 6, { 'bon de commande': ' BC-2 ' }, 1300);
  await call(HEAD, 7, { 'Bon de commande': 'BC-2' }, 4000);
});
afterAll(() => database.drop());

describe('Sous-totaux par', () => {
  test('the billing list and the invoice subtotal each member by the value; the invoice keeps its label afterwards', async () => {
    const { label } = await saveReferenceRule(
      database.db,
      adminId,
      referenceRuleInput.parse({ clientNumber: String(HEAD), label: 'Bon de commande', requiredFrom: '2026-12-01' }),
    );
    const [rule] = await queryRows<{ id: number }>(database.db, sql`select id from client_references where client_number = ${HEAD}`);
    expect(await choose(rule!.id)).toEqual({ label });

    const [invoice] = (await previewBilling(database.db, grouped)).invoices;
    expect(invoice!.subtotalLabel).toBe('Bon de commande');
    expect(invoice!.members.map((member) => [member.clientNumber, member.referenceSubtotals])).toEqual([
      [HEAD, [{ value: 'BC-2', calls: 1, subtotalCents: 4000 }]],
      [
        MEMBER,
        [
          { value: 'BC-2', calls: 2, subtotalCents: 2500 },
          { value: 'BC-10', calls: 1, subtotalCents: 2500 },
          { value: null, calls: 1, subtotalCents: 1200 },
        ],
      ],
    ]);

    await generateInvoices(database.db, adminId, grouped, '2026-11-01');
    const [{ number }] = (await queryRows<{ number: number }>(
      database.db,
      sql`select number::int from invoices where billed_client_number = ${HEAD}`,
    )) as [{ number: number }];
    // Chosen no more: the invoice issued with it is printed as issued.
    await choose(null);
    const issued = await getInvoice(database.db, number);
    expect(issued!.invoice.subtotalLabel).toBe('Bon de commande');
    const member = issued!.blocks.find((block) => block.clientNumber === MEMBER)!;
    expect(member.referenceGroups!.map((group) => [group.value, group.lines.length, group.subtotalCents])).toEqual([
      ['BC-2', 2, 2500],
      ['BC-10', 1, 2500],
      [null, 1, 1200],
    ]);
    expect(member.lines.map((line) => line.serviceDate)).toEqual(['2026-10-04', '2026-10-06', '2026-10-03', '2026-10-05']);

    const text = (await pdfText(Buffer.from(await streamBytes(await invoicePdfStream(database.db, number))))).join(' ');
    const order = [
      'Sous-total Bon de commande : BC-2 (1 course) 40,00 $',
      'Sous-total Bon de commande : BC-2 (2 courses) 25,00 $',
      'Sous-total Bon de commande : BC-10 (1 course) 25,00 $',
      'Sous-total sans Bon de commande (1 course) 12,00 $',
    ].map((expected) => text.replace(/\s+/g, ' ').indexOf(expected));
    expect(order.every((index) => index >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  test('the choice is audited and one per client; a label with « : » or « ; » is refused by the database', async () => {
    const audit = await database.db
      .select({ newValue: auditLog.newValue })
      .from(auditLog)
      .where(and(eq(auditLog.clientNumber, HEAD), eq(auditLog.field, 'required_reference')))
      .orderBy(auditLog.id);
    expect(audit.map((row) => row.newValue)).toEqual([
      'Bon de commande · requise dès le 2026-12-01',
      'Bon de commande · requise dès le 2026-12-01 · sous-totaux par cette référence',
      'Bon de commande · requise dès le 2026-12-01',
    ]);
    const refused = (statement: ReturnType<typeof sql>) =>
      database.db.execute(statement).then(
        () => null,
        (error: unknown) => pgErrorOf(error)?.constraint ?? String(error),
      );
    expect(
      await refused(
        sql`insert into client_references (client_number, label, required_from) values (${HEAD}, 'Bon : commande', '2026-12-01')`,
      ),
    ).toBe('client_references_label_separators');
    await database.db.execute(
      sql`insert into client_references (client_number, label, required_from, is_subtotal) values (${HEAD}, 'Centre', '2026-12-01', true)`,
    );
    expect(
      await refused(
        sql`insert into client_references (client_number, label, required_from, is_subtotal) values (${HEAD}, 'Autre', '2026-12-01', true)`,
      ),
    ).toBe('client_references_one_subtotal');
    // Another client's reference is not this client's to choose.
    expect(await choose(999_999).catch((error: unknown) => error)).toMatchObject({ code: 'reference.notFound' });
  });
});
