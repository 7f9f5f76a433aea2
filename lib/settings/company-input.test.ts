import { describe, expect, test } from 'vitest';
import { companySettingsInput, normalizeGstNumber, normalizeQstNumber } from './company-input';

const form = (changes: Record<string, string | undefined> = {}) => ({
  name: 'Répartition Express Montréal inc.',
  addressLine1: '1200, rue Saint-Jacques',
  addressLine2: '',
  city: 'Montréal',
  province: 'QC',
  postalCode: 'h3c1g1',
  phone: '514 555-0100',
  email: 'Facturation@Repartition-Express.example',
  gstNumber: '123456789rt0001',
  qstNumber: '1234567890 tq0001',
  ...changes,
});

function fieldErrors(changes: Record<string, string | undefined>) {
  const result = companySettingsInput.safeParse(form(changes));
  expect(result.success).toBe(false);
  return result.error!.issues.map((issue) => [issue.path.join('.'), issue.message]);
}

describe('normalizeGstNumber', () => {
  test.each([
    ['123456789 RT0001', '123456789 RT0001'],
    ['123456789RT0001', '123456789 RT0001'],
    ['123456789rt0001', '123456789 RT0001'],
    ['  123 456 789 rt 0001 ', '123456789 RT0001'],
    ['987654321 Rt0042', '987654321 RT0042'],
    ['12345678 RT0001', null],
    ['1234567890 RT0001', null],
    ['123456789 RT001', null],
    ['123456789 RT00012', null],
    ['123456789 RP0001', null],
    ['123456789 TQ0001', null],
    ['123456789-RT0001', null],
    ['123456789', null],
    ['', null],
  ])('"%s" → %s', (text, expected) => {
    expect(normalizeGstNumber(text)).toBe(expected);
  });
});

describe('normalizeQstNumber', () => {
  test.each([
    ['1234567890 TQ0001', '1234567890 TQ0001'],
    ['1234567890TQ0001', '1234567890 TQ0001'],
    ['1234567890tq0002', '1234567890 TQ0002'],
    [' 1234 567 890 Tq 0001 ', '1234567890 TQ0001'],
    ['123456789 TQ0001', null],
    ['12345678901 TQ0001', null],
    ['1234567890 TQ01', null],
    ['1234567890 RT0001', null],
    ['1234567890 TQ000A', null],
    ['', null],
  ])('"%s" → %s', (text, expected) => {
    expect(normalizeQstNumber(text)).toBe(expected);
  });
});

describe('companySettingsInput', () => {
  test('normalizes what people type: postal code, e-mail in lower case, tax numbers; empty optional fields are null', () => {
    expect(companySettingsInput.parse(form())).toEqual({
      name: 'Répartition Express Montréal inc.',
      addressLine1: '1200, rue Saint-Jacques',
      addressLine2: null,
      city: 'Montréal',
      province: 'QC',
      postalCode: 'H3C 1G1',
      phone: '514 555-0100',
      email: 'facturation@repartition-express.example',
      gstNumber: '123456789 RT0001',
      qstNumber: '1234567890 TQ0001',
      reviewPriceFactor: 3,
      isContestNoticeEmailed: false,
    });
  });

  test('phone and e-mail are optional; the province is QC when absent', () => {
    const input = companySettingsInput.parse(form({ phone: '', email: undefined, province: undefined }));
    expect(input).toMatchObject({ phone: null, email: null, province: 'QC' });
  });

  test.each([
    [{ gstNumber: '12345678 RT0001' }, 'gstNumber', 'settings.gstNumber'],
    [{ gstNumber: '   ' }, 'gstNumber', 'required'],
    [{ gstNumber: undefined }, 'gstNumber', 'required'],
    [{ qstNumber: '1234567890 RT0001' }, 'qstNumber', 'settings.qstNumber'],
    [{ qstNumber: '' }, 'qstNumber', 'required'],
    [{ postalCode: '90210' }, 'postalCode', 'settings.postalCode'],
    [{ postalCode: '' }, 'postalCode', 'required'],
    [{ email: 'facturation@' }, 'email', 'settings.email'],
    [{ province: 'QB' }, 'province', 'settings.province'],
    [{ name: ' ' }, 'name', 'required'],
    [{ addressLine1: '' }, 'addressLine1', 'required'],
    [{ city: undefined }, 'city', 'required'],
  ])('%o is refused on %s with %s', (changes, field, code) => {
    expect(fieldErrors(changes)).toEqual([[field, code]]);
  });

  test('a notice of contested calls needs the company’s e-mail address, where it goes', () => {
    expect(fieldErrors({ email: '', isContestNoticeEmailed: 'on' })).toEqual([['email', 'settings.contestNoticeEmail']]);
    expect(companySettingsInput.parse(form({ isContestNoticeEmailed: 'on' })).isContestNoticeEmailed).toBe(true);
  });
});
