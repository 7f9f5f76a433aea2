import { z } from 'zod';
import { isoDate } from '@/lib/calls/call-input';
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

/**
 * The inputs of the billing list and of invoice generation, the same for both
 * (docs/business-rules.md, Billing): cut-off date, billing cycle, optional range of billed
 * client numbers, and the checkbox "Facturation par client regroupé" (the grouped process when
 * checked).
 */
export const billingInput = z
  .object({
    cutoff: isoDate,
    cycle: z.enum(['all', 'weekly', 'monthly'], { error: 'invalid' }),
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
