/**
 * An administrator's credit terms for a billed client (docs/business-rules.md, Credit hold):
 * credit limit, days past due that trigger the hold, policy, manual suspension with its reason.
 * A member follows its head's terms, so only a head or a client billed on its own has them.
 * The change is written to the audit log by the clients table's trigger.
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/index';
import { clients } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { withActor } from '@/lib/audit/with-actor';
import { MAX_PAYMENT_CENTS } from './payment-input';
import { moneyCents, optionalText, wholeNumber } from '@/lib/forms/fields';

const optionalMoney = z.string().transform((text, ctx) => {
  if (text.trim() === '') return null;
  const parsed = moneyCents.safeParse(text);
  if (!parsed.success) {
    ctx.addIssue({ code: 'custom', message: parsed.error.issues[0]?.message ?? 'money.invalid' });
    return z.NEVER;
  }
  if (parsed.data > MAX_PAYMENT_CENTS) {
    ctx.addIssue({ code: 'custom', message: 'money.tooLarge' });
    return z.NEVER;
  }
  return parsed.data;
});

export const creditTermsInput = z.object({
  clientNumber: wholeNumber(1, 99_999_999),
  creditLimit: optionalMoney,
  holdAfterDays: z.preprocess((v) => (v === '' || v === undefined ? null : v), wholeNumber(0, 3650).nullable()),
  policy: z.enum(['none', 'warn', 'block'], { error: 'invalid' }),
  suspensionReason: optionalText(500, 'multiline'),
});
export type CreditTermsInput = z.output<typeof creditTermsInput>;

export async function saveCreditTerms(db: Db, actorId: number, input: CreditTermsInput): Promise<void> {
  await withActor(db, actorId, async (tx) => {
    const [client] = await tx
      .select({ grouped: clients.groupedClientNumber })
      .from(clients)
      .where(eq(clients.number, input.clientNumber))
      .for('update');
    if (!client) throw new AppError('account.notFound', { number: input.clientNumber });
    if (client.grouped !== null && client.grouped !== input.clientNumber) throw new AppError('account.member', { head: client.grouped });
    await tx
      .update(clients)
      .set({
        creditLimitCents: input.creditLimit,
        holdAfterDaysPastDue: input.holdAfterDays,
        creditPolicy: input.policy,
        suspensionReason: input.suspensionReason,
        updatedAt: new Date(),
      })
      .where(eq(clients.number, input.clientNumber));
  });
}
