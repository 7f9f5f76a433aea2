import { describe, expect, test } from 'vitest';
import { billingTypeEnum } from '@/db/schema';
import { BILLING_TYPES, normalizeTariffCode, tariffFormInput, tariffInput, tariffUpdateInput } from './tariff-input';

const form = (changes: Record<string, string | undefined> = {}) => ({
  code: 'std',
  name: 'Standard',
  baseCents: '12,50',
  perKm: '1,875',
  perMinute: '0.65',
  minimumChargeCents: '10',
  isActive: 'on',
  ...changes,
});

function fieldErrors(changes: Record<string, string | undefined>) {
  const result = tariffInput.safeParse(form(changes));
  expect(result.success).toBe(false);
  return result.error!.issues.map((issue) => [issue.path.join('.'), issue.message]);
}

describe('normalizeTariffCode', () => {
  test.each([
    [' std ', 'STD'],
    ['corp-2', 'CORP-2'],
    ['a_b', 'A_B'],
    ['1234567890ABCDEF', '1234567890ABCDEF'],
    ['1234567890ABCDEFG', null],
    ['-STD', null],
    ['ST D', null],
    ['ÉCO', null],
    ['', null],
  ])('"%s" → %s', (text, expected) => {
    expect(normalizeTariffCode(text)).toBe(expected);
  });
});

describe('tariffInput', () => {
  test('"12,50" → 1250 ¢, "1,875" → "1.8750", code in capitals, checkbox on', () => {
    expect(tariffInput.parse(form())).toEqual({
      code: 'STD',
      name: 'Standard',
      baseCents: 1250,
      perKm: '1.8750',
      perMinute: '0.6500',
      minimumChargeCents: 1000,
      isActive: true,
    });
  });

  test('"12.50" is the same amount as "12,50"; an empty minimum is 0 ¢; an absent checkbox is inactive', () => {
    expect(tariffInput.parse(form({ baseCents: '12.50', minimumChargeCents: '', isActive: undefined }))).toMatchObject({
      baseCents: 1250,
      minimumChargeCents: 0,
      isActive: false,
    });
  });

  test('each bad field is reported with its own message code', () => {
    expect(fieldErrors({ code: 'ST D' })).toEqual([['code', 'tariff.codeFormat']]);
    expect(fieldErrors({ code: '  ' })).toEqual([['code', 'required']]);
    expect(fieldErrors({ baseCents: '12,345' })).toEqual([['baseCents', 'money.ambiguous']]);
    expect(fieldErrors({ baseCents: '1000000' })).toEqual([['baseCents', 'money.tooLarge']]);
    expect(fieldErrors({ perKm: '1,87501' })).toEqual([['perKm', 'rate.tooManyDecimals']]);
    expect(fieldErrors({ perMinute: '-1' })).toEqual([['perMinute', 'rate.negative']]);
    expect(fieldErrors({ name: '' })).toEqual([['name', 'required']]);
  });
});

describe('tariffFormInput: passenger trips, their dues exemption and the default billing type', () => {
  const typed = (changes: Record<string, string | undefined>) => tariffFormInput.safeParse(form(changes));

  test('the billing types are the database’s, in its order', () => {
    expect([...BILLING_TYPES]).toEqual(billingTypeEnum.enumValues);
  });

  test('checked boxes and a billing type are kept; absent boxes and an empty select are false and none', () => {
    expect(tariffFormInput.parse(form({ isPassenger: 'on', isDuesExempt: 'on', defaultBillingType: 'adapted' }))).toMatchObject({
      isPassenger: true,
      isDuesExempt: true,
      defaultBillingType: 'adapted',
    });
    expect(tariffFormInput.parse(form({ defaultBillingType: '' }))).toMatchObject({
      isPassenger: false,
      isDuesExempt: false,
      defaultBillingType: null,
    });
  });

  test('an exempt tariff that is not a passenger one is refused on its exemption; an unknown billing type on its field', () => {
    const exempt = typed({ isDuesExempt: 'on' });
    expect(exempt.error!.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['isDuesExempt', 'tariff.duesExemptNotPassenger'],
    ]);
    const unknown = typed({ isPassenger: 'on', defaultBillingType: 'meter' });
    expect(unknown.error!.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([['defaultBillingType', 'invalid']]);
  });

  test('the form of an existing tariff carries its id and the same rule', () => {
    expect(tariffUpdateInput.parse({ ...form({ isPassenger: 'on' }), id: '7' })).toMatchObject({ id: 7, isPassenger: true });
    expect(tariffUpdateInput.safeParse({ ...form({ isDuesExempt: 'on' }), id: '7' }).success).toBe(false);
  });
});
