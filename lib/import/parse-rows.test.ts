import { describe, expect, test } from 'vitest';
import { clientCells, callCells, tariffCells, type ClientCells } from './format-cells';
import { ProblemList } from './import-problems';
import { parseCallRow } from './parse-call-row';
import { parseClientRow } from './parse-client-row';
import { parseTariffRow } from './parse-tariff-row';
import type { CsvRow } from './read-csv';

const row = (cells: Record<string, string>, line = 2): CsvRow => ({ line, cells, rejected: new Set() });
const tariffs = new Map([
  ['STD', { id: 1, code: 'STD' }],
  ['EXP', { id: 2, code: 'EXP' }],
]);

function client(cells: Record<string, string>, existing: ClientCells | null = null) {
  const problems = new ProblemList();
  const value = parseClientRow(row(cells), { existing, tariffs }, problems);
  return { value, problems: problems.sorted().map((p) => [p.column, p.code, p.params]) };
}

const NEW_CLIENT = {
  number: '12350',
  name: 'Café Dépôt',
  addressLine1: '10, rue Principale',
  city: 'Québec',
  postalCode: 'g1r4p5',
  tariff: 'std',
};

describe('a client line', () => {
  test('as the form takes it: postal code written properly, the form’s defaults for absent columns, tariff by code', () => {
    expect(client(NEW_CLIENT)).toEqual({
      problems: [],
      value: expect.objectContaining({
        number: 12350,
        postalCode: 'G1R 4P5',
        province: 'QC',
        language: 'fr',
        deliveryMethod: 'print',
        paymentTermsDays: 30,
        billingCycle: 'monthly',
        tariffId: 1,
        discountPercent: '0.00',
        groupedClientNumber: null,
        isActive: true,
      }),
    });
  });

  test('French words, English words and codes for the choices; a decimal comma in the discount', () => {
    const { value, problems } = client({
      ...NEW_CLIENT,
      language: 'anglais',
      deliveryMethod: 'Impression et courriel',
      invoiceEmails: 'a@b.ca; C@D.ca',
      billingCycle: 'Weekly',
      gstExempt: 'oui',
      gstExemptionNumber: 'TPS-1',
      discountPercent: '7,5',
      groupedClientNumber: '12345',
      isActive: 'Non',
    });
    expect(problems).toEqual([]);
    expect(value).toMatchObject({
      language: 'en',
      deliveryMethod: 'both',
      invoiceEmails: ['a@b.ca', 'c@d.ca'],
      billingCycle: 'weekly',
      gstExempt: true,
      gstExemptionNumber: 'TPS-1',
      discountPercent: '7.50',
      groupedClientNumber: 12345,
      isActive: false,
    });
  });

  test('each bad cell is named by its column with the form’s own reason', () => {
    expect(
      client({ ...NEW_CLIENT, postalCode: '12345', tariff: 'NOPE', language: 'espagnol', discountPercent: '101', name: '' }).problems,
    ).toEqual([
      ['Tarif', 'import.unknownTariff', { code: 'NOPE' }],
      ['Langue de la facture', 'import.choice', { value: 'espagnol', choices: 'Français, Anglais' }],
      ['Nom', 'required', {}],
      ['Code postal', 'client.postalCode', {}],
      ['Escompte (%)', 'client.discount', {}],
    ]);
  });

  test('a name, a phone or an exemption number on two lines is refused on its column; the address and the notes keep their line breaks', () => {
    const twoLines = 'A\r\n1060,-9999';
    expect(
      client({ ...NEW_CLIENT, name: twoLines, phone: '514\n555-0101', gstExempt: 'oui', gstExemptionNumber: 'TPS\t1', city: 'Qué\rbec' })
        .problems,
    ).toEqual([
      ['Nom', 'text.singleLine', {}],
      ['Téléphone', 'text.singleLine', {}],
      ['Ville', 'text.singleLine', {}],
      ['No. d’exemption TPS', 'text.singleLine', {}],
    ]);
    const { value, problems } = client({
      ...NEW_CLIENT,
      addressLine1: '10, rue Principale\r\nBureau 200',
      notes: 'Livrer à l’arrière\nSonner',
    });
    expect(problems).toEqual([]);
    expect(value).toMatchObject({ addressLine1: '10, rue Principale\r\nBureau 200', notes: 'Livrer à l’arrière\nSonner' });
  });

  test('a new client needs the form’s required fields, even from a file that leaves their columns out', () => {
    expect(client({ number: '12350' }).problems.map(([column, code]) => [column, code])).toEqual([
      ['Tarif', 'required'],
      ['Nom', 'required'],
      ['Adresse', 'required'],
      ['Ville', 'required'],
      ['Code postal', 'required'],
    ]);
  });

  test('an existing client keeps the values of the columns a file leaves out', () => {
    const existing = clientCells(
      {
        number: 12350,
        name: 'Ancien nom',
        contactName: 'Marie',
        phone: null,
        addressLine1: '1, rue A',
        addressLine2: null,
        city: 'Laval',
        province: 'QC',
        postalCode: 'H7T 1C8',
        invoiceEmails: ['x@y.ca'],
        language: 'en',
        deliveryMethod: 'email',
        paymentTermsDays: 15,
        billingCycle: 'weekly',
        gstExempt: false,
        gstExemptionNumber: null,
        qstExempt: false,
        qstExemptionNumber: null,
        tariffCode: 'EXP',
        discountPercent: '2.50',
        groupedClientNumber: 12345,
        isActive: true,
        notes: 'Note',
      },
      ',',
    );
    expect(client({ number: '12350', name: 'Nouveau nom' }, existing).value).toMatchObject({
      name: 'Nouveau nom',
      contactName: 'Marie',
      invoiceEmails: ['x@y.ca'],
      deliveryMethod: 'email',
      tariffId: 2,
      discountPercent: '2.50',
      groupedClientNumber: 12345,
      notes: 'Note',
    });
  });
});

