/** The forms of a contested call: the portal user's `Contester`, and the billing clerk's answer. */
import { z } from 'zod';
import { optionalText, requiredText, wholeNumber } from '@/lib/forms/fields';

const callNumber = wholeNumber(1, Number.MAX_SAFE_INTEGER, 'invalid');

/** `Contester`: a call of the portal user's account, with what is wrong with it. */
export const contestCallInput = z.object({ number: callNumber, comment: requiredText(1000, 'multiline') });
export type ContestCallInput = z.output<typeof contestCallInput>;

export const CONTEST_DECISIONS = ['accepted', 'refused'] as const;

/**
 * The clerk's answer: accepted (the call corrected before billing; once invoiced, the credit
 * note of its invoice that credits it) or refused, with a reason the portal user reads.
 */
export const answerContestInput = z
  .object({
    id: wholeNumber(1, 2_147_483_647, 'contest.notFound'),
    decision: z.enum(CONTEST_DECISIONS, { error: 'contest.decision' }),
    answer: optionalText(1000, 'multiline'),
    creditNote: z.preprocess(
      (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
      wholeNumber(1, Number.MAX_SAFE_INTEGER, 'contest.creditNoteNumber').optional(),
    ),
  })
  .superRefine((input, ctx) => {
    if (input.decision === 'refused' && input.answer === null)
      ctx.addIssue({ code: 'custom', path: ['answer'], message: 'contest.refusalReason' });
  });
export type AnswerContestInput = z.output<typeof answerContestInput>;
