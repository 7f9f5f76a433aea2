'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { defineAction } from '@/lib/actions/define-action';
import { BILLING } from '@/lib/auth/roles';
import { isoDate } from '@/lib/calls/call-input';
import { kickEmailWorker } from '@/lib/delivery/email-worker';
import { wholeNumber } from '@/lib/forms/fields';
import { enqueueStatementEmails, resendStatementEmail, retryFailedStatementEmails } from '@/lib/statements/statement-delivery';
import { statementSelection } from '@/lib/statements/statement-input';

export const sendStatementEmailsAction = defineAction({
  name: 'statements.sendEmails',
  roles: BILLING,
  input: statementSelection,
  run: async ({ db, user, input }) => {
    const { queued, withoutAddress } = await enqueueStatementEmails(db, user.id, input);
    kickEmailWorker();
    revalidatePath('/receivables/statements');
    const t = await getTranslations('statements');
    return { message: t('queued', { count: queued, missing: withoutAddress }) };
  },
});

export const retryFailedStatementEmailsAction = defineAction({
  name: 'statements.retryFailedEmails',
  roles: BILLING,
  input: statementSelection,
  run: async ({ db, user, input }) => {
    const { queued } = await retryFailedStatementEmails(db, user.id, input);
    kickEmailWorker();
    revalidatePath('/receivables/statements');
    const t = await getTranslations('statements');
    return { message: t('retried', { count: queued }) };
  },
});

export const resendStatementEmailAction = defineAction({
  name: 'statements.resendEmail',
  roles: BILLING,
  input: z
    .object({ clientNumber: wholeNumber(1, 99_999_999, 'statements.clientNumber'), from: isoDate, to: isoDate })
    .refine((input) => input.from <= input.to, { path: ['to'], message: 'statements.range' }),
  run: async ({ db, user, input }) => {
    await resendStatementEmail(db, user.id, input.clientNumber, { from: input.from, to: input.to });
    kickEmailWorker();
    revalidatePath('/receivables/statements');
    const t = await getTranslations('statements');
    return { message: t('resent', { number: input.clientNumber }) };
  },
});
