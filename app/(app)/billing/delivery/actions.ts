'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { defineAction } from '@/lib/actions/define-action';
import { BILLING } from '@/lib/auth/roles';
import { deliverySelection } from '@/lib/delivery/delivery-input';
import { enqueueInvoiceEmails, resendInvoiceEmail, retryFailedEmails } from '@/lib/delivery/email-queue';
import { kickEmailWorker } from '@/lib/delivery/email-worker';
import { wholeNumber } from '@/lib/forms/fields';

export const sendEmailsAction = defineAction({
  name: 'delivery.sendEmails',
  roles: BILLING,
  input: deliverySelection,
  run: async ({ db, user, input }) => {
    const { queued, withoutAddress } = await enqueueInvoiceEmails(db, user.id, input);
    kickEmailWorker();
    revalidatePath('/billing/delivery');
    const t = await getTranslations('delivery');
    return { message: t('queued', { count: queued, missing: withoutAddress }) };
  },
});

export const retryFailedEmailsAction = defineAction({
  name: 'delivery.retryFailedEmails',
  roles: BILLING,
  input: deliverySelection,
  run: async ({ db, user, input }) => {
    const { queued } = await retryFailedEmails(db, user.id, input);
    kickEmailWorker();
    revalidatePath('/billing/delivery');
    const t = await getTranslations('delivery');
    return { message: t('retried', { count: queued }) };
  },
});

export const resendInvoiceEmailAction = defineAction({
  name: 'delivery.resendInvoiceEmail',
  roles: BILLING,
  input: z.object({ number: wholeNumber(1, Number.MAX_SAFE_INTEGER, 'invalid') }),
  run: async ({ db, user, input }) => {
    await resendInvoiceEmail(db, user.id, input.number);
    kickEmailWorker();
    revalidatePath('/billing/delivery');
    const t = await getTranslations('delivery');
    return { message: t('resent', { number: input.number }) };
  },
});
