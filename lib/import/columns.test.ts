import { describe, expect, test } from 'vitest';
import { frAdmin } from '@/lib/i18n/messages/fr/admin';
import { frCalls } from '@/lib/i18n/messages/fr/calls';
import { frClients } from '@/lib/i18n/messages/fr/clients';
import { CALL_COLUMNS, CLIENT_COLUMNS, TARIFF_COLUMNS, foldWord } from './columns';
import { billingCycleWords, callStatusWords, deliveryMethodWords, duesExemptionWords, languageWords, serviceTypeWords } from './vocabulary';

/*
 * The files' headers are the words of the forms' labels: a file made by reading the screen reads.
 * A label changed on the screen fails here, so that the change of the file format is deliberate.
 */
describe('the headers are the forms’ labels', () => {
  test('clients: every column is the client form’s label of its field', () => {
    const labels = frClients.clientForm as unknown as Record<string, string>;
    for (const column of CLIENT_COLUMNS) {
      const field = { tariff: 'tariff', groupedEffectiveDate: 'effectiveDate' }[column.key as string] ?? column.key;
      expect(column.header, column.key).toBe(labels[field]);
    }
  });

  test('tariffs: the tariff form’s labels', () => {
    const labels = {
      ...frAdmin.tariffsAdmin.form,
      baseCents: frAdmin.tariffsAdmin.form.base,
      minimumChargeCents: frAdmin.tariffsAdmin.form.minimum,
    };
    for (const column of TARIFF_COLUMNS) expect(column.header, column.key).toBe((labels as Record<string, string>)[column.key]);
  });

  test('calls: call taking’s labels where the form has the field', () => {
    const labels = frCalls.callForm as unknown as Record<string, string>;
    for (const column of CALL_COLUMNS.filter((c) => c.key in labels && c.key !== 'notes'))
      expect(column.header, column.key).toBe(labels[column.key]);
    expect(CALL_COLUMNS.find((c) => c.key === 'status')!.header).toBe(frCalls.callSearch.status);
  });

  test('the words written for the choices are the screens’ French words', () => {
    expect(languageWords.write('fr')).toBe(frClients.clientForm.languages.fr);
    expect(deliveryMethodWords.write('both')).toBe(frClients.clientForm.deliveryMethods.both);
    expect(billingCycleWords.write('monthly')).toBe(frClients.clientForm.billingCycles.monthly);
    for (const status of ['open', 'dispatched', 'completed', 'cancelled'] as const)
      expect(callStatusWords.write(status)).toBe(frCalls.callStatus[status]);
    for (const type of ['standard', 'express', 'taxi'] as const)
      expect(serviceTypeWords.write(type)).toBe(frCalls.callForm.serviceTypes[type]);
  });
});

test('the words of the dues exemption are the client form’s choices', () => {
  for (const reason of ['none', 'municipal_contract', 'transit_contract', 'act'] as const)
    expect(duesExemptionWords.write(reason)).toBe(frClients.clientForm.duesExemptions[reason]);
});

test('foldWord: case, accents, spaces and apostrophes do not matter', () => {
  expect(foldWord('  Mode d’envoi ')).toBe(foldWord("MODE D'ENVOI"));
  expect(foldWord('Exempte de la TPS')).toBe(foldWord('Exempté de la TPS'));
});
