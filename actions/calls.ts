'use server';

import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { withPreparedStatements } from '@/db/index';
import { defineAction } from '@/actions/define-action';
import { CALL_TAKERS } from '@/lib/auth/roles';
import { CALL_STATUSES, callInput, quoteInput } from '@/lib/calls/call-input';
import { defaultBillingTypeOf } from '@/lib/calls/call-rules';
import { changeCallStatus, createCall, quoteCall, updateCall } from '@/lib/calls/save-call';
import { optionalText, wholeNumber } from '@/lib/forms/fields';
import { todayInMontreal } from '@/lib/dates/montreal';
import { creditHoldOf } from '@/lib/receivables/credit-hold';
import { describeHold } from '@/lib/receivables/describe-hold';
import { formatMoney } from '@/lib/i18n/format';
import { referenceRulesOfCall } from '@/lib/references/find-references';
import { rulesInForce } from '@/lib/references/reference-rules';
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

/**
 * The client's name and the call's price, before saving: the same pricing function as the save,
 * with the client's own tariff and discount; and, when its tariff is passenger transport, the
 * billing type its trip takes unless the dispatcher chooses another (the form then asks for the
 * trip's fields); and the references its client and head require on the service date (the form
 * asks for each).
 */
export const quoteCallAction = defineAction({
  name: 'calls.quote',
  roles: CALL_TAKERS,
  input: quoteInput,
  run: async ({ db, user, input }) => {
    const t = await getTranslations('callForm');
    const today = todayInMontreal();
    // Read at once, each on its own connection: a client unknown or inactive answers its refusal.
    const serviceDate = input.serviceDate ?? today;
    const [quote, hold, rules] = await withPreparedStatements(() =>
      Promise.all([
        quoteCall(db, input.clientNumber, input),
        creditHoldOf(db, input.clientNumber, today, serviceDate),
        referenceRulesOfCall(db, input.clientNumber, serviceDate),
      ]),
    );
    const locale = await getAppLocale();
    return {
      client: quote.client,
      passenger: quote.tariff.isPassenger ? { defaultBillingType: defaultBillingTypeOf(quote.tariff) } : null,
      references: rulesInForce(rules, serviceDate),
      hold: hold
        ? describeHold(hold, {
            canOverride: user.role === 'admin',
            t: await getTranslations('hold'),
            money: (cents) => formatMoney(cents, locale),
          })
        : null,
      price: await money(quote.price.priceCents),
      detail: t('priceDetail', {
        tariff: quote.tariffCode,
        gross: await money(quote.price.grossCents),
        discount: await money(quote.price.discountCents),
      }),
    };
  },
});
