import { describe, expect, test } from 'vitest';
import golden from '@/test/golden/billing.json';
import { priceCall, type TariffRates } from './price-call';
import { parseScaledDecimal } from '@/lib/money/round';

type GoldenTariff = (typeof golden.tariffs)['STD'];

function tariffFromGolden(t: GoldenTariff): TariffRates {
  return {
    baseCents: Number(parseScaledDecimal(t.base, 2)),
    perKm: t.perKm,
    perMinute: t.perMinute,
    minimumChargeCents: Number(parseScaledDecimal(t.minimumCharge, 2)),
  };
}

const tariffs = golden.tariffs as Record<string, GoldenTariff>;

describe('priceCall (golden cases)', () => {
  test.each(golden.pricing)('$name', ({ tariff, km, waitingMinutes, discountPercent, expected }) => {
    const rates = tariffFromGolden(tariffs[tariff]!);
    expect(priceCall(rates, { distanceKm: km, waitingMinutes, discountPercent })).toEqual(expected);
  });
});

describe('priceCall arithmetic', () => {
  const std: TariffRates = { baseCents: 450, perKm: '1.8750', perMinute: '0.6500', minimumChargeCents: 1200 };

  test.each([
    ['4.50 + 12.4 km × 1.875 (23.25) + 7 min × 0.65 (4.55) = 32.30 $', std, '12.4', 7, '0', 3230, 0, 3230],
    ['4.50 + 2 km × 1.875 = 8.25 $ → minimum 12.00 $', std, '2', 0, '0', 1200, 0, 1200],
    ['4.50 + 0.01 km × 1.875 = 4.51875 → 4.52 $ (half-up), no minimum', { ...std, minimumChargeCents: 0 }, '0.01', 0, '0', 452, 0, 452],
    ['4.50 + 0.02 km × 1.875 = 4.5375 → 4.54 $', { ...std, minimumChargeCents: 0 }, '0.02', 0, '0', 454, 0, 454],
    ['12.00 $ − 7.5 % (0.90) = 11.10 $', std, '1', 0, '7.5', 1200, 90, 1110],
    ['12.30 $ − 12.5 % (1.5375 → 1.54) = 10.76 $', { ...std, baseCents: 1230, minimumChargeCents: 0 }, '0', 0, '12.5', 1230, 154, 1076],
    ['100 % discount → 0 $', std, '10', 0, '100', 2325, 2325, 0],
  ] as const)('%s', (_name, tariff, distanceKm, waitingMinutes, discountPercent, grossCents, discountCents, priceCents) => {
    expect(priceCall(tariff, { distanceKm, waitingMinutes, discountPercent })).toEqual({ grossCents, discountCents, priceCents });
  });

  test('refuses negative or fractional waiting minutes and a discount above 100 %', () => {
    expect(() => priceCall(std, { distanceKm: '1', waitingMinutes: -1, discountPercent: '0' })).toThrow(RangeError);
    expect(() => priceCall(std, { distanceKm: '1', waitingMinutes: 1.5, discountPercent: '0' })).toThrow(RangeError);
    expect(() => priceCall(std, { distanceKm: '1', waitingMinutes: 0, discountPercent: '100.01' })).toThrow(RangeError);
    expect(() => priceCall(std, { distanceKm: '-1', waitingMinutes: 0, discountPercent: '0' })).toThrow(RangeError);
  });
});
