'use server';

import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { defineAction } from '@/actions/define-action';
import { BILLING } from '@/lib/auth/roles';
import { isoDate } from '@/lib/forms/dates';
import { todayInMontreal } from '@/lib/dates/montreal';
import { optionalText, wholeNumber } from '@/lib/forms/fields';
import { getAppLocale } from '@/lib/i18n/app-locale';
import { formatMoney } from '@/lib/i18n/format';
import { createDepositBatch, postDepositBatch, removePendingPayment } from '@/lib/receivables/deposit-batches';
import { clientNumberField, paymentInput, positiveAmount, reversalInput } from '@/lib/receivables/payment-input';
import { paymentClientOf } from '@/lib/receivables/payment-client';
import { AppError } from '@/lib/errors';
import { applyPaymentCredit, recordPayment, releaseAllocation, reversePayment } from '@/lib/receivables/payments';

/** The screens a payment changes: the receivables, the payments, the invoices' balances, the runs' collected amounts. */
const RECEIVABLES_SCREENS = ['/receivables', '/receivables/payments', '/invoices', '/billing/runs'];

export const recordPaymentAction = defineAction({
  name: 'receivables.recordPayment',
  roles: BILLING,
  input: paymentInput(),
  run: async ({ db, user, input }) => {
    const recorded = await recordPayment(db, user.id, input);
    if (input.batchId !== null) redirect(`/receivables/batches/${input.batchId}?added=${recorded.number}`);
    redirect(`/receivables/payments/${recorded.number}?created=1`);
  },
  revalidates: ({ input }) => [...RECEIVABLES_SCREENS, `/clients/${input.clientNumber}/account`],
});

export const applyPaymentCreditAction = defineAction({
  name: 'receivables.applyCredit',
  roles: BILLING,
  input: z.object({ number: wholeNumber(1, Number.MAX_SAFE_INTEGER) }),
  run: async ({ db, user, input }) => {
    const result = await applyPaymentCredit(db, user.id, input.number, todayInMontreal());
    const t = await getTranslations('payments');
    const locale = await getAppLocale();
    return { message: t('creditApplied', { applied: formatMoney(result.appliedCents, locale), invoices: result.invoices.join(', ') }) };
  },
  revalidates: ({ input }) => [...RECEIVABLES_SCREENS, `/receivables/payments/${input.number}`],
});

export const releaseAllocationAction = defineAction({
  name: 'receivables.releaseAllocation',
  roles: BILLING,
  input: z.object({ id: wholeNumber(1, Number.MAX_SAFE_INTEGER) }),
  run: async ({ db, user, input }) => {
    const { paymentNumber } = await releaseAllocation(db, user.id, input.id, todayInMontreal());
    const t = await getTranslations('payments');
    return { message: t('released', { number: paymentNumber }), paymentNumber };
  },
  revalidates: ({ result }) => [...RECEIVABLES_SCREENS, result && `/receivables/payments/${result.paymentNumber}`],
});

export const reversePaymentAction = defineAction({
  name: 'receivables.reversePayment',
  roles: BILLING,
  input: reversalInput(),
  run: async ({ db, user, input }) => {
    const { reopened } = await reversePayment(db, user.id, input);
    const t = await getTranslations('payments');
    return { message: t('reversed', { number: input.number, count: reopened.length }) };
  },
  revalidates: ({ input }) => [...RECEIVABLES_SCREENS, `/receivables/payments/${input.number}`],
});

export const createDepositBatchAction = defineAction({
  name: 'receivables.createBatch',
  roles: BILLING,
  input: z.object({ depositDate: isoDate, announced: positiveAmount, reference: optionalText(100) }),
  run: async ({ db, user, input }) => {
    const { id } = await createDepositBatch(db, user.id, {
      depositDate: input.depositDate,
      announcedCents: input.announced,
      reference: input.reference,
    });
    redirect(`/receivables/batches/${id}?created=1`);
  },
  revalidates: ['/receivables/batches'],
});

export const postDepositBatchAction = defineAction({
  name: 'receivables.postBatch',
  roles: BILLING,
  input: z.object({ id: wholeNumber(1, Number.MAX_SAFE_INTEGER) }),
  run: async ({ db, user, input }) => {
    const { payments } = await postDepositBatch(db, user.id, input.id);
    const t = await getTranslations('batches');
    return { message: t('posted', { id: input.id, count: payments }) };
  },
  revalidates: ({ input }) => [...RECEIVABLES_SCREENS, '/receivables/batches', `/receivables/batches/${input.id}`],
});

export const removePendingPaymentAction = defineAction({
  name: 'receivables.removePending',
  roles: BILLING,
  input: z.object({ number: wholeNumber(1, Number.MAX_SAFE_INTEGER), batchId: wholeNumber(1, Number.MAX_SAFE_INTEGER) }),
  run: async ({ db, input }) => {
    await removePendingPayment(db, input.number, input.batchId);
    const t = await getTranslations('batches');
    return { message: t('removed', { number: input.number }) };
  },
  revalidates: ({ input }) => [`/receivables/batches/${input.batchId}`],
});

/** The client typed on the payment screen: its name, its head for a member, its open invoices. */
export const lookupPaymentClientAction = defineAction({
  name: 'receivables.lookupClient',
  roles: BILLING,
  input: z.object({ clientNumber: clientNumberField }),
  run: async ({ db, input }) => {
    const client = await paymentClientOf(db, input.clientNumber);
    if (!client) throw new AppError('payment.unknownClient', { number: input.clientNumber }, { clientNumber: ['payment.unknownClient'] });
    return client;
  },
});
