import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { invoices } from '@/db/schema';
import { billingInput } from '@/lib/billing/billing-input';
import { generateInvoices } from '@/lib/billing/generate-invoices';
import { invoicePdfStream } from '@/lib/pdf/invoice-pdf';
import { renderStatementPdf } from '@/lib/pdf/render-statements';
import { requireCompanySettings } from '@/lib/settings/company-settings';
import { loadStatement } from '@/lib/statements/statement';
import { insertCall, insertClient, insertTariff } from '@/test/support/fixtures';
import { loadGoldenScenario } from '@/test/support/golden-scenario';
import { overlappingTexts, pdfTextBoxes, streamBytes } from '@/test/support/pdf-text';
import { createTestDatabase, type TestDatabase } from '@/test/support/test-database';

/*
 * The longest things a document prints, laid out without a piece of text over another: read
 * back from the PDF with the position of each piece (pdf.js).
 */
const HEAD = 80000;
const SHORT = 80100;
const LONG_NAME = `Fournitures industrielles du Nord-du-Québec et de la Baie-James — Northern Industrial Supplies Limited`;
const LONG_ADDRESS = '12345, boulevard de la Côte-Vertu Ouest, bureau 1200, porte arrière';
// An exemption number as long as a client may have one (60 characters).
const LONG_EXEMPTION = (tax: string) => `${tax}-EX-`.padEnd(60, '0123456789');

let database: TestDatabase;
let invoiceNumbers: number[];

beforeAll(async () => {
  database = await createTestDatabase();
  const { clerkId } = await loadGoldenScenario(database.db);
  const tariff = await insertTariff(database.db, { code: 'LONG' });
  await insertClient(database.db, HEAD, tariff.id, {
    name: LONG_NAME,
    addressLine1: LONG_ADDRESS,
    addressLine2: 'Parc industriel régional de Chibougamau-Chapais, secteur nord',
    groupedClientNumber: HEAD,
    language: 'en',
    gstExempt: true,
    gstExemptionNumber: LONG_EXEMPTION('GST'),
    qstExempt: true,
    qstExemptionNumber: LONG_EXEMPTION('QST'),
  });
  await insertClient(database.db, HEAD + 1, tariff.id, {
    name: `Succursale ${'Centre de distribution régional '.repeat(6)}`.slice(0, 200).trim(),
    groupedClientNumber: HEAD,
  });
  for (const client of [HEAD, HEAD + 1])
    await insertCall(database.db, client, tariff.id, {
      pickupAddress: LONG_ADDRESS,
      destinationAddress: `${LONG_ADDRESS}, Longueuil`,
      clientReference: 'Bon de commande 2026-0001234 — '.repeat(4).slice(0, 100),
      grossCents: 1234567,
      priceCents: 1234567,
    });
  // As the demo's Northern Supplies Ltd: an English client exempt from the QST alone.
  await insertClient(database.db, SHORT, tariff.id, {
    name: 'Northern Supplies Ltd',
    language: 'en',
    qstExempt: true,
    qstExemptionNumber: 'QST-EX-20002',
  });
  await insertCall(database.db, SHORT, tariff.id);
  for (const isGrouped of [undefined, 'on'])
    await generateInvoices(database.db, clerkId, billingInput.parse({ cutoff: '2026-10-31', cycle: 'all', isGrouped }), '2026-11-01');
  const numberOf = async (client: number) =>
    (await database.db.select({ number: invoices.number }).from(invoices).where(eq(invoices.billedClientNumber, client)))[0]!.number;
  invoiceNumbers = [await numberOf(HEAD), await numberOf(SHORT)];
});
afterAll(() => database.drop());

/** The document prints `expected` (the long case is there) and no two pieces of text over each other on any page. */
async function expectNoTextOverAnother(pdf: Uint8Array, expected: string) {
  const pages = await pdfTextBoxes(pdf);
  expect(pages.flatMap((page) => page.map((piece) => piece.text)).join(' ')).toContain(expected);
  for (const page of pages) expect(overlappingTexts(page)).toEqual([]);
}

test('invoices with the longest name, addresses, references and exemptions, in two languages, print no text over another', async () => {
  for (const number of invoiceNumbers)
    await expectNoTextOverAnother(await streamBytes(await invoicePdfStream(database.db, number)), 'Exempté de la TVQ / QST exempt');
});

test('the statement of a head with the longest names, in two languages, prints no text over another', async () => {
  const statement = await loadStatement(database.db, HEAD, { from: '2026-11-01', to: '2026-11-30' });
  const pdf = await renderStatementPdf(statement, await requireCompanySettings(database.db));
  await expectNoTextOverAnother(pdf, 'Succursale Centre de distribution régional');
});
