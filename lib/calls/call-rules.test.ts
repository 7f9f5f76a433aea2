import { describe, expect, test } from 'vitest';
import { AppError } from '@/lib/errors';
import type { CreditHold } from '@/lib/receivables/credit-hold';
import { callInput, type CallInput } from './call-input';
import {
  COURIER_TRIP,
  callClientRefusal,
  callDetails,
  changeOfCall,
  completedAtOf,
  decideCreditHold,
  defaultBillingTypeOf,
  lockingInvoiceOf,
  refuseLockedCall,
  tripOfCall,
  type CallFields,
} from './call-rules';

const input = (changes: Record<string, string> = {}): CallInput =>
  callInput.parse({
    clientNumber: '12346',
    serviceDate: '2026-10-04',
    serviceTime: '09:30',
    caller: 'Mme Côté',
    pickupAddress: '3035, boulevard Le Carrefour, Laval',
    destinationAddress: '1500, boulevard René-Lévesque Ouest, Montréal',
    distanceKm: '15,0',
    waitingMinutes: '0',
    serviceType: 'standard',
    clientReference: 'BC-2231',
    notes: '',
    ...changes,
  });

/** The call `input()` as the database gives it back (its service time a Date of its own). */
const stored: CallFields = {
  ...callDetails(input()),
  serviceAt: new Date('2026-10-04T13:30:00.000Z'),
  status: 'open',
};

