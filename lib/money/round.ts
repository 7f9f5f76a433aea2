/**
 * The one rounding rule of the application: half-up to the cent, on exact integers.
 *
 * Amounts are computed as an exact fraction `numerator / denominator` of a cent (BigInt, never
 * floats), then rounded once. Half-up means a remainder of exactly one half goes away from
 * zero's lower side: 2.5 ¢ → 3 ¢, 2.4999 ¢ → 2 ¢. Money in this application is never negative
 * when it is rounded, so half-up and half-away-from-zero agree.
 */
export function roundHalfUp(numerator: bigint, denominator: bigint): bigint {
  if (denominator <= 0n) throw new RangeError('denominator must be positive');
  if (numerator < 0n) throw new RangeError('roundHalfUp expects a non-negative amount');
  return (numerator * 2n + denominator) / (denominator * 2n);
}

/** A decimal string ("1.8750", "12,5", "7") as an exact integer scaled by 10^scale. */
export function parseScaledDecimal(text: string, scale: number): bigint {
  const trimmed = text.trim().replace(',', '.');
  const match = /^(\d+)(?:\.(\d*))?$/.exec(trimmed);
  if (!match) throw new RangeError(`not a non-negative decimal: "${text}"`);
  const [, whole = '0', fraction = ''] = match;
  if (fraction.length > scale) {
    if (/[^0]/.test(fraction.slice(scale))) throw new RangeError(`more than ${scale} decimals: "${text}"`);
  }
  const padded = (fraction + '0'.repeat(scale)).slice(0, scale);
  return BigInt(whole) * 10n ** BigInt(scale) + BigInt(padded || '0');
}

/** Converts a bigint number of cents that is known to be safe to a JavaScript number. */
export function toSafeCents(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError('amount out of range');
  return Number(value);
}
