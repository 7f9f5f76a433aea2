'use server';

import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { defineAction } from '@/actions/define-action';
import { BILLING } from '@/lib/auth/roles';
import { holdCall, releaseCall } from '@/lib/billing/call-holds';
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
  revalidates: ({ input }) => [`/calls/${input.number}`, '/billing'],
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
  revalidates: ({ input }) => [`/calls/${input.number}`, '/billing'],
});
