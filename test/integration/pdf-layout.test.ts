import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { GET as billingListExport } from '@/app/(app)/billing/export/route';
import { GET as agingExport } from '@/app/(app)/receivables/export/route';
import type { Db } from '@/db/index';
import { companySettings, invoices } from '@/db/schema';
import type { SessionClaims } from '@/lib/auth/session-token';
import { billingInput } from '@/lib/billing/billing-input';
import { generateInvoices } from '@/lib/billing/generate-invoices';
import { previewBilling } from '@/lib/billing/preview-billing';
import { formatMoney } from '@/lib/i18n/format';
import { LOCALES, type Locale } from '@/lib/i18n/locale';
import { invoicePdfStream } from '@/lib/pdf/invoice-pdf';
import { renderStatementPdf } from '@/lib/pdf/render-statements';
import { requireCompanySettings } from '@/lib/settings/company-settings';
import { paymentInput } from '@/lib/receivables/payment-input';
import { agingAsOf } from '@/lib/receivables/aging';
import { AGING_BUCKETS } from '@/lib/receivables/aging-buckets';
import { recordPayment } from '@/lib/receivables/payments';
import { loadStatement } from '@/lib/statements/statement';
import { insertCall, insertClient, insertTariff, insertUser } from '@/test/support/fixtures';
import { loadGoldenScenario } from '@/test/support/golden-scenario';
import { overlappingTexts, pdfTextBoxes, streamBytes, type PlacedText } from '@/test/support/pdf-text';
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
// Names as long as a client's or the company's may be (200 characters).
const NAME_200 = `${LONG_NAME} — ${'Centre de distribution régional de la Côte-Nord '.repeat(3)}`.slice(0, 200);
const MEMBER_200 = `Succursale ${'Entrepôt frigorifique et quai de transbordement de Sept-Îles '.repeat(4)}`.slice(0, 200);
const COMPANY_200 = `Répartition Express Montréal ${'— Rive-Sud, Laval, Laurentides et Lanaudière '.repeat(4)}`.slice(0, 200);
// The largest call of the lists: 12 345 678,90 $ before taxes (their grand totals stay under a billion).
const LARGE_CENTS = 1_234_567_890;

// The billing list's clients, with calls not invoiced yet: 30 billed on their own, and heads of
// members with the longest names or of 40 branches (a group longer than a page).
const LISTED = 82000;
const LONG_MEMBERS = [MEMBER_200, MEMBER_200, MEMBER_200];
const BRANCHES = Array.from({ length: 40 }, (_, i) => `Pharmacie du Nord — succursale ${i + 1}`);
const LISTED_GROUPS = [
  [82100, LONG_MEMBERS],
  [82110, LONG_MEMBERS],
  [82120, LONG_MEMBERS],
  [82200, BRANCHES],
] as const;
const LISTED_CUTOFF = '2027-01-31';
// The aging's clients, as of AGING_AS_OF: each owing an invoice in every column of the aging
// ([service date, cut-off and issue date], 30 days to pay), some holding a credit.
const AGED = 81000;
const AGED_GROUPS = [
  [81100, LONG_MEMBERS],
  [81200, BRANCHES],
] as const;
const AGING_AS_OF = '2027-06-30';
const AGED_INVOICES = [
  ['2027-01-10', '2027-01-31'], // due on 2 March: over 90 days
  ['2027-03-10', '2027-03-31'], // due on 30 April: 61 days
  ['2027-04-10', '2027-04-30'], // due on 30 May: 31 days
  ['2027-05-05', '2027-05-15'], // due on 14 June: 16 days
  ['2027-05-20', '2027-05-31'], // due on 30 June: current
] as const;

// The export routes as a signed-in administrator reaches them, in the interface language `language`.
let session: SessionClaims | null = null;
let language: Locale = 'fr';
vi.mock('@/lib/auth/session-token', () => ({ readSessionClaims: async () => session }));
vi.mock('next/headers', () => ({
  cookies: async () => ({ get: () => undefined, set: () => undefined }),
  headers: async () => new Headers(),
}));
vi.mock('next-intl/server', async () => {
  const { createTranslator } = await import('next-intl');
  const { en } = await import('@/lib/i18n/messages/en/index');
  const { fr } = await import('@/lib/i18n/messages/fr/index');
  return {
    getTranslations: async (namespace?: 'aging' | 'billing' | 'errors') =>
      createTranslator({ locale: language, messages: language === 'en' ? en : fr, namespace }),
    getLocale: async () => language,
  };
});

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

  await insertListedClients(database.db, tariff.id);
  await insertAgedClients(database.db, tariff.id, clerkId);
  session = { userId: await insertUser(database.db, 'admin@golden.local', 'admin'), sessionVersion: 1 };
  globalThis.__appDatabase = database;
});
afterAll(async () => {
  globalThis.__appDatabase = undefined;
  await database.drop();
});

const callOn = (serviceDate: string, priceCents: number) => ({
  serviceAt: new Date(`${serviceDate}T15:00:00Z`),
  serviceDate,
  grossCents: priceCents,
  priceCents,
});

/** Heads with the longest name and their members; the numbers of all. */
async function insertGroups(db: Db, groups: readonly (readonly [number, readonly string[]])[], tariffId: number): Promise<number[]> {
  const numbers: number[] = [];
  for (const [head, memberNames] of groups)
    for (const [i, name] of [NAME_200, ...memberNames].entries()) {
      await insertClient(db, head + i, tariffId, { name, groupedClientNumber: head });
      numbers.push(head + i);
    }
  return numbers;
}

