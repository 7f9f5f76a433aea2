'use server';

import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { defineAction } from '@/actions/define-action';
import { BILLING } from '@/lib/auth/roles';
import { holdCall, releaseCall } from '@/lib/billing/call-holds';
import { approveCalls } from '@/lib/review/approve-calls';
import { requiredText, wholeNumber } from '@/lib/forms/fields';

const callNumber = wholeNumber(1, Number.MAX_SAFE_INTEGER, 'invalid');

/** Administrators and billing clerks hold a call back from billing, with a reason, and release it; a dispatcher cannot. */
export const holdCallAction = defineAction({
  name: 'billing.holdCall',
  roles: BILLING,
  input: z.object({ number: callNumber, reason: requiredText(500, 'multiline') }),
  run: async ({ db, user, input }) => {
    await holdCall(db, user.id, input.number, input.reason);
    const t = await getTranslations('callHold');
    return { message: t('heldDone', { number: input.number }) };
  },
  revalidates: ({ input }) => [`/calls/${input.number}`, '/billing', '/billing/review'],
});

export const releaseCallAction = defineAction({
  name: 'billing.releaseCall',
  roles: BILLING,
  input: z.object({ number: callNumber }),
  run: async ({ db, user, input }) => {
    await releaseCall(db, user.id, input.number);
    const t = await getTranslations('callHold');
    return { message: t('released', { number: input.number }) };
  },
  revalidates: ({ input }) => [`/calls/${input.number}`, '/billing', '/billing/review'],
});

/** Approves calls of the review: one (its row's button) or those checked in a filtered list. */
export const approveCallsAction = defineAction({
  name: 'billing.approveCalls',
  roles: BILLING,
  input: z.object({
    numbers: z.preprocess(
      (value) => (Array.isArray(value) ? value : value === undefined || value === '' ? [] : [value]),
      z.array(callNumber).min(1, { error: 'review.nothingChecked' }).max(1000, { error: 'invalid' }),
    ),
  }),
  run: async ({ db, user, input }) => {
    const { approved, contested } = await approveCalls(db, user.id, input.numbers);
    const t = await getTranslations('review');
    return {
      message:
        contested > 0
          ? `${t('approved', { count: approved })} ${t('contestedLeft', { count: contested })}`
          : t('approved', { count: approved }),
    };
  },
  revalidates: ['/billing/review', '/billing'],
});
