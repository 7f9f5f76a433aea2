import { describe, expect, test } from 'vitest';
import { BILLING_TYPES } from '@/lib/calls/call-input';
import { frCalls } from '@/lib/i18n/messages/fr/calls';
import { frDocuments } from '@/lib/i18n/messages/fr/documents';
import { CALL_COLUMNS } from './columns';
import { callCells } from './format-cells';
import { ProblemList } from './import-problems';
import { parseCallRow } from './parse-call-row';
import { billingTypeWords } from './vocabulary';

const record = {
  callId: 'T-1',
  clientNumber: 12347,
  serviceDate: '2026-10-03',
  serviceTime: '14:30',
  caller: null,
  pickupAddress: '1, rue A',
  destinationAddress: '2, rue B',
  distanceKm: '12.40',
  waitingMinutes: 0,
  serviceType: 'taxi' as const,
  clientReference: null,
  notes: null,
  status: 'completed' as const,
  tariffCode: 'TAXI',
  grossCents: 2500,
  discountPercent: '0.00',
  discountCents: 0,
  priceCents: 2500,
  invoiceNumber: null,
  billingType: 'hourly' as const,
  billingHoursTenths: 25,
  originMunicipality: 'Saint-Jérôme',
  destinationMunicipality: 'Montréal',
  sevNumber: 'SEV-2026/42',
};
const row = (cells: Record<string, string>) => ({ line: 2, cells, rejected: new Set<string>() });

describe('a passenger trip’s cells', () => {
  test('the billing types are written as the invoices print them (the prescribed mentions), and read back with or without the period', () => {
    for (const type of BILLING_TYPES) {
      expect(billingTypeWords.write(type)).toBe(frDocuments.documents.billingTypes[type]);
      expect(billingTypeWords.read(billingTypeWords.write(type).replace(/\.$/, ''))).toBe(type);
      expect(billingTypeWords.read(type)).toBe(type);
    }
  });

  test('an export’s cells parse back to the same trip, with a decimal comma or point', () => {
    for (const mark of [',', '.'] as const) {
      const problems = new ProblemList();
      expect(parseCallRow(row(callCells(record, mark)), new Set(['TAXI']), problems)).toEqual(record);
      expect(problems.sorted()).toEqual([]);
    }
  });

  test('the columns are the call form’s labels, between the price and the invoice, which stays last', () => {
    const keys = CALL_COLUMNS.map((column) => column.key);
    expect(keys.slice(keys.indexOf('priceCents') + 1)).toEqual([
      'billingType',
      'billingHours',
      'originMunicipality',
      'destinationMunicipality',
      'sevNumber',
      'references',
      'invoiceNumber',
    ]);
    for (const key of ['billingType', 'billingHours', 'originMunicipality', 'destinationMunicipality', 'sevNumber'] as const)
      expect(CALL_COLUMNS.find((column) => column.key === key)!.header).toBe(frCalls.callForm[key]);
  });
});