/** The billing list's clients, each with a call: of 12 345 678,90 $ for every tenth client number, of 1 234,56 $ otherwise. */
async function insertListedClients(db: Db, tariffId: number) {
  const numbers = Array.from({ length: 30 }, (_, i) => LISTED + i);
  for (const number of numbers) await insertClient(db, number, tariffId, { name: NAME_200 });
  for (const number of [...numbers, ...(await insertGroups(db, LISTED_GROUPS, tariffId))]) {
    const isLarge = number % 10 === 0;
    await insertCall(db, number, tariffId, callOn('2027-01-15', isLarge ? LARGE_CENTS : 123_456));
  }
}

/**
 * The aging's clients: 24 billed on their own and 2 groups, each client invoiced in each column
 * of the aging, 1 234,56 $ before taxes, but for one client of each kind per column 12 345 678,90 $;
 * a credit of 12 345 678,90 $ on account for 4 clients, a head, and a client who owes nothing.
 */
async function insertAgedClients(db: Db, tariffId: number, clerkId: number) {
  const numbers = Array.from({ length: 24 }, (_, i) => AGED + i);
  for (const number of [...numbers, AGED + 24]) await insertClient(db, number, tariffId, { name: NAME_200 });
  const owing = [...numbers, ...(await insertGroups(db, AGED_GROUPS, tariffId))];
  // Received before the first invoice: nothing to apply it to.
  for (const clientNumber of [AGED, AGED + 1, AGED + 2, AGED + 3, AGED + 24, AGED_GROUPS[0][0]])
    await recordPayment(
      db,
      clerkId,
      paymentInput(AGING_AS_OF).parse({
        clientNumber: String(clientNumber),
        amount: '12345678,90',
        receivedOn: '2027-01-05',
        method: 'cheque',
      }),
    );
  for (const [i, number] of owing.entries())
    for (const [column, [serviceDate]] of AGED_INVOICES.entries())
      await insertCall(db, number, tariffId, callOn(serviceDate, i % 24 === column ? LARGE_CENTS : 123_456));
  for (const [, issueDate] of AGED_INVOICES)
    for (const isGrouped of [undefined, 'on']) {
      const input = billingInput.parse({
        cutoff: issueDate,
        cycle: 'all',
        clientFrom: String(AGED),
        clientTo: String(AGED + 999),
        isGrouped,
      });
      await generateInvoices(db, clerkId, input, issueDate);
    }
}

/** The document prints `expected` (the long case is there) and no two pieces of text over each other on any page; its pages. */
async function expectNoTextOverAnother(pdf: Uint8Array, expected: string) {
  const pages = await pdfTextBoxes(pdf);
  expect(pages.flatMap((page) => page.map((piece) => piece.text)).join(' ')).toContain(expected);
  for (const page of pages) expect(overlappingTexts(page)).toEqual([]);
  return pages;
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

/*
 * The list reports (billing list, aging) as their export routes answer them, with the company's
 * name in their footer.
 */

/** The PDF that an export route answers to `path`, with the interface in `locale`. */
async function exported(route: (request: Request) => Promise<Response>, path: string, locale: Locale): Promise<Uint8Array> {
  language = locale;
  const response = await route(new Request(new URL(path, 'http://localhost')));
  expect(response.status).toBe(200);
  return new Uint8Array(await response.arrayBuffer());
}

/** Runs `body` with the company's name as long as its settings take. */
async function withLongCompanyName(body: () => Promise<void>) {
  const [company] = await database.db.select({ name: companySettings.name }).from(companySettings);
  await database.db.update(companySettings).set({ name: COMPANY_200 });
  try {
    await body();
  } finally {
    await database.db.update(companySettings).set({ name: company!.name });
  }
}

/** Each amount printed whole, on one line of its column: a piece of text of its own. */
function expectPrintedWhole(pages: PlacedText[][], amounts: number[], locale: Locale) {
  const pieces = new Set(pages.flat().map((piece) => piece.text));
  expect(amounts.map((cents) => formatMoney(cents, locale)).filter((amount) => !pieces.has(amount))).toEqual([]);
}

test('the billing lists of many clients with the longest names and amounts, in two languages, print no text over another', async () => {
  await withLongCompanyName(async () => {
    for (const locale of LOCALES)
      for (const isGrouped of [false, true]) {
        const search = `cutoff=${LISTED_CUTOFF}&cycle=all&clientFrom=${LISTED}&clientTo=${LISTED + 999}${isGrouped ? '&isGrouped=on' : ''}`;
        const pages = await expectNoTextOverAnother(
          await exported(billingListExport, `/billing/export?format=pdf&${search}`, locale),
          NAME_200.slice(0, 40),
        );
        expect(pages.length).toBeGreaterThan(1);
        const { invoices, totals } = await previewBilling(database.db, billingInput.parse(Object.fromEntries(new URLSearchParams(search))));
        const amounts = [...invoices, totals].flatMap((row) => [row.subtotalCents, row.gstCents, row.qstCents, row.totalCents]);
        expectPrintedWhole(pages, amounts, locale);
      }
  });
});

test('the agings of many clients with the longest names, amounts and credits, in two languages, print no text over another', async () => {
  await withLongCompanyName(async () => {
    for (const locale of LOCALES)
      for (const isGrouped of [false, true]) {
        const path = `/receivables/export?format=pdf&asOf=${AGING_AS_OF}${isGrouped ? '&grouped=on' : ''}`;
        const pages = await expectNoTextOverAnother(await exported(agingExport, path, locale), NAME_200.slice(0, 40));
        expect(pages.length).toBeGreaterThan(1);
        const { rows, totals } = await agingAsOf(database.db, { asOf: AGING_AS_OF, isGrouped, pageSize: null });
        const amounts = [...rows, totals].flatMap((row) => [...AGING_BUCKETS.map((bucket) => row[bucket]), row.balance, row.credit]);
        expectPrintedWhole(pages, amounts, locale);
      }
  });
});
