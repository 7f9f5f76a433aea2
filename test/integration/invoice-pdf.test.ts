import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { clients, companySettings, invoices } from '@/db/schema';
import { billingInput } from '@/lib/billing/billing-input';
import { generateInvoices } from '@/lib/billing/generate-invoices';
import { invoicePdfStream } from '@/lib/pdf/invoice-pdf';
import { reverseRun } from '@/lib/billing/reverse-run';
import { loadGoldenScenario } from '@/test/support/golden-scenario';
import { pdfText, streamBytes } from '@/test/support/pdf-text';
import { createTestDatabase, type TestDatabase } from '@/test/support/test-database';

let database: TestDatabase;
let clerkId: number;

beforeAll(async () => {
  database = await createTestDatabase();
  ({ clerkId } = await loadGoldenScenario(database.db));
  const input = (isGrouped: boolean) => billingInput.parse({ cutoff: '2026-10-31', cycle: 'all', isGrouped: isGrouped ? 'on' : undefined });
  await generateInvoices(database.db, clerkId, input(false), '2026-11-01'); // 1: 20001, 2: 20002 (English)
  await generateInvoices(database.db, clerkId, input(true), '2026-11-01'); // 3: group of 12345
});
afterAll(() => database.drop());

async function textOf(number: number) {
  // The invoice's PDF as /invoices/[number]/pdf sends it.
  const pdf = Buffer.from(await streamBytes(await invoicePdfStream(database.db, number)));
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  return (await pdfText(pdf!)).join(' ');
}

describe('invoice PDF', () => {
  test('a grouped invoice in French: company and tax numbers, the head billed, member blocks, stored totals, page numbers', async () => {
    const text = await textOf(3);
    for (const expected of [
      'Répartition Express Montréal inc.',
      'No TPS : 123456789 RT0001',
      'No TVQ : 1234567890 TQ0001',
      'FACTURE',
      'Facturé à',
      'No client 12345 Pharmacie Centrale inc.',
      'No client 12346 — Pharmacie Centrale — succursale Laval',
      'No client 12347 — Pharmacie Centrale — succursale Longueuil',
      'Sous-total 12346 : 48,20 $',
      'Sous-total 150,92 $',
      'TPS (5 %) 7,55 $',
      'TVQ (9,975 %) 15,05 $',
      'Total 173,52 $',
      'Net 15 jours', // the head's terms
      'Page 1 de 1',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('INVOICE');
  });

  test('for a billed client whose language is English: bilingual, French first, with its QST exemption', async () => {
    const text = await textOf(2);
    expect(text).toContain('FACTURE / INVOICE');
    expect(text).toContain('Facturé à / Bill to');
    expect(text).toContain('Exempté de la TVQ / QST exempt (TVQ-20002)');
    expect(text).toContain('Page 1 de 1 / Page 1 of 1');
  });

  test('prints stored values only: later changes of the client and of the company settings do not change the invoice', async () => {
    await database.db.update(clients).set({ name: 'Nouveau nom inc.', addressLine1: '9, rue Ailleurs' }).where(eq(clients.number, 20001));
    await database.db.update(companySettings).set({ name: 'Nouvelle raison sociale inc.', gstNumber: '999999999 RT0001' });
    const text = await textOf(1);
    expect(text).toContain('Répartition Express Montréal inc.');
    expect(text).toContain('No TPS : 123456789 RT0001');
    expect(text).not.toContain('Nouvelle raison sociale');
    expect(text).toContain('Boulangerie Côté');
    expect(text).toContain('20001, rue du Golden');
    expect(text).not.toContain('Nouveau nom');
  });

  test('a void invoice carries the ANNULÉE mark', async () => {
    const [invoice] = await database.db.select({ runId: invoices.billingRunId }).from(invoices).where(eq(invoices.number, 1));
    await reverseRun(database.db, clerkId, invoice!.runId);
    expect(await textOf(1)).toContain('ANNULÉE');
  });

  test('an unknown number gives no PDF', async () => {
    expect(await invoicePdfStream(database.db, 999)).toBeNull();
  });
});
