import { parseScaledDecimal, roundHalfUp, toSafeCents } from '@/lib/money/round';

/** Rates are stored with 4 decimals of a dollar; distances with 2 decimals of a km. */
const RATE_SCALE = 4;
const DISTANCE_SCALE = 2;
const PERCENT_SCALE = 2;

export type TariffRates = {
  baseCents: number;
  /** Dollars per km, as a decimal string with up to 4 decimals ("1.8750"). */
  perKm: string;
  /** Dollars per waiting minute, as a decimal string with up to 4 decimals. */
  perMinute: string;
  minimumChargeCents: number;
};

export type CallMeasures = {
  /** Kilometres as a decimal string with up to 2 decimals ("12.4"). */
  distanceKm: string;
  waitingMinutes: number;
  /** The call's own client's discount, percent with up to 2 decimals ("7.5"). */
  discountPercent: string;
};

export type CallPrice = { grossCents: number; discountCents: number; priceCents: number };

/**
 * Price of a call (docs/business-rules.md, Call pricing), the one function used by the form
 * preview, the save and the tests. Every step is exact integer arithmetic:
 * 1. gross = base + km × perKm + waitingMinutes × perMinute, rounded half-up to the cent;
 * 2. gross = max(gross, minimumCharge);
 * 3. discount = roundHalfUp(gross × discountPercent / 100);
 * 4. price = gross − discount.
 */
export function priceCall(tariff: TariffRates, call: CallMeasures): CallPrice {
  if (!Number.isInteger(call.waitingMinutes) || call.waitingMinutes < 0) {
    throw new RangeError('waitingMinutes must be a non-negative integer');
  }
  // km × perKm is in units of 10^-(2+4) dollars = 10^-4 cents; the same unit for the rest.
  const subCentUnit = 10n ** BigInt(DISTANCE_SCALE + RATE_SCALE - 2);
  const distance = parseScaledDecimal(call.distanceKm, DISTANCE_SCALE);
  const perKm = parseScaledDecimal(tariff.perKm, RATE_SCALE);
  const perMinute = parseScaledDecimal(tariff.perMinute, RATE_SCALE);
  const exactGross =
    BigInt(tariff.baseCents) * subCentUnit + distance * perKm + BigInt(call.waitingMinutes) * perMinute * 10n ** BigInt(DISTANCE_SCALE);
  const rounded = roundHalfUp(exactGross, subCentUnit);
  const minimum = BigInt(tariff.minimumChargeCents);
  const gross = rounded > minimum ? rounded : minimum;

  const percent = parseScaledDecimal(call.discountPercent, PERCENT_SCALE);
  if (percent > 100n * 10n ** BigInt(PERCENT_SCALE)) throw new RangeError('discount above 100 %');
  const discount = roundHalfUp(gross * percent, 100n * 10n ** BigInt(PERCENT_SCALE));

  return {
    grossCents: toSafeCents(gross),
    discountCents: toSafeCents(discount),
    priceCents: toSafeCents(gross - discount),
  };
}
