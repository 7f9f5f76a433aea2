/** The user forms of the administration screen: creation, role, activation, password reset. */
import { z } from 'zod';
import { normalizeEmail } from '@/lib/auth/credentials';
import { ROLES } from '@/lib/auth/roles';
import { requiredText, wholeNumber } from '@/lib/forms/fields';
import { LOCALES } from '@/lib/i18n/locale';

export const MIN_PASSWORD_LENGTH = 10;
/** argon2 hashes any length; the cap only stops absurd inputs. */
export const MAX_PASSWORD_LENGTH = 200;

export const emailAddress = z.string({ error: 'required' }).transform((text, ctx) => {
  const normalized = normalizeEmail(text);
  if (!normalized) {
    ctx.addIssue({ code: 'custom', message: 'required' });
    return z.NEVER;
  }
  if (normalized.length > 254 || !z.email().safeParse(normalized).success) {
    ctx.addIssue({ code: 'custom', message: 'user.email' });
    return z.NEVER;
  }
  return normalized;
});

/** Kept as typed: spaces at either end are part of a password. */
export const password = z
  .string({ error: 'required' })
  .min(1, { error: 'required', abort: true })
  .min(MIN_PASSWORD_LENGTH, { error: 'user.passwordTooShort' })
  .max(MAX_PASSWORD_LENGTH, { error: 'user.passwordTooLong' });

const role = z.enum(ROLES, { error: 'invalid' });
const userId = wholeNumber(1, 2_147_483_647);

export const createUserInput = z.object({
  name: requiredText(120),
  email: emailAddress,
  role,
  locale: z.enum(LOCALES, { error: 'invalid' }),
  password,
});
export type CreateUserInput = z.output<typeof createUserInput>;

export const changeRoleInput = z.object({ userId, role });
export const setActiveInput = z.object({
  userId,
  isActive: z.enum(['true', 'false'], { error: 'invalid' }).transform((v) => v === 'true'),
});
export const resetPasswordInput = z.object({ userId, password });
