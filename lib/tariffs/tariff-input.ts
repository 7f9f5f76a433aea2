/** The tariff form, as typed: amounts in dollars ("12,50"), rates with up to four decimals ("1,875"). */
import { z } from 'zod';
import type { billingTypeEnum } from '@/db/schema';
import { checkbox, moneyCents, rate, requiredText, wholeNumber } from '@/lib/forms/fields';

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

export type BillingType = (typeof billingTypeEnum.enumValues)[number];

/**
 * How a passenger trip's price was set, in the order of the database's enum (a unit test holds
 * them together); each has the mention Revenu Québec prescribes for the trip's description.
 */
export const BILLING_TYPES = [
  'taxi',
  'odometer',
  'fixed_regular',
  'fixed_contract',
  'hourly',
  'adapted',
  'collective',
  'app',
] as const satisfies readonly BillingType[];

/** A select's value: empty is none. */
const billingType = z
  .string()
  .optional()
  .transform((text) => text?.trim() || null)
  .pipe(z.enum(BILLING_TYPES, { error: 'invalid' }).nullable());

/**
 * The fields of the tariff form beyond the file's: passenger trips (which carry the dues; courier
 * tariffs do not), their exemption from the dues, and the billing type its calls take unless the
 * call says otherwise.
 */
const tariffFormFields = tariffInput.extend({
  isPassenger: checkbox,
  isDuesExempt: checkbox,
  defaultBillingType: billingType,
});

/** Only passenger trips carry dues, so only a passenger tariff is exempt from them (check tariffs_dues_exempt_passenger). */
function checkDuesExemption(tariff: { isPassenger: boolean; isDuesExempt: boolean }, ctx: z.RefinementCtx): void {
  if (tariff.isDuesExempt && !tariff.isPassenger) {
    ctx.addIssue({ code: 'custom', path: ['isDuesExempt'], message: 'tariff.duesExemptNotPassenger' });
  }
}

/** The tariff form as the screen sends it. */
export const tariffFormInput = tariffFormFields.superRefine(checkDuesExemption);
/** The tariff form of an existing tariff, with its id. */
export const tariffUpdateInput = tariffFormFields.extend({ id: wholeNumber(1, 2_147_483_647) }).superRefine(checkDuesExemption);
export type TariffFormInput = z.output<typeof tariffFormInput>;

/** What a tariff is saved from: a file's line leaves the passenger fields as they are. */
export type TariffValues = TariffInput & Partial<Pick<TariffFormInput, 'isPassenger' | 'isDuesExempt' | 'defaultBillingType'>>;
