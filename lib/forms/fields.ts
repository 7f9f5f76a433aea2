/**
 * zod pieces for form values, which arrive as strings. Error messages are message codes
 * (`errors.<code>` in lib/i18n/messages), translated by the action wrapper.
 */
import { z } from 'zod';
import type { ErrorCode } from '@/lib/errors';
import { parseMoneyToCents, parseRate } from '@/lib/money/parse';
import { hasForbiddenCharacters, type TextShape } from '@/lib/text/control-characters';

/**
 * Text on one line unless said otherwise (lib/text/control-characters.ts): a name, a reference or
 * a number refuses line breaks, tabs and other control characters, which could end a line or a
 * field of an export; a note or an address (`'multiline'`) keeps its line breaks.
 */
const shaped = (text: z.ZodString, shape: TextShape) =>
  text.refine((value) => !hasForbiddenCharacters(value, shape), {
    error: shape === 'singleLine' ? 'text.singleLine' : 'text.controlCharacters',
  });

/** Required text, trimmed; on one line unless `shape` is `'multiline'`. */
export const requiredText = (max = 200, shape: TextShape = 'singleLine') =>
  shaped(z.string({ error: 'required' }).trim().min(1, { error: 'required' }).max(max, { error: 'invalid' }), shape);

/** Optional text: empty becomes null; on one line unless `shape` is `'multiline'`. */
export const optionalText = (max = 200, shape: TextShape = 'singleLine') =>
  shaped(z.string().trim().max(max, { error: 'invalid' }), shape)
    .optional()
    .transform((v) => (v ? v : null));

/** A checkbox: present ("on") is true, absent is false. */
export const checkbox = z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean());

/** A whole number typed in a field, within bounds. */
export const wholeNumber = (min: number, max: number, error: ErrorCode = 'invalid') =>
  z.preprocess(
    (v) => (typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v.trim()) : v),
    z.number({ error }).int({ error }).min(min, { error }).max(max, { error }),
  );

/** An amount of money as typed ("12,50") → integer cents. */
export const moneyCents = z.string({ error: 'required' }).transform((value, ctx) => {
  const parsed = parseMoneyToCents(value);
  if (!parsed.ok) {
    ctx.addIssue({ code: 'custom', message: parsed.code satisfies ErrorCode });
    return z.NEVER;
  }
  return parsed.cents;
});

/** A rate finer than a cent ("1,875") → "1.8750". */
export const rate = z.string({ error: 'required' }).transform((value, ctx) => {
  const parsed = parseRate(value);
  if (!parsed.ok) {
    ctx.addIssue({ code: 'custom', message: parsed.code satisfies ErrorCode });
    return z.NEVER;
  }
  return parsed.value;
});
