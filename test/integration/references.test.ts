/**
 * Required references (docs/business-rules.md, Required references) on PostgreSQL: an
 * administrator's rules, audited; a head's reference required on its member's call at the form,
 * named on its field; the dispatch API taking a call without it and refusing a malformed one
 * naming `references.<label>`; the values copied to the invoice line and printed on its PDF.
 */
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { formDataToObject } from '@/actions/define-action';
import { queryRows } from '@/db/index';
import { auditLog, calls, invoiceLines, invoices } from '@/db/schema';
import { ApiError } from '@/lib/api/api-error';
import { dispatchCallInput } from '@/lib/api/dispatch-call-input';
import { putDispatchCall } from '@/lib/api/put-dispatch-call';
import { createApiToken } from '@/lib/api/tokens';
import { billingInput } from '@/lib/billing/billing-input';
import { generateInvoices } from '@/lib/billing/generate-invoices';
import { callInput } from '@/lib/calls/call-input';
import { createCall } from '@/lib/calls/save-call';
import { AppError } from '@/lib/errors';
import { invoicePdfStream } from '@/lib/pdf/invoice-pdf';
import { referenceRuleInput } from '@/lib/references/reference-input';
import { removeReferenceRule, saveReferenceRule } from '@/lib/references/save-references';
import { insertClient, insertCompanySettings, insertTariff, insertUser } from '@/test/support/fixtures';
import { pdfText, streamBytes } from '@/test/support/pdf-text';
import { createTestDatabase, type TestDatabase } from '@/test/support/test-database';

let database: TestDatabase;
let adminId: number;
let tokenId: number;

const HEAD = 41000;
const MEMBER = 41001;

/** A call of the form, as the call-taking form sends it (its references as `references[<label>]` fields). */
function formCall(clientNumber: number, references: Record<string, string> = {}) {
  const form = new FormData();
  for (const [name, value] of Object.entries({
    clientNumber: String(clientNumber),
    serviceDate: '2026-11-20',
    serviceTime: '09:30',
    pickupAddress: '1, rue A, Montréal',
    destinationAddress: '2, rue B, Laval',
    distanceKm: '5',
    waitingMinutes: '0',
    serviceType: 'standard',
  }))
    form.set(name, value);
  for (const [label, value] of Object.entries(references)) form.set(`references[${label}]`, value);
  return callInput.parse(formDataToObject(form));
}

const refusalOf = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => error,
  );

beforeAll(async () => {
  database = await createTestDatabase();
  await insertCompanySettings(database.db);
  adminId = await insertUser(database.db, 'admin@exemple.ca', 'admin', 'Administratrice');
  const tariff = await insertTariff(database.db);
  await insertClient(database.db, HEAD, tariff.id, { groupedClientNumber: HEAD });
  await insertClient(database.db, MEMBER, tariff.id, { groupedClientNumber: HEAD });
  tokenId = (await createApiToken(database.db, adminId, { name: 'Répartition', scope: 'write' })).id;
  await saveReferenceRule(
    database.db,
    adminId,
    referenceRuleInput.parse({
      clientNumber: String(HEAD),
      label: 'No. d’autorisation',
      format: 'AU-#####',
      example: 'AU-00042',
      requiredFrom: '2026-11-01',
    }),
  );
});
afterAll(async () => {
  await database.drop();
});

describe('an administrator’s rules', () => {
  test('a format needs an example that follows it, and allowed values that follow it too', () => {
    const refused = referenceRuleInput.safeParse({
      clientNumber: '41000',
      label: 'Bon de commande',
      format: 'BC-####',
      example: 'BC-12',
      allowedValues: 'BC-0001\nXX',
      requiredFrom: '2026-11-01',
    });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['example', 'reference.exampleMismatch'],
      ['allowedValues', 'reference.allowedValueMismatch'],
    ]);
    expect(
      referenceRuleInput.safeParse({ clientNumber: '41000', label: 'X', format: 'ABC', example: 'ABC', requiredFrom: '2026-11-01' }).error
        ?.issues[0]?.message,
    ).toBe('reference.formatUnusable');
  });

  test('adding, changing (same label, another case) and removing a rule are in the audit log under the client', async () => {
    const rule = (label: string, requiredFrom: string) =>
      saveReferenceRule(database.db, adminId, referenceRuleInput.parse({ clientNumber: String(MEMBER), label, requiredFrom }));
    await rule('Centre de coûts', '2026-11-01');
    await rule('centre de coûts', '2026-12-01');
    const [saved] = await queryRows<{ id: number }>(database.db, sql`select id from client_references where client_number = ${MEMBER}`);
    await removeReferenceRule(database.db, adminId, { clientNumber: MEMBER, id: saved!.id });
    const audit = await database.db
      .select({ userId: auditLog.userId, oldValue: auditLog.oldValue, newValue: auditLog.newValue })
      .from(auditLog)
      .where(and(eq(auditLog.clientNumber, MEMBER), eq(auditLog.field, 'required_reference')))
      .orderBy(auditLog.id);
    expect(audit).toEqual([
      { userId: adminId, oldValue: null, newValue: 'Centre de coûts · requise dès le 2026-11-01' },
      { userId: adminId, oldValue: 'Centre de coûts · requise dès le 2026-11-01', newValue: 'centre de coûts · requise dès le 2026-12-01' },
      { userId: adminId, oldValue: 'centre de coûts · requise dès le 2026-12-01', newValue: null },
    ]);
  });
});