describe('a client line’s dues exemption', () => {
  test('a reason by its word, its days; "Non" or an empty cell is no exemption', () => {
    expect(
      client({ ...NEW_CLIENT, duesExemption: 'Contrat avec un organisme public de transport', duesExemptFrom: '2026-01-01' }).value,
    ).toMatchObject({ duesExemption: 'transit_contract', duesExemptionDetail: null, duesExemptFrom: '2026-01-01', duesExemptTo: null });
    expect(client({ ...NEW_CLIENT, duesExemption: 'non', duesExemptFrom: '2026-01-01' }).value).toMatchObject({
      duesExemption: null,
      duesExemptFrom: null,
    });
    expect(client(NEW_CLIENT).value).toMatchObject({ duesExemption: null });
  });

  test('the form’s reasons, each on its column', () => {
    expect(client({ ...NEW_CLIENT, duesExemption: 'Loi', duesExemptTo: '2025-12-31', duesExemptFrom: '2026-01-01' }).problems).toEqual([
      ['Exemption prévue par la Loi', 'client.duesExemptionDetail', {}],
      ['Au', 'client.duesExemptPeriod', {}],
    ]);
    expect(client({ ...NEW_CLIENT, duesExemption: 'municipalité' }).problems).toEqual([['Du', 'client.duesExemptFrom', {}]]);
    expect(client({ ...NEW_CLIENT, duesExemption: 'peut-être' }).problems).toEqual([
      [
        'Exempté de la redevance',
        'import.choice',
        {
          value: 'peut-être',
          choices: 'Non, Contrat avec une municipalité, Contrat avec un organisme public de transport, Autre exemption prévue par la Loi',
        },
      ],
    ]);
  });

  test('an exempt client’s cells read back as the same client', () => {
    const { value } = client({
      ...NEW_CLIENT,
      duesExemption: 'Autre exemption prévue par la Loi',
      duesExemptionDetail: 'Art. 2, transport bénévole',
      duesExemptFrom: '2026-01-01',
      duesExemptTo: '2026-12-31',
    });
    const cells = clientCells({ ...value!, tariffCode: 'STD' }, ',');
    expect(cells).toMatchObject({
      duesExemption: 'Autre exemption prévue par la Loi',
      duesExemptionDetail: 'Art. 2, transport bénévole',
      duesExemptFrom: '2026-01-01',
      duesExemptTo: '2026-12-31',
    });
    expect(client({ number: '12350' }, cells).value).toEqual(value);
  });
});