const refusalOf = (decide: () => unknown): AppError => {
  try {
    decide();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected a refusal');
};

describe('what a change of a call checks again (form and dispatch API alike)', () => {
  test('the same call, its service time read back as another Date: nothing changed', () => {
    expect(changeOfCall(stored, input())).toEqual({ isChanged: false, isRepriced: false, isHoldChecked: false, isNewStatus: false });
  });

  test.each([
    [{ notes: 'Porte arrière' }, { isChanged: true, isRepriced: false, isHoldChecked: false }],
    [{ serviceTime: '10:00' }, { isChanged: true, isRepriced: false, isHoldChecked: false }],
    [{ distanceKm: '30' }, { isChanged: true, isRepriced: true, isHoldChecked: false }],
    [{ waitingMinutes: '5' }, { isChanged: true, isRepriced: true, isHoldChecked: false }],
    [{ clientNumber: '20001' }, { isChanged: true, isRepriced: true, isHoldChecked: true }],
  ])('%o: %o', (changes, expected) => {
    expect(changeOfCall(stored, input(changes))).toMatchObject(expected);
  });

  test('a new status alone is a change, neither priced again nor held', () => {
    expect(changeOfCall(stored, input(), 'dispatched')).toEqual({
      isChanged: true,
      isRepriced: false,
      isHoldChecked: false,
      isNewStatus: true,
    });
  });
});

describe('the credit hold’s decision', () => {
  const hold = (effect: CreditHold['effect'], reasons: CreditHold['reasons'] = []): CreditHold => ({
    billedClientNumber: 12345,
    billedClientName: 'Pharmacie Centrale inc.',
    policy: 'block',
    effect,
    reasons,
    balanceCents: 0,
    oldestDaysPastDue: 0,
  });
  const suspendedMember = hold('block', [{ kind: 'suspended', clientNumber: 12346, reason: 'Faillite' }]);

  test('no hold, a warning: the call goes through, nothing to record', () => {
    expect(decideCreditHold(null, {})).toBeNull();
    expect(decideCreditHold(hold('none'), {})).toBeNull();
    expect(decideCreditHold(hold('warn'), { role: 'dispatcher' })).toBeNull();
  });

  test('blocked without a reason (the dispatch API never gives one): refused, naming the suspended account and the billed one', () => {
    for (const authority of [{}, { role: 'admin' as const, holdOverride: '  ' }]) {
      const refusal = refusalOf(() => decideCreditHold(suspendedMember, authority));
      expect([refusal.code, refusal.params]).toEqual(['hold.blocked', { number: 12346, billedClientNumber: 12345 }]);
    }
  });

  test('blocked, let through only by an administrator with a reason, which is to be recorded', () => {
    expect(refusalOf(() => decideCreditHold(suspendedMember, { role: 'dispatcher', holdOverride: 'Urgence' })).code).toBe(
      'hold.overrideForbidden',
    );
    expect(decideCreditHold(suspendedMember, { role: 'admin', holdOverride: ' Urgence ' })).toEqual({
      hold: suspendedMember,
      override: 'Urgence',
    });
  });
});

describe('a billed call is read-only', () => {
  test('the former system’s invoice first, then the one it is on here; neither: it may change', () => {
    expect(lockingInvoiceOf({ legacyInvoiceNumber: 'ANC-42' }, '7')).toEqual({ isLegacy: true, number: 'ANC-42' });
    expect(lockingInvoiceOf({ legacyInvoiceNumber: null }, '7')).toEqual({ isLegacy: false, number: '7' });
    expect(lockingInvoiceOf({ legacyInvoiceNumber: null }, null)).toBeNull();
  });

  test('a change is refused naming the invoice, in the words of where it was billed', () => {
    const legacy = refusalOf(() => refuseLockedCall({ number: 5, legacyInvoiceNumber: 'ANC-42' }, null));
    expect([legacy.code, legacy.params]).toEqual(['import.callLegacyInvoiced', { number: 5, invoice: 'ANC-42' }]);
    const here = refusalOf(() => refuseLockedCall({ number: 5, legacyInvoiceNumber: null }, { number: 7 }));
    expect([here.code, here.params]).toEqual(['call.invoiced', { number: 5, invoice: 7 }]);
    expect(() => refuseLockedCall({ number: 5, legacyInvoiceNumber: null }, null)).not.toThrow();
  });
});

describe('the client of a call', () => {
  test('unknown: refused everywhere; inactive: refused for a call taken, not for a historical one', () => {
    expect(callClientRefusal(undefined, { isHistorical: true })).toBe('call.unknownClient');
    expect(callClientRefusal(null, { isHistorical: false })).toBe('call.unknownClient');
    expect(callClientRefusal({ isActive: false }, { isHistorical: false })).toBe('call.inactiveClient');
    expect(callClientRefusal({ isActive: false }, { isHistorical: true })).toBeNull();
    expect(callClientRefusal({ isActive: true }, { isHistorical: false })).toBeNull();
  });
});

test('a call is completed when its status is set to completed, and no longer once put back', () => {
  const at = new Date('2026-10-04T15:00:00Z');
  expect(completedAtOf('completed', at)).toBe(at);
  expect(completedAtOf('dispatched', at)).toBeNull();
});

describe('a passenger trip’s fields (tripOfCall)', () => {
  const laval = { id: 2, name: 'Laval' };
  const montreal = { id: 1, name: 'Montréal' };
  const passenger = { isPassenger: true, defaultBillingType: null };
  const trip = (changes: Record<string, string> = {}) =>
    input({ originMunicipality: 'laval', destinationMunicipality: 'montreal', ...changes });

  test('its tariff’s billing type unless it says one, else « Tarif fixe c. »; its municipalities as found', () => {
    expect(tripOfCall(trip(), passenger, [laval, montreal])).toEqual({
      billingType: 'fixed_contract',
      billingHoursTenths: null,
      originMunicipalityId: 2,
      destinationMunicipalityId: 1,
      sevNumber: null,
    });
    expect(tripOfCall(trip(), { isPassenger: true, defaultBillingType: 'taxi' }, [laval, montreal]).billingType).toBe('taxi');
    expect(tripOfCall(trip({ billingType: 'hourly', billingHours: '1,5' }), passenger, [laval, montreal])).toMatchObject({
      billingType: 'hourly',
      billingHoursTenths: 15,
    });
  });

  test('every problem at once, each on its field', () => {
    const refusal = refusalOf(() => tripOfCall(trip({ destinationMunicipality: '', billingType: 'hourly' }), passenger, [null, null]));
    expect([refusal.code, refusal.fieldErrors]).toEqual([
      'validation',
      {
        billingHours: ['call.hoursRequired'],
        originMunicipality: ['call.unknownMunicipality'],
        destinationMunicipality: ['call.municipalityRequired'],
      },
    ]);
  });

  test('a courier call takes none of them, and stores none', () => {
    const courier = { isPassenger: false, defaultBillingType: null };
    expect(tripOfCall(input(), courier, [null, null])).toEqual(COURIER_TRIP);
    expect(refusalOf(() => tripOfCall(input({ sevNumber: 'A-1' }), courier, [null, null])).fieldErrors).toEqual({
      sevNumber: ['call.notPassenger'],
    });
    expect(defaultBillingTypeOf(courier)).toBe('fixed_contract');
  });
});
