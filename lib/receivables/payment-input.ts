/**
 * The inputs of the payment screens (docs/business-rules.md, Receivables), as typed: amounts
 * go to integer cents, dates must be real AAAA-MM-JJ dates, and a payment is never received in
 * the future.
 */
import { z } from 'zod';
import { isoDate } from '@/lib/forms/dates';
import { todayInMontreal } from '@/lib/dates/montreal';
import { moneyCents, optionalText, requiredText } from '@/lib/forms/fields';

export const PAYMENT_METHODS = ['cheque', 'transfer', 'card', 'cash', 'other'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** The largest amount the database accepts (just under one billion dollars). */
export const MAX_PAYMENT_CENTS = 99_999_999_999;

export const clientNumberField = z
  .string({ error: 'payment.clientNumber' })
  .trim()
  .regex(/^\d{1,8}$/, { error: 'payment.clientNumber' })
  .transform(Number);

/** A positive amount of money, at most MAX_PAYMENT_CENTS. */
export const positiveAmount = moneyCents.pipe(
  z.number().int().min(1, { error: 'payment.amountZero' }).max(MAX_PAYMENT_CENTS, { error: 'money.tooLarge' }),
);

/** An amount that may be left empty (nothing applied to that invoice). */
const optionalAmount = z.string().transform((text, ctx) => {
  if (text.trim() === '') return 0;
  const parsed = moneyCents.safeParse(text);
  if (!parsed.success) {
    ctx.addIssue({ code: 'custom', message: parsed.error.issues[0]?.message ?? 'money.invalid' });
    return z.NEVER;
  }
  return parsed.data;
});

const repeated = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(item).max(10_000));

/** A date on or before `today` (Montréal; by default the day the form is read). */
export const receivedOnField = (today?: string) =>
  isoDate.refine((date) => date <= (today ?? todayInMontreal()), { error: 'payment.futureDate' });

export function paymentInput(today?: string) {
  return z
    .object({
      clientNumber: clientNumberField,
      amount: positiveAmount,
      receivedOn: receivedOnField(today),
      method: z.enum(PAYMENT_METHODS, { error: 'payment.method' }),
      reference: optionalText(100),
      note: optionalText(500, 'multiline'),
      allocation: z.enum(['auto', 'manual'], { error: 'invalid' }).default('auto'),
      invoiceNumbers: repeated(z.coerce.number().int().positive()),
      appliedAmounts: repeated(optionalAmount),
      batchId: z
        .string()
        .optional()
        .transform((v) => (v && /^\d{1,15}$/.test(v.trim()) ? Number(v.trim()) : null)),
    })
    .superRefine((input, ctx) => {
      if (input.allocation === 'manual' && input.invoiceNumbers.length !== input.appliedAmounts.length)
        ctx.addIssue({ code: 'custom', path: ['appliedAmounts'], message: 'invalid' });
    });
}
export type PaymentInput = z.output<ReturnType<typeof paymentInput>>;

export const reversalInput = (today?: string) =>
  z.object({
    number: z.coerce.number({ error: 'invalid' }).int().positive(),
    reversedOn: receivedOnField(today),
    reason: requiredText(500, 'multiline'),
  });
export type ReversalInput = z.output<ReturnType<typeof reversalInput>>;