describe('a tariff line', () => {
  const tariff = (cells: Record<string, string>) => {
    const problems = new ProblemList();
    const value = parseTariffRow(row(cells), null, problems);
    return { value, problems: problems.sorted().map((p) => [p.column, p.code]) };
  };

  test('amounts with a decimal comma or point, rates with four decimals, the code in capitals', () => {
    expect(
      tariff({ code: 'corp', name: 'Corporatif', baseCents: '3,25', perKm: '1.6125', perMinute: '0,5', minimumChargeCents: '10' }),
    ).toEqual({
      problems: [],
      value: {
        code: 'CORP',
        name: 'Corporatif',
        baseCents: 325,
        perKm: '1.6125',
        perMinute: '0.5000',
        minimumChargeCents: 1000,
        isActive: true,
      },
    });
  });

  test('a bad amount and a rate with five decimals are named by their column', () => {
    expect(
      tariff({ code: 'X', name: 'X', baseCents: '12,345', perKm: '1,87501', perMinute: 'abc', isActive: 'peut-être' }).problems,
    ).toEqual([
      ['Tarif actif', 'import.choice'],
      ['Montant de base', 'money.ambiguous'],
      ['Taux au km', 'rate.tooManyDecimals'],
      ['Taux par minute d’attente', 'rate.invalid'],
    ]);
  });
});

describe('a call line', () => {
  const CALL = {
    callId: 'A-1001',
    clientNumber: '12346',
    serviceDate: '2026-10-03',
    serviceTime: '9:05',
    pickupAddress: '1, rue A',
    destinationAddress: '2, rue B',
    distanceKm: '12,4',
    waitingMinutes: '5',
    serviceType: 'Express',
    status: 'Terminé',
    tariff: 'std',
    grossCents: '43,06',
    discountPercent: '5',
    discountCents: '2,15',
    priceCents: '40.91',
    invoiceNumber: 'F-2026-0042',
  };
  const call = (cells: Record<string, string>) => {
    const problems = new ProblemList();
    const value = parseCallRow(row(cells), new Set(['STD', 'EXP']), problems);
    return { value, problems: problems.sorted().map((p) => [p.column, p.code, p.params]) };
  };

  test('status and price as billed then, decimal comma or point, the former invoice number', () => {
    expect(call(CALL)).toEqual({
      problems: [],
      value: {
        callId: 'A-1001',
        clientNumber: 12346,
        serviceDate: '2026-10-03',
        serviceTime: '09:05',
        caller: null,
        pickupAddress: '1, rue A',
        destinationAddress: '2, rue B',
        distanceKm: '12.40',
        waitingMinutes: 5,
        serviceType: 'express',
        clientReference: null,
        notes: null,
        status: 'completed',
        tariffCode: 'STD',
        grossCents: 4306,
        discountPercent: '5.00',
        discountCents: 215,
        priceCents: 4091,
        invoiceNumber: 'F-2026-0042',
      },
    });
  });

  test('43,06 $ less 2,15 $ is not 41,00 $: the price is refused, naming the three amounts as written', () => {
    expect(call({ ...CALL, priceCents: '41,00' }).problems).toEqual([
      ['Prix', 'import.priceMismatch', { price: '41,00', gross: '43,06', discount: '2,15' }],
    ]);
  });

  test('a discount above the gross amount is refused', () => {
    expect(call({ ...CALL, discountCents: '50', priceCents: '0' }).problems.map(([column, code]) => [column, code])).toEqual([
      ['Escompte', 'import.discountAboveGross'],
    ]);
  });

  test('each error kind: bad date, bad status, bad amount, unknown tariff, bad number, billed but not completed', () => {
    expect(
      call({ ...CALL, serviceDate: '03/10/2026', grossCents: '4 3,06', tariff: 'LUXE', callId: 'A 1', clientNumber: 'x' }).problems,
    ).toEqual([
      ['No. appel', 'import.callId', {}],
      ['Tarif', 'import.unknownTariff', { code: 'LUXE' }],
      ['Montant brut', 'money.invalid', {}],
      ['No. client', 'call.clientNumber', {}],
      ['Date du service', 'call.date', {}],
    ]);
    expect(call({ ...CALL, status: 'Perdu' }).problems).toEqual([
      ['Statut', 'import.choice', { value: 'Perdu', choices: 'Ouvert, Affecté, Terminé, Annulé' }],
    ]);
    expect(call({ ...CALL, status: 'Annulé' }).problems).toEqual([['Statut', 'import.invoicedNotCompleted', { invoice: 'F-2026-0042' }]]);
    expect(call({ ...CALL, grossCents: '1000000,00', priceCents: '1000000,00', discountCents: '' }).problems).toEqual([
      ['Montant brut', 'import.amountTooLarge', {}],
      ['Prix', 'import.amountTooLarge', {}],
    ]);
  });
});

