/**
 * The company that issues the invoices: its GST and QST registration numbers are printed on
 * every invoice (docs/business-rules.md, Invoice PDF). Error messages are codes under
 * `errors.` in the messages.
 */
import { z } from 'zod';
import { PROVINCES } from '@/lib/clients/client-input';
import type { ErrorCode } from '@/lib/errors';
import { normalizePostalCode } from '@/lib/clients/postal-code';
import { checkbox, optionalText, requiredText, wholeNumber } from '@/lib/forms/fields';

/**
 * GST (TPS) number as the CRA issues it: the 9-digit business number, the program "RT" and a
 * 4-digit account. Typed in any case, with or without spaces ("123 456 789 rt 0001") → "123456789 RT0001".
 */
export function normalizeGstNumber(input: string): string | null {
  const match = /^(\d{9})RT(\d{4})$/.exec(input.replace(/\s+/g, '').toUpperCase());
  return match ? `${match[1]} RT${match[2]}` : null;
}

/** QST (TVQ) number as Revenu Québec issues it: 10 digits, "TQ", 4 digits → "1234567890 TQ0001". */
export function normalizeQstNumber(input: string): string | null {
  const match = /^(\d{10})TQ(\d{4})$/.exec(input.replace(/\s+/g, '').toUpperCase());
  return match ? `${match[1]} TQ${match[2]}` : null;
}

/** A required field read by `normalize`: empty → "required", unreadable → `code`. */
const normalized = (normalize: (text: string) => string | null, code: ErrorCode) =>
  z.string({ error: 'required' }).transform((text, ctx) => {
    const value = normalize(text);
    if (!value) {
      ctx.addIssue({ code: 'custom', message: text.trim() ? code : 'required' });
      return z.NEVER;
    }
    return value;
  });

/** Optional e-mail address, in lower case; empty → null. */
const optionalEmail = z
  .string()
  .optional()
  .transform((text, ctx) => {
    const email = (text ?? '').trim().toLowerCase();
    if (email === '') return null;
    if (email.length > 254 || !z.email().safeParse(email).success) {
      ctx.addIssue({ code: 'custom', message: 'settings.email' });
      return z.NEVER;
    }
    return email;
  });

export const companySettingsInput = z
  .object({
    name: requiredText(200),
    addressLine1: requiredText(200, 'multiline'),
    addressLine2: optionalText(200, 'multiline'),
    city: requiredText(100),
    province: z.enum(PROVINCES, { error: 'settings.province' }).default('QC'),
    postalCode: normalized(normalizePostalCode, 'settings.postalCode'),
    phone: optionalText(40),
    email: optionalEmail,
    gstNumber: normalized(normalizeGstNumber, 'settings.gstNumber'),
    qstNumber: normalized(normalizeQstNumber, 'settings.qstNumber'),
    /** A call above this many times its client's usual price waits in the review before billing. */
    reviewPriceFactor: wholeNumber(2, 50, 'settings.reviewPriceFactor').default(3),
    /** Each call contested from the client portal is announced by e-mail to `email`. */
    isContestNoticeEmailed: checkbox,
  })
  .superRefine((input, ctx) => {
    if (input.isContestNoticeEmailed && input.email === null)
      ctx.addIssue({ code: 'custom', path: ['email'], message: 'settings.contestNoticeEmail' });
  });

export type CompanySettingsInput = z.output<typeof companySettingsInput>;
