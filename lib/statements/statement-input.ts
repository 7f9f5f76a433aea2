import { z } from 'zod';
import { isoDate } from '@/lib/forms/dates';
import { checkbox } from '@/lib/forms/fields';
import { parseRouteNumber } from '@/lib/url-state';

const periodDate = z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), isoDate);
const optionalClient = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() !== '' ? (parseRouteNumber(v.trim(), 'integer') ?? 0) : undefined),
  z.number().int().positive({ error: 'statements.clientNumber' }).optional(),
);

/**
 * Which statements of account are produced (docs/business-rules.md, Statements of account): for
 * a period, those of one billed client, or of every billed client with a document in the period
 * or a balance at its end — heads only when "Facturation par client regroupé" is checked, the
 * other billed clients otherwise.
 */
export const statementSelection = z
  .object({
    from: periodDate,
    to: periodDate,
    isGrouped: checkbox,
    clientNumber: optionalClient,
  })
  .superRefine((input, ctx) => {
    if (input.from > input.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'statements.range' });
  });
export type StatementSelection = z.output<typeof statementSelection>;

/** The statements screen's form as the clerk filled it, shown again and carried by its buttons. */
export type StatementForm = { from: string; to: string; isGrouped: boolean; clientNumber: string };

/** The statements screen's query string: the form as typed, and its selection once the clerk asked for one. */
export function readStatementForm(raw: Record<string, string | undefined>) {
  const form: StatementForm = {
    from: raw.from ?? '',
    to: raw.to ?? '',
    isGrouped: raw.isGrouped === 'on' || raw.isGrouped === '1',
    clientNumber: raw.clientNumber ?? '',
  };
  const hasAsked = raw.from !== undefined || raw.to !== undefined;
  const parsed = hasAsked ? statementSelection.safeParse({ ...form, isGrouped: form.isGrouped ? 'on' : undefined }) : null;
  return {
    form,
    hasAsked,
    selection: parsed?.success ? parsed.data : null,
    /** Message codes of what is wrong with the selection. */
    problems: parsed && !parsed.success ? [...new Set(parsed.error.issues.map((issue) => issue.message))] : [],
  };
}