describe('a call line on several lines of the file', () => {
  const CALL = {
    callId: 'A-1',
    clientNumber: '12346',
    serviceDate: '2026-10-03',
    pickupAddress: '1, rue A',
    destinationAddress: '2, rue B',
    status: 'Terminé',
    tariff: 'STD',
    grossCents: '20,00',
    priceCents: '20,00',
  };
  const call = (cells: Record<string, string>) => {
    const problems = new ProblemList();
    const value = parseCallRow(row(cells), new Set(['STD']), problems);
    return { value, problems: problems.sorted().map((p) => [p.column, p.code]) };
  };

  test('the caller, the client’s reference and the former invoice’s number are refused on two lines', () => {
    expect(call({ ...CALL, caller: 'Marie\r\nTremblay', clientReference: 'PO\n1', invoiceNumber: 'F-1\r\n1060,-9999' }).problems).toEqual([
      ['No. facture', 'text.singleLine'],
      ['Appelant', 'text.singleLine'],
      ['Référence du client', 'text.singleLine'],
    ]);
  });

  test('the addresses and the notes keep their line breaks', () => {
    const cells = { ...CALL, pickupAddress: '1, rue A\r\nPorte 2', destinationAddress: '2, rue B\nQuai 4', notes: 'Fragile\r\nCode 12' };
    expect(call(cells)).toEqual({
      problems: [],
      value: expect.objectContaining({
        pickupAddress: '1, rue A\r\nPorte 2',
        destinationAddress: '2, rue B\nQuai 4',
        notes: 'Fragile\r\nCode 12',
      }),
    });
  });
});

describe('the cells an export writes parse back to the same record', () => {
  test('a call, with a decimal comma and with a decimal point', () => {
    const record = {
      callId: '100123',
      clientNumber: 12347,
      serviceDate: '2026-10-03',
      serviceTime: '14:30',
      caller: 'Réception',
      pickupAddress: '1, rue A',
      destinationAddress: '2, rue B',
      distanceKm: '12.40',
      waitingMinutes: 0,
      serviceType: 'standard' as const,
      clientReference: 'PO-7',
      notes: null,
      status: 'completed' as const,
      tariffCode: 'EXP',
      grossCents: 4306,
      discountPercent: '5.00',
      discountCents: 215,
      priceCents: 4091,
      invoiceNumber: '42',
    };
    for (const mark of [',', '.'] as const) {
      const problems = new ProblemList();
      expect(parseCallRow(row(callCells(record, mark)), new Set(['EXP']), problems)).toEqual(record);
    }
  });

  test('a tariff', () => {
    const record = {
      code: 'STD',
      name: 'Standard',
      baseCents: 450,
      perKm: '1.8750',
      perMinute: '0.6500',
      minimumChargeCents: 1200,
      isActive: false,
    };
    expect(parseTariffRow(row(tariffCells(record, ',')), null, new ProblemList())).toEqual(record);
  });
});
