/** An administrator's form of a client's required reference (client page). */
import { z } from 'zod';
import { isoDate } from '@/lib/forms/dates';
import { optionalText, requiredText, wholeNumber } from '@/lib/forms/fields';
import { isUsableFormat, matchesFormat, REFERENCE_VALUE_MAX } from './reference-rules';

const ALLOWED_VALUES_MAX = 100;

export const referenceRuleInput = z
  .object({
    clientNumber: wholeNumber(1, 99_999_999, 'call.clientNumber'),
    // Written in the import's cell « Libellé : valeur ; … »: neither « : » nor « ; ».
    label: requiredText(60).refine((label) => !/[:;]/.test(label), { error: 'reference.label' }),
    format: optionalText(60).refine((format) => format === null || isUsableFormat(format), { error: 'reference.formatUnusable' }),
    example: optionalText(REFERENCE_VALUE_MAX),
    // One value per line; blank lines are left out, each value once.
    allowedValues: z
      .string()
      .optional()
      .transform((text) => [...new Set((text ?? '').split(/\r?\n/).map((v) => v.trim()))].filter((v) => v !== ''))
      .pipe(z.array(z.string().max(REFERENCE_VALUE_MAX, { error: 'invalid' })).max(ALLOWED_VALUES_MAX, { error: 'invalid' })),
    requiredFrom: isoDate,
  })
  .superRefine((input, ctx) => {
    if (input.format === null) {
      if (input.example !== null) ctx.addIssue({ code: 'custom', path: ['example'], message: 'reference.exampleWithoutFormat' });
      return;
    }
    if (input.example === null) ctx.addIssue({ code: 'custom', path: ['example'], message: 'reference.exampleRequired' });
    else if (!matchesFormat(input.example, input.format))
      ctx.addIssue({ code: 'custom', path: ['example'], message: 'reference.exampleMismatch' });
    const mismatch = input.allowedValues.find((value) => !matchesFormat(value, input.format!));
    if (mismatch !== undefined) ctx.addIssue({ code: 'custom', path: ['allowedValues'], message: 'reference.allowedValueMismatch' });
  });
export type ReferenceRuleInput = z.output<typeof referenceRuleInput>;

export const removeReferenceInput = z.object({
  clientNumber: wholeNumber(1, 99_999_999, 'call.clientNumber'),
  id: wholeNumber(1, 2_147_483_647, 'reference.notFound'),
});
export type RemoveReferenceInput = z.output<typeof removeReferenceInput>;

/** `Sous-totaux par`: one of the client's own references, or none (an empty choice). */
export const subtotalReferenceInput = z.object({
  clientNumber: wholeNumber(1, 99_999_999, 'call.clientNumber'),
  id: z.preprocess(
    (v) => (v === undefined || (typeof v === 'string' && v.trim() === '') ? null : v),
    wholeNumber(1, 2_147_483_647, 'reference.notFound').nullable(),
  ),
});
export type SubtotalReferenceInput = z.output<typeof subtotalReferenceInput>;
