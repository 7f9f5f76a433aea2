import { afterAll, beforeAll, expect, test } from 'vitest';
import { billingInput } from '@/lib/billing/billing-input';
import { renderBillingListPdf } from '@/lib/pdf/billing-list-pdf';
import { previewBilling } from '@/lib/billing/preview-billing';
import { formatMoney } from '@/lib/i18n/format';
import { loadGoldenScenario } from '@/test/support/golden-scenario';
import { pdfText } from '@/test/support/pdf-text';
import { createTestDatabase, type TestDatabase } from '@/test/support/test-database';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  await loadGoldenScenario(database.db);
});
afterAll(() => database.drop());

test('the grouped billing list PDF holds the head, its members and the golden figures, in French, and a member’s reference subtotals', async () => {
  const preview = await previewBilling(database.db, billingInput.parse({ cutoff: '2026-10-31', cycle: 'all', isGrouped: 'on' }));
  // The head's invoices subtotalled by purchase order (Sous-totaux par): the Laval branch's two calls, one with BC-2, one without.
  preview.invoices[0]!.subtotalLabel = 'Bon de commande';
  preview.invoices[0]!.members[1]!.referenceSubtotals = [
    { value: 'BC-2', calls: 1, subtotalCents: 2410 },
    { value: null, calls: 1, subtotalCents: 2410 },
  ];
  const pdf = await renderBillingListPdf(preview, {
    isGrouped: true,
    money: (cents) => formatMoney(cents, 'fr'),
    labels: {
      title: 'Liste de facturation — Facturation par client regroupé',
      subtitle: 'Appels terminés jusqu’au 31 octobre 2026',
      columns: {
        number: 'No. client facturé',
        name: 'Nom',
        calls: 'Appels',
        subtotal: 'Sous-total',
        dues: 'Redevance',
        gst: 'TPS',
        qst: 'TVQ',
        total: 'Total',
      },
      totals: 'Total général',
      subtotal: (label, value) => (value === null ? `Sous-total sans ${label}` : `Sous-total ${label} : ${value}`),
      page: (page, pages) => `Page ${page} de ${pages}`,
      company: 'Répartition Express Montréal inc.',
    },
  });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  const [text, ...more] = await pdfText(pdf);
  expect(more).toEqual([]);
  for (const expected of [
    'Liste de facturation — Facturation par client regroupé',
    '12345 Pharmacie Centrale inc. 5 150,92 $ 0,00 $ 7,55 $ 15,05 $ 173,52 $',
    '12346 Pharmacie Centrale — succursale Laval 2 48,20 $ 0,00 $ Sous-total Bon de commande : BC-2 1 24,10 $ Sous-total sans Bon de commande 1 24,10 $',
    '12347 Pharmacie Centrale — succursale Longueuil 2 83,42 $ 0,00 $',
    'Total général',
    'Page 1 de 1',
  ]) {
    expect(text).toContain(expected);
  }
});
