import { z } from 'zod';
import { hasForbiddenCharacters } from '@/lib/text/control-characters';
import type { billingTypeEnum } from '@/db/schema';
import { isoDate } from '@/lib/forms/dates';
import { optionalText, requiredText, wholeNumber } from '@/lib/forms/fields';

export const CALL_STATUSES = ['open', 'dispatched', 'completed', 'cancelled'] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];
export const SERVICE_TYPES = ['standard', 'express', 'taxi'] as const;
/**
 * How a passenger trip's price was set (docs/business-rules.md, Billing types), in the order of
 * the prescribed mentions: `Tarif taxi.`, `Tarif odo.`, `Tarif fixe r.`, `Tarif fixe c.`,
 * `Tarif horaire`, `Tr. adapté`, `Tr. collectif`, `Tarif app.` (the database's billing_type).
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
] as const satisfies readonly (typeof billingTypeEnum.enumValues)[number][];
export type BillingType = (typeof BILLING_TYPES)[number];
/** The bill number of the certified sales recording system, as the database holds it (check calls_sev_number). */
export const SEV_NUMBER_PATTERN = /^[A-Za-z0-9._:/-]{1,40}$/;

const time = z
  .string({ error: 'call.time' })
  .trim()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'call.time' });

/** Kilometres with at most two decimals, comma or dot: "12,4" → "12.40". */
const distance = z
  .string()
  .optional()
  .transform((text, ctx) => {
    const value = (text ?? '').trim().replace(',', '.') || '0';
    if (value.startsWith('-')) {
      ctx.addIssue({ code: 'custom', message: 'call.negativeDistance' });
      return z.NEVER;
    }
    const match = /^(\d{1,4})(?:\.(\d{0,2}))?$/.exec(value);
    if (!match) {
      ctx.addIssue({ code: 'custom', message: 'call.distance' });
      return z.NEVER;
    }
    return `${Number(match[1])}.${(match[2] ?? '').padEnd(2, '0')}`;
  });

/** Hours to the tenth, comma or dot: "2,5" → 25 tenths; empty: none. */
const hoursInTenths = z
  .string()
  .optional()
  .transform((text, ctx) => {
    const value = (text ?? '').trim().replace(',', '.');
    if (value === '') return null;
    const match = /^(\d{1,3})(?:\.(\d)?)?$/.exec(value);
    const tenths = match ? Number(match[1]) * 10 + Number(match[2] ?? 0) : 0;
    if (tenths < 1 || tenths > 9999) {
      ctx.addIssue({ code: 'custom', message: 'call.hours' });
      return z.NEVER;
    }
    return tenths;
  });

/**
 * What the dispatcher types for a call (call taking and editing). A passenger trip also says how
 * its price was set, its hours when billed by the hour, the municipalities it is taken from and
 * to (names, matched to the list by lib/municipalities) and the SEV bill number: what a courier
 * call leaves empty, and the rules of call-rules.ts (tripOfCall) decide on.
 */
export const callInput = z.object({
  clientNumber: wholeNumber(1, 99_999_999, 'call.clientNumber'),
  serviceDate: isoDate,
  serviceTime: time,
  caller: optionalText(120),
  pickupAddress: requiredText(300, 'multiline'),
  destinationAddress: requiredText(300, 'multiline'),
  distanceKm: distance,
  waitingMinutes: z.preprocess(
    (v) => (typeof v === 'string' ? (v.trim() === '' ? 0 : /^-?\d+$/.test(v.trim()) ? Number(v.trim()) : Number.NaN) : v),
    z
      .number({ error: 'call.waiting' })
      .int({ error: 'call.waiting' })
      .min(0, { error: 'call.waiting' })
      .max(1440, { error: 'call.waiting' }),
  ),
  serviceType: z.enum(SERVICE_TYPES, { error: 'invalid' }),
  clientReference: optionalText(100),
  notes: optionalText(2000, 'multiline'),
  billingType: z
    .enum(['', ...BILLING_TYPES], { error: 'call.billingType' })
    .optional()
    .transform((type) => (type ? type : null)),
  /** The hours of a trip billed by the hour, in tenths. */
  billingHours: hoursInTenths,
  originMunicipality: optionalText(100),
  destinationMunicipality: optionalText(100),
  sevNumber: optionalText(40).refine((number) => number === null || SEV_NUMBER_PATTERN.test(number), { error: 'call.sevNumber' }),
  /** The values of the client's required references, by label (fields `references[<label>]`), checked by their rules (lib/references). */
  references: z
    .record(
      z.string().trim().min(1).max(60),
      z
        .string()
        .max(1000, { error: 'invalid' })
        .refine((value) => !hasForbiddenCharacters(value, 'singleLine'), { error: 'text.singleLine' }),
      { error: 'invalid' },
    )
    .optional()
    .transform((values) => values ?? {}),
});
export type CallInput = z.output<typeof callInput>;

/** The measures a price preview needs, parsed leniently: a half-typed form gives no price yet. */
export const quoteInput = callInput.pick({ clientNumber: true, distanceKm: true, waitingMinutes: true }).extend({
  /** The account billed for the call is its client's group on this date; a date not yet typed in full means today. */
  serviceDate: isoDate.optional().catch(undefined),
});
