/** The tariff form, as typed: amounts in dollars ("12,50"), rates with up to four decimals ("1,875"). */
import { z } from 'zod';
import { checkbox, moneyCents, rate, requiredText } from '@/lib/forms/fields';

/** Upper-case letters, digits, "_" and "-", starting with a letter or a digit (check tariffs_code_format). */
export const TARIFF_CODE_PATTERN = /^[A-Z0-9][A-Z0-9_-]{0,15}$/;

/** base_cents and minimum_charge_cents are `integer` columns: 999 999,99 $ is far above any real tariff. */
export const MAX_TARIFF_CENTS = 99_999_999;

/** " std-1 " → "STD-1"; anything else than the code pattern is refused. */
export function normalizeTariffCode(text: string): string | null {
  const code = text.trim().toUpperCase();
  return TARIFF_CODE_PATTERN.test(code) ? code : null;
}

const tariffCode = z.string({ error: 'required' }).transform((text, ctx) => {
  const code = normalizeTariffCode(text);
  if (!code) {
    ctx.addIssue({ code: 'custom', message: text.trim() ? 'tariff.codeFormat' : 'required' });
    return z.NEVER;
  }
  return code;
});

const tariffCents = moneyCents.refine((cents) => cents <= MAX_TARIFF_CENTS, { error: 'money.tooLarge' });

/** An empty minimum charge means none: 0. */
const minimumCharge = z
  .string()
  .optional()
  .transform((text) => (text?.trim() ? text : '0'))
  .pipe(tariffCents);

export const tariffInput = z.object({
  code: tariffCode,
  name: requiredText(100),
  baseCents: tariffCents,
  perKm: rate,
  perMinute: rate,
  minimumChargeCents: minimumCharge,
  isActive: checkbox,
});
export type TariffInput = z.output<typeof tariffInput>;
