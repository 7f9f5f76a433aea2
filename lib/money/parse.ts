/**
 * Amounts as people type them, straight to integer cents, never through a float.
 * Accepted: "12,50", "12.50", "1 234,56", "1 234.56", "1,234.56", "1.234,56", "12", "12 $".
 * Refused: negative amounts, more than two decimals, and "12,345" / "12.345" (one separator
 * followed by three digits could be a thousands separator or a decimal point: ambiguous).
 */
export type ParsedAmount =
  | { ok: true; cents: number }
  | { ok: false; code: 'money.invalid' | 'money.negative' | 'money.ambiguous' | 'money.tooManyDecimals' | 'money.tooLarge' };

const MAX_CENTS = 100_000_000_000; // one billion dollars

export function parseMoneyToCents(input: string): ParsedAmount {
  let text = input
    .trim()
    .replace(/\s*\$$/, '')
    .replace(/^\$\s*/, '')
    .trim();
  if (text.startsWith('-') || text.startsWith('−')) return { ok: false, code: 'money.negative' };
  if (text === '') return { ok: false, code: 'money.invalid' };

  // Spaces (plain, no-break, narrow no-break) may only group thousands.
  if (/[\s\u00a0\u202f]/.test(text)) {
    if (!/^\d{1,3}([\s\u00a0\u202f]\d{3})+([.,]\d*)?$/.test(text)) return { ok: false, code: 'money.invalid' };
    text = text.replace(/[\s\u00a0\u202f]/g, '');
  }
  if (!/^[\d.,]+$/.test(text) || !/\d/.test(text)) return { ok: false, code: 'money.invalid' };

  const lastComma = text.lastIndexOf(',');
  const lastDot = text.lastIndexOf('.');
  let whole: string;
  let fraction = '';
  if (lastComma >= 0 && lastDot >= 0) {
    // Both: the last one is the decimal mark, the other groups thousands.
    const decimalIndex = Math.max(lastComma, lastDot);
    const thousands = decimalIndex === lastComma ? '.' : ',';
    const integerPart = text.slice(0, decimalIndex);
    if (!new RegExp(`^\\d{1,3}(\\${thousands}\\d{3})*$`).test(integerPart)) return { ok: false, code: 'money.invalid' };
    whole = integerPart.replaceAll(thousands, '');
    fraction = text.slice(decimalIndex + 1);
  } else if (lastComma >= 0 || lastDot >= 0) {
    const separator = lastComma >= 0 ? ',' : '.';
    const pieces = text.split(separator);
    if (pieces.length > 2) {
      // "1,234,567": thousands only.
      if (!new RegExp(`^\\d{1,3}(\\${separator}\\d{3})+$`).test(text)) return { ok: false, code: 'money.invalid' };
      whole = pieces.join('');
    } else {
      [whole = '', fraction = ''] = pieces;
      if (fraction.length === 3 && whole.length > 0) return { ok: false, code: 'money.ambiguous' };
    }
  } else {
    whole = text;
  }
  if (!/^\d*$/.test(fraction) || (whole === '' && fraction === '')) return { ok: false, code: 'money.invalid' };
  if (fraction.length > 2) return { ok: false, code: 'money.tooManyDecimals' };
  if (whole.length > 12) return { ok: false, code: 'money.tooLarge' };
  const cents = Number(whole || '0') * 100 + Number(fraction.padEnd(2, '0') || '0');
  if (cents > MAX_CENTS) return { ok: false, code: 'money.tooLarge' };
  return { ok: true, cents };
}

/**
 * A rate finer than a cent ("1,875", "1.8750", "0.65") as the decimal string stored in
 * numeric(10,4): "1.8750". The comma or the dot is the decimal mark; no thousands separator.
 */
export type ParsedRate =
  { ok: true; value: string } | { ok: false; code: 'rate.invalid' | 'rate.negative' | 'rate.tooManyDecimals' | 'rate.tooLarge' };

export function parseRate(input: string): ParsedRate {
  const text = input
    .trim()
    .replace(/\s*\$.*$/, '')
    .trim();
  if (text.startsWith('-') || text.startsWith('−')) return { ok: false, code: 'rate.negative' };
  const match = /^(\d*)(?:[.,](\d*))?$/.exec(text);
  if (!match || text === '' || text === '.' || text === ',') return { ok: false, code: 'rate.invalid' };
  const [, whole = '', fraction = ''] = match;
  if (fraction.length > 4) return { ok: false, code: 'rate.tooManyDecimals' };
  const integer = (whole || '0').replace(/^0+(?=\d)/, '');
  if (integer.length > 6) return { ok: false, code: 'rate.tooLarge' };
  return { ok: true, value: `${integer}.${fraction.padEnd(4, '0')}` };
}

/** Integer cents as a person types them back in a form field ("1234,50" in French). */
export function centsToInput(cents: number, locale: 'fr' | 'en'): string {
  const text = `${Math.trunc(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
  return locale === 'fr' ? text.replace('.', ',') : text;
}