describe('a call of a member of a group whose head requires a reference', () => {
  test('the form refuses it without the reference, naming the field, then takes it with it', async () => {
    const refusal = await refusalOf(createCall(database.db, adminId, formCall(MEMBER)));
    expect(refusal).toBeInstanceOf(AppError);
    expect((refusal as AppError).code).toBe('reference.invalid');
    expect((refusal as AppError).fieldErrors).toEqual({ 'references[No. d’autorisation]': ['reference.field.missing'] });
    expect((refusal as AppError).details).toEqual([
      { code: 'reference.missing', params: { label: 'No. d’autorisation', format: 'AU-#####', example: 'AU-00042', values: '' } },
    ]);

    const malformed = await refusalOf(createCall(database.db, adminId, formCall(MEMBER, { 'No. d’autorisation': 'AU-42' })));
    expect((malformed as AppError).fieldErrors).toEqual({ 'references[No. d’autorisation]': ['reference.field.format'] });

    const { number } = await createCall(database.db, adminId, formCall(MEMBER, { 'no. d’autorisation': ' au-00042 ' }));
    const [stored] = await database.db.select({ values: calls.referenceValues }).from(calls).where(eq(calls.number, number));
    expect(stored!.values).toEqual({ 'No. d’autorisation': 'au-00042' });
  });

  test('the dispatch API takes it without the reference; a malformed one is refused naming references.<label>', async () => {
    const body = {
      clientNumber: MEMBER,
      serviceDate: '2026-11-21',
      serviceTime: '10:00',
      status: 'completed',
      pickupAddress: '3, rue C, Montréal',
      destinationAddress: '4, rue D, Laval',
    };
    const taken = await putDispatchCall(database.db, tokenId, 'REF-1', dispatchCallInput.parse(body));
    expect(taken.call.references).toEqual({});

    const refusal = await refusalOf(
      putDispatchCall(database.db, tokenId, 'REF-2', dispatchCallInput.parse({ ...body, references: { 'No. d’autorisation': '42' } })),
    );
    expect(refusal).toBeInstanceOf(ApiError);
    expect(refusal).toMatchObject({
      code: 'validation',
      fields: { 'references.No. d’autorisation': ['does not follow the format AU-##### (e.g. AU-00042)'] },
    });

    const sent = await putDispatchCall(
      database.db,
      tokenId,
      'REF-3',
      dispatchCallInput.parse({
        ...body,
        serviceTime: '14:00',
        pickupAddress: '5, rue E, Montréal',
        references: { 'No. d’autorisation': 'AU-12345', 'Nom du patient': 'Tremblay' },
      }),
    );
    expect(sent.call.references).toEqual({ 'Nom du patient': 'Tremblay', 'No. d’autorisation': 'AU-12345' });

    // Sent again without its references (its status changed), the call keeps them.
    const completed = await putDispatchCall(
      database.db,
      tokenId,
      'REF-3',
      dispatchCallInput.parse({ ...body, serviceTime: '14:00', pickupAddress: '5, rue E, Montréal', status: 'dispatched' }),
    );
    expect(completed.call.references).toEqual({ 'Nom du patient': 'Tremblay', 'No. d’autorisation': 'AU-12345' });
    await putDispatchCall(
      database.db,
      tokenId,
      'REF-3',
      dispatchCallInput.parse({ ...body, serviceTime: '14:00', pickupAddress: '5, rue E, Montréal' }),
    );
  });

  test('its invoice line keeps the values, and the invoice PDF prints them with the trip', async () => {
    await generateInvoices(
      database.db,
      adminId,
      billingInput.parse({ cutoff: '2026-11-30', cycle: 'all', isGrouped: 'on', clientFrom: String(HEAD), clientTo: String(HEAD) }),
      '2026-12-01',
    );
    const [invoice] = await database.db.select().from(invoices).where(eq(invoices.billedClientNumber, HEAD));
    const lines = await database.db
      .select({ values: invoiceLines.referenceValues })
      .from(invoiceLines)
      .where(eq(invoiceLines.invoiceId, invoice!.id));
    expect(lines.map((line) => line.values)).toContainEqual({ 'Nom du patient': 'Tremblay', 'No. d’autorisation': 'AU-12345' });
    const text = (await pdfText(await streamBytes((await invoicePdfStream(database.db, invoice!.number))!))).join(' ');
    expect(text).toContain('No. d’autorisation : AU-12345');
  });
});
