import { z } from 'zod';
import { isoDate } from '@/lib/forms/dates';
import { checkbox } from '@/lib/forms/fields';

const optionalClientNumber = z
  .string()
  .optional()
  .transform((text, ctx) => {
    const value = (text ?? '').trim();
    if (value === '') return null;
    if (!/^\d{1,8}$/.test(value)) {
      ctx.addIssue({ code: 'custom', message: 'billing.clientNumber' });
      return z.NEVER;
    }
    return Number(value);
  });

/** The billing cycles a list is asked for: every billed client's, or the weekly or monthly ones. */
export const BILLING_CYCLES = ['all', 'weekly', 'monthly'] as const;

/**
 * The inputs of the billing list and of invoice generation, the same for both
 * (docs/business-rules.md, Billing): cut-off date, billing cycle, optional range of billed
 * client numbers, and the checkbox "Facturation par client regroupé" (the grouped process when
 * checked).
 */
export const billingInput = z
  .object({
    cutoff: isoDate,
    cycle: z.enum(BILLING_CYCLES, { error: 'invalid' }),
    clientFrom: optionalClientNumber,
    clientTo: optionalClientNumber,
    isGrouped: checkbox,
  })
  .superRefine((input, ctx) => {
    if (input.clientFrom !== null && input.clientTo !== null && input.clientFrom > input.clientTo) {
      ctx.addIssue({ code: 'custom', path: ['clientTo'], message: 'billing.range' });
    }
  });
export type BillingInput = z.output<typeof billingInput>;

/** The billing list's form as the clerk typed it, shown again with the list and sent to generation. */
export type BillingListForm = { cutoff: string; cycle: string; clientFrom: string; clientTo: string; isGrouped: boolean };

/**
 * The billing list's query string: the form as typed (an empty cut-off means the default one)
 * and its validation, the same as generation's.
 */
export function readBillingListForm(raw: Record<string, string | undefined>, defaultCutoff: string) {
  const form: BillingListForm = {
    cutoff: raw.cutoff ?? defaultCutoff,
    cycle: raw.cycle ?? 'all',
    clientFrom: raw.clientFrom ?? '',
    clientTo: raw.clientTo ?? '',
    isGrouped: raw.isGrouped === 'on',
  };
  const parsed = billingInput.safeParse({ ...form, isGrouped: form.isGrouped ? 'on' : undefined });
  return {
    form,
    /** Whether the clerk asked for the list (a first visit shows the form alone). */
    hasAsked: raw.cutoff !== undefined,
    input: parsed.success ? parsed.data : null,
    fieldErrors: parsed.success ? {} : (z.flattenError(parsed.error).fieldErrors as Record<string, string[] | undefined>),
  };
}

/** The query string of the billing list's form, for its exports. */
export function billingListQuery(form: BillingListForm): string {
  return new URLSearchParams({ ...form, isGrouped: form.isGrouped ? 'on' : '' }).toString();
}
