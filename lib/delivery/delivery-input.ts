import { z } from 'zod';
import { isoDate } from '@/lib/forms/dates';
import { checkbox } from '@/lib/forms/fields';

/**
 * Which invoices a delivery batch takes (docs/business-rules.md, Billing, step 3): those of a
 * billing run, or those issued in a date range; of the grouped process when the checkbox
 * "Facturation par client regroupé" is checked, of the normal process otherwise; issued (never
 * void); and among them, those whose delivery method includes the chosen method.
 */
export const deliverySelection = z
  .object({
    runId: z.preprocess(
      (v) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined),
      z.coerce.number().int().positive().optional(),
    ),
    from: z.preprocess((v) => (v === '' ? undefined : v), isoDate.optional()),
    to: z.preprocess((v) => (v === '' ? undefined : v), isoDate.optional()),
    isGrouped: checkbox,
    method: z.enum(['print', 'email'], { error: 'invalid' }),
  })
  .superRefine((input, ctx) => {
    if (!input.runId && !(input.from && input.to)) ctx.addIssue({ code: 'custom', path: ['runId'], message: 'delivery.selectionRequired' });
    if (input.from && input.to && input.from > input.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'delivery.range' });
  });
export type DeliverySelection = z.output<typeof deliverySelection>;

/** The delivery screen's form as the clerk filled it, shown again and carried by its buttons. */
export type DeliveryForm = { runId: string; from: string; to: string; isGrouped: boolean; method: 'print' | 'email' };

/** The delivery screen's query string: the form as typed, and its selection once the clerk asked for one. */
export function readDeliveryForm(raw: Record<string, string | undefined>) {
  const form: DeliveryForm = {
    runId: raw.runId ?? '',
    from: raw.from ?? '',
    to: raw.to ?? '',
    isGrouped: raw.isGrouped === 'on',
    method: raw.method === 'email' ? 'email' : 'print',
  };
  const parsed = raw.method ? deliverySelection.safeParse({ ...form, isGrouped: form.isGrouped ? 'on' : undefined }) : null;
  return {
    form,
    hasAsked: parsed !== null,
    selection: parsed?.success ? parsed.data : null,
    /** Message codes of what is wrong with the selection. */
    problems: parsed && !parsed.success ? parsed.error.issues.map((issue) => issue.message) : [],
  };
}

/** The delivery screen's query string for a form (the checkbox as the form posts it). */
export function deliveryQuery(form: DeliveryForm): string {
  const { isGrouped, ...rest } = form;
  return new URLSearchParams({ ...rest, ...(isGrouped ? { isGrouped: 'on' } : {}) }).toString();
}
