import { z } from 'zod';
import { isoDate } from '@/lib/forms/dates';
import { optionalText, requiredText, wholeNumber } from '@/lib/forms/fields';

export const CALL_STATUSES = ['open', 'dispatched', 'completed', 'cancelled'] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];
export const SERVICE_TYPES = ['standard', 'express', 'taxi'] as const;

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

/** What the dispatcher types for a call (call taking and editing). */
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
});
export type CallInput = z.output<typeof callInput>;

/** The measures a price preview needs, parsed leniently: a half-typed form gives no price yet. */
export const quoteInput = callInput.pick({ clientNumber: true, distanceKm: true, waitingMinutes: true }).extend({
  /** The account billed for the call is its client's group on this date; a date not yet typed in full means today. */
  serviceDate: isoDate.optional().catch(undefined),
});
