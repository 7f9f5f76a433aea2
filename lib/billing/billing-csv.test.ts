import { describe, expect, test } from 'vitest';
import { billingListCsv } from './billing-csv';
import type { BillingPreview } from './preview-billing';

const preview: BillingPreview = {
  invoices: [
    {
      billedClientNumber: 12345,
      name: 'Pharmacie Centrale inc.',
      subtotalLabel: null,
      calls: 5,
      subtotalCents: 14822,
      duesCents: 270,
      gstCents: 755,
      qstCents: 1505,
      totalCents: 17352,
      digest: '',
      members: [
        { clientNumber: 12345, name: 'Pharmacie Centrale inc.', calls: 1, subtotalCents: 1930, duesCents: 90, referenceSubtotals: null },
        {
          clientNumber: 12346,
          name: 'Pharmacie Centrale; succursale "Laval"',
          calls: 2,
          subtotalCents: 4820,
          duesCents: 0,
          referenceSubtotals: null,
        },
      ],
    },
  ],
  totals: { invoices: 1, calls: 5, subtotalCents: 14822, duesCents: 270, gstCents: 755, qstCents: 1505, totalCents: 17352 },
};
const options = {
  isGrouped: true,
  headers: ['Type', 'No. client facturé', 'Nom', 'No. membre', 'Membre', 'Appels', 'Sous-total', 'Redevance', 'TPS', 'TVQ', 'Total'],
  rowKinds: {
    invoice: 'Facture',
    member: 'Membre',
    total: 'Total',
    subtotal: (label: string, value: string | null) => `Sous-total ${label} : ${value ?? 'aucun'}`,
  },
};

describe('billing list as CSV', () => {
  test('for a French spreadsheet: BOM, semicolons, decimal commas, quoted cells where needed', () => {
    const csv = billingListCsv(preview, { ...options, separator: 'semicolon' });
    expect(csv.startsWith('\uFEFFType;No. client facturé;')).toBe(true);
    expect(csv.split('\r\n')).toEqual([
      '\uFEFFType;No. client facturé;Nom;No. membre;Membre;Appels;Sous-total;Redevance;TPS;TVQ;Total',
      'Facture;12345;Pharmacie Centrale inc.;;;5;148,22;2,70;7,55;15,05;173,52',
      'Membre;12345;Pharmacie Centrale inc.;12345;Pharmacie Centrale inc.;1;19,30;0,90;;;',
      'Membre;12345;Pharmacie Centrale inc.;12346;"Pharmacie Centrale; succursale ""Laval""";2;48,20;0,00;;;',
      'Total;;;;;5;148,22;2,70;7,55;15,05;173,52',
      '',
    ]);
  });

  test('under a billed client with Sous-totaux par: a row per value of the reference, under each member or under a client billed alone', () => {
    const subtotalled: BillingPreview = {
      ...preview,
      invoices: [
        {
          ...preview.invoices[0]!,
          subtotalLabel: 'Bon de commande',
          members: [
            preview.invoices[0]!.members[0]!,
            {
              ...preview.invoices[0]!.members[1]!,
              referenceSubtotals: [
                { value: 'BC-2', calls: 1, subtotalCents: 2410 },
                { value: null, calls: 1, subtotalCents: 2410 },
              ],
            },
          ],
        },
      ],
    };
    const branch = '12346;"Pharmacie Centrale; succursale ""Laval"""';
    expect(
      billingListCsv(subtotalled, { ...options, separator: 'semicolon' })
        .split('\r\n')
        .slice(3, 6),
    ).toEqual([
      `Membre;12345;Pharmacie Centrale inc.;${branch};2;48,20;0,00;;;`,
      `Sous-total Bon de commande : BC-2;12345;Pharmacie Centrale inc.;${branch};1;24,10;;;;`,
      `Sous-total Bon de commande : aucun;12345;Pharmacie Centrale inc.;${branch};1;24,10;;;;`,
    ]);
    const alone: BillingPreview = {
      ...preview,
      invoices: [{ ...subtotalled.invoices[0]!, members: [subtotalled.invoices[0]!.members[1]!] }],
    };
    expect(
      billingListCsv(alone, { ...options, separator: 'semicolon', isGrouped: false })
        .split('\r\n')
        .slice(1, 4),
    ).toEqual([
      'Facture;12345;Pharmacie Centrale inc.;;;5;148,22;2,70;7,55;15,05;173,52',
      'Sous-total Bon de commande : BC-2;12345;Pharmacie Centrale inc.;;;1;24,10;;;;',
      'Sous-total Bon de commande : aucun;12345;Pharmacie Centrale inc.;;;1;24,10;;;;',
    ]);
  });

  test('with commas: decimal points', () => {
    const csv = billingListCsv(preview, { ...options, separator: 'comma', isGrouped: false });
    expect(csv.split('\r\n')[1]).toBe('Facture,12345,Pharmacie Centrale inc.,,,5,148.22,2.70,7.55,15.05,173.52');
    expect(csv.split('\r\n')).toHaveLength(4);
  });
});

test('a client name written as a formula is neutralized; negative amounts stay numbers', () => {
  const hostile: BillingPreview = {
    invoices: [
      {
        billedClientNumber: 20001,
        name: '=HYPERLINK("http://evil.example","x")',
        subtotalLabel: null,
        digest: '',
        calls: 1,
        subtotalCents: -1930,
        duesCents: 0,
        gstCents: -97,
        qstCents: -193,
        totalCents: -2220,
        members: [],
      },
    ],
    totals: { invoices: 1, calls: 1, subtotalCents: -1930, duesCents: 0, gstCents: -97, qstCents: -193, totalCents: -2220 },
  };
  const csv = billingListCsv(hostile, { ...options, separator: 'semicolon', isGrouped: false });
  expect(csv.split('\r\n')[1]).toBe('Facture;20001;"\'=HYPERLINK(""http://evil.example"",""x"")";;;1;-19,30;0,00;-0,97;-1,93;-22,20');
});
