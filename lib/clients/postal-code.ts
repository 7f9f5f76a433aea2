/**
 * Canadian postal codes: "A1A 1A1". The first letter is never D, F, I, O, Q, U, W or Z; the
 * other letters never D, F, I, O, Q or U. Typed in any case, with or without the space.
 */
const POSTAL_CODE = /^([ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z])\s?(\d[ABCEGHJ-NPRSTV-Z]\d)$/;

export function normalizePostalCode(input: string): string | null {
  const match = POSTAL_CODE.exec(input.trim().toUpperCase());
  return match ? `${match[1]} ${match[2]}` : null;
}
