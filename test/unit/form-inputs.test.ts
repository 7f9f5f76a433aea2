/**
 * Every form's input and the dispatch API's, against the text rules of lib/forms/fields.ts: a
 * check across the domains, kept here rather than in lib/forms, which the domains build on.
 */
import { describe, expect, test } from 'vitest';
import type { z } from 'zod';
import { dispatchCallInput } from '@/lib/api/dispatch-call-input';
import { createTokenInput } from '@/lib/api/token-input';
import { creditNoteInput } from '@/lib/billing/credit-notes';
import { callInput } from '@/lib/calls/call-input';
import { clientInput } from '@/lib/clients/client-input';
import { creditTermsInput } from '@/lib/receivables/credit-terms';
import { paymentInput, reversalInput } from '@/lib/receivables/payment-input';
import { companySettingsInput } from '@/lib/settings/company-input';
import { tariffInput } from '@/lib/tariffs/tariff-input';
import { createUserInput } from '@/lib/users/user-input';
import { BREAKING, messagesOf } from '@/test/support/breaking-text';

const CLIENT = {
  number: '12345',
  name: 'Pharmacie Côté',
  addressLine1: '1, rue A',
  city: 'Montréal',
  province: 'QC',
  postalCode: 'H2X 1Y4',
  language: 'fr',
  deliveryMethod: 'print',
  paymentTermsDays: '30',
  billingCycle: 'monthly',
  gstExempt: 'on',
  gstExemptionNumber: '123',
  qstExempt: 'on',
  qstExemptionNumber: '456',
  tariffId: '1',
};
const CALL = {
  clientNumber: '12345',
  serviceDate: '2026-11-03',
  serviceTime: '09:15',
  pickupAddress: '1, rue A',
  destinationAddress: '2, rue B',
  waitingMinutes: '0',
  serviceType: 'standard',
};
const FORMS: [string, z.ZodType, Record<string, unknown>, { singleLine: string[]; multiline: string[] }][] = [
  [
    'client',
    clientInput,
    CLIENT,
    {
      singleLine: ['name', 'contactName', 'phone', 'city', 'gstExemptionNumber', 'qstExemptionNumber'],
      multiline: ['addressLine1', 'addressLine2', 'notes'],
    },
  ],
  ['call', callInput, CALL, { singleLine: ['caller', 'clientReference'], multiline: ['pickupAddress', 'destinationAddress', 'notes'] }],
  [
    'tariff',
    tariffInput,
    { code: 'STD', name: 'Standard', baseCents: '4,50', perKm: '1', perMinute: '0' },
    { singleLine: ['name'], multiline: [] },
  ],
  [
    'company',
    companySettingsInput,
    {
      name: 'Répartition inc.',
      addressLine1: '1, rue A',
      city: 'Montréal',
      postalCode: 'H2X 1Y4',
      gstNumber: '123456789RT0001',
      qstNumber: '1234567890TQ0001',
    },
    { singleLine: ['name', 'city', 'phone'], multiline: ['addressLine1', 'addressLine2'] },
  ],
  [
    'payment',
    paymentInput('2026-12-04'),
    { clientNumber: '12345', amount: '10', receivedOn: '2026-12-01', method: 'cheque' },
    { singleLine: ['reference'], multiline: ['note'] },
  ],
  [
    'returned cheque',
    reversalInput('2026-12-04'),
    { number: '1', reversedOn: '2026-12-01', reason: 'NSF' },
    { singleLine: [], multiline: ['reason'] },
  ],
  ['credit note', creditNoteInput, { invoiceNumber: '1', amount: '5', reason: 'Retard' }, { singleLine: [], multiline: ['reason'] }],
  [
    'credit terms',
    creditTermsInput,
    { clientNumber: '12345', creditLimit: '', policy: 'warn' },
    { singleLine: [], multiline: ['suspensionReason'] },
  ],
  [
    'user',
    createUserInput,
    { name: 'Marie', email: 'marie@exemple.ca', role: 'billing', locale: 'fr', password: 'unmotdepasse' },
    { singleLine: ['name'], multiline: [] },
  ],
  ['API token', createTokenInput, { name: 'Répartition', scope: 'write' }, { singleLine: ['name'], multiline: [] }],
  [
    'dispatch API call',
    dispatchCallInput,
    { clientNumber: 12345, serviceDate: '2026-11-03', serviceTime: '09:15', pickupAddress: '1, rue A', destinationAddress: '2, rue B' },
    { singleLine: ['caller', 'clientReference'], multiline: ['pickupAddress', 'destinationAddress', 'notes'] },
  ],
];

describe('every form and the dispatch API: names, references and numbers on one line, notes and addresses with theirs', () => {
  test.each(FORMS)('%s', (_name, schema, valid, fields) => {
    expect(schema.safeParse(valid).success).toBe(true);
    for (const field of fields.singleLine) {
      for (const text of BREAKING) {
        const messages = messagesOf(schema.safeParse({ ...valid, [field]: text }), field);
        expect(messages.length, `${field} = ${JSON.stringify(text)}`).toBeGreaterThan(0);
      }
    }
    for (const field of fields.multiline) {
      const result = schema.safeParse({ ...valid, [field]: '100, rue King\r\nporte arrière' });
      expect(result.success, field).toBe(true);
      expect((result.data as Record<string, unknown>)[field]).toBe('100, rue King\r\nporte arrière');
      expect(messagesOf(schema.safeParse({ ...valid, [field]: 'A\u0007B' }), field).length, field).toBeGreaterThan(0);
    }
  });
});
