'use server';

import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { defineAction } from '@/actions/define-action';
import { CALL_TAKERS } from '@/lib/auth/roles';
import { CALL_STATUSES, callInput } from '@/lib/calls/call-input';
import { changeCallStatus, createCall, updateCall } from '@/lib/calls/save-call';
import { optionalText, wholeNumber } from '@/lib/forms/fields';
import { formatMoney } from '@/lib/i18n/format';
import { getAppLocale } from '@/lib/i18n/app-locale';

async function money(cents: number) {
  return formatMoney(cents, await getAppLocale());
}

export const createCallAction = defineAction({
  name: 'calls.create',
  roles: CALL_TAKERS,
  input: callInput.extend({ holdOverride: optionalText(500, 'multiline') }),
  run: async ({ db, user, input }) => {
    const call = await createCall(db, user.id, input, { role: user.role, holdOverride: input.holdOverride });
    // Nothing to revalidate: the call search is a dynamic page, read anew at each visit, and the
    // form stays open for the next call. Revalidating would render the whole page again into the
    // answer of every save (the price of a second page per call taken).
    const t = await getTranslations('callForm');
    return { number: call.number, message: t('created', { number: call.number, price: await money(call.priceCents) }) };
  },
});

export const updateCallAction = defineAction({
  name: 'calls.update',
  roles: CALL_TAKERS,
  input: callInput.extend({ number: wholeNumber(1, Number.MAX_SAFE_INTEGER, 'invalid'), holdOverride: optionalText(500) }),
  run: async ({ db, user, input }) => {
    const { priceCents } = await updateCall(db, user.id, input.number, input, { role: user.role, holdOverride: input.holdOverride });
    const t = await getTranslations('callForm');
    return { message: t('updated', { price: await money(priceCents) }) };
  },
  revalidates: ({ input }) => ['/calls', `/calls/${input.number}`],
});

export const changeCallStatusAction = defineAction({
  name: 'calls.changeStatus',
  roles: CALL_TAKERS,
  input: z.object({ number: wholeNumber(1, Number.MAX_SAFE_INTEGER, 'invalid'), status: z.enum(CALL_STATUSES, { error: 'invalid' }) }),
  run: async ({ db, user, input }) => {
    await changeCallStatus(db, user.id, input.number, input.status);
    const t = await getTranslations();
    return { message: t('callActions.changed', { number: input.number, status: t(`callStatus.${input.status}`) }) };
  },
  revalidates: ({ input }) => ['/calls', `/calls/${input.number}`],
});
