/**
 * A statement's open invoices drawn each on one line, straight onto the page (line-cells.tsx),
 * print the same texts at the same places as the Text cells they replace, members' subtotals
 * under them included; an amount too wide for its column keeps its Text cells.
 */
import { afterAll, expect, test } from 'vitest';
import type { companySettings } from '@/db/schema';
import { renderPool } from '@/lib/pdf/render-pool';
import { statementHead, statementPages, type StatementPage } from '@/lib/pdf/templates/statement';
import { loadTextMeasure } from '@/lib/pdf/templates/text-measure';
import type { Statement, StatementOpenInvoice } from '@/lib/statements/statement';
import { COMPANY } from '@/test/support/fixtures';
import { overlappingTexts, pdfOperationCount, pdfTextBoxes } from '@/test/support/pdf-text';

const company: typeof companySettings.$inferSelect = {
  ...COMPANY,
  id: 1,
  addressLine2: null,
  province: 'QC',
  phone: null,
  email: null,
  logoPng: null,
  reviewPriceFactor: 3,
  isContestNoticeEmailed: false,
  updatedAt: new Date('2026-11-01T00:00:00Z'),
};

// Open invoices of a head over two pages, one of them for more than its amount's column holds
// on one line, two with their members' subtotals under them.
const WIDE = 123_456_789_012;
const members = (invoiceId: number) =>
  [100_124, 100_125].map((clientNumber) => ({
    invoiceId,
    clientNumber,
    name: `Succursale ${clientNumber}`,
    subtotalCents: 12_345,
    lineCount: 3,
  }));
const open: StatementOpenInvoice[] = Array.from({ length: 60 }, (_, i) => ({
  id: i + 1,
  number: 50_000_001 + i,
  issueDate: `2026-09-${String(1 + (i % 28)).padStart(2, '0')}`,
  dueDate: `2026-10-${String(1 + (i % 28)).padStart(2, '0')}`,
  totalCents: i === 7 ? WIDE : 1_000 + i * 98_765,
  balanceCents: i === 7 ? WIDE : 500 + i * 45_678,
  daysPastDue: i % 3 === 0 ? 0 : 30 + i,
  bucket: 'days1to30',
  members: i === 3 || i === 40 ? members(i + 1) : [],
}));

const statement: Statement = {
  from: '2026-10-01',
  to: '2026-10-31',
  client: {
    number: 100_123,
    name: 'Fournitures du Nord inc.',
    addressLine1: '12, rue Principale',
    addressLine2: null,
    city: 'Rimouski',
    province: 'QC',
    postalCode: 'G5L 1A1',
    language: 'fr',
    invoiceEmails: [],
    isHead: true,
  },
  kind: 'grouped',
  openingCents: 0,
  entries: [],
  closingCents: open.reduce((sum, invoice) => sum + invoice.balanceCents, 0),
  aging: { current: 0, days1to30: open.reduce((sum, invoice) => sum + invoice.balanceCents, 0), days31to60: 0, days61to90: 0, over90: 0 },
  creditCents: 0,
  openInvoices: open,
  memberSummary: [100_124, 100_125].map((clientNumber) => ({
    clientNumber,
    name: `Succursale ${clientNumber}`,
    invoiceCount: 2,
    lineCount: 6,
    subtotalCents: 24_690,
  })),
};

afterAll(() => renderPool().close());

function rendered(pages: StatementPage[]): Promise<Uint8Array> {
  return renderPool().render({
    kind: 'statements',
    title: 'Essai',
    company,
    pieces: [{ statement: statementHead(statement), pages, from: 0, pageCount: pages.length }],
  });
}

test('open invoices drawn on one line print where their Text cells print, and a wide amount keeps its cells', async () => {
  const pages = statementPages(statement, company, await loadTextMeasure());
  const rows = pages.flat().flatMap((row) => (row.kind === 'open' ? [row] : []));
  expect(rows).toHaveLength(60);
  expect(rows.filter((row) => row.line === null).map((row) => row.invoice.number)).toEqual([50_000_008]);

  const drawnPdf = await rendered(pages);
  const asCellsPdf = await rendered(pages.map((page) => page.map((row) => (row.kind === 'open' ? { ...row, line: null } : row))));
  // The rows drawn as lines take fewer drawing operations than as cells: they were drawn so.
  expect(await pdfOperationCount(drawnPdf)).toBeLessThan(0.8 * (await pdfOperationCount(asCellsPdf)));
  const drawn = await pdfTextBoxes(drawnPdf);
  const asCells = await pdfTextBoxes(asCellsPdf);
  expect(drawn.length).toBeGreaterThan(1);
  expect(drawn.flat().map((box) => box.text)).toEqual(expect.arrayContaining(['50000031', 'No client 100124 — Succursale 100124']));
  expect(drawn).toHaveLength(asCells.length);
  drawn.forEach((page, index) => {
    const other = asCells[index]!;
    expect(page.map((box) => box.text)).toEqual(other.map((box) => box.text));
    page.forEach((box, at) => {
      const cell = other[at]!;
      for (const edge of ['left', 'bottom', 'right', 'top'] as const) expect(box[edge]).toBeCloseTo(cell[edge], 2);
    });
    expect(overlappingTexts(page)).toEqual([]);
  });
});
