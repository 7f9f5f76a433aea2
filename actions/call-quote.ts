import { getTranslations } from 'next-intl/server';
import type { z } from 'zod';
import { withPreparedStatements, type Db } from '@/db/index';
import type { CurrentUser } from '@/lib/auth/current-user';
import type { quoteInput } from '@/lib/calls/call-input';
import { defaultBillingTypeOf } from '@/lib/calls/call-rules';
import { quoteCall } from '@/lib/calls/save-call';
import { todayInMontreal } from '@/lib/dates/montreal';
import { getAppLocale } from '@/lib/i18n/app-locale';
import { formatMoney } from '@/lib/i18n/format';
import { creditHoldOf } from '@/lib/receivables/credit-hold';
import { describeHold } from '@/lib/receivables/describe-hold';
import { referenceRulesOfCall } from '@/lib/references/find-references';
import { rulesInForce } from '@/lib/references/reference-rules';

/**
 * The call-taking screen's preview, asked as the dispatcher types (components/calls/use-call-quote.ts):
 * the client's name and the call's price, by the same pricing function as the save, with the
 * client's own tariff and discount; and, when its tariff is passenger transport, the billing type
 * its trip takes unless the dispatcher chooses another (the form then asks for the trip's fields);
 * its account's credit hold; and the references its client and head require on the service date
 * (the form asks for each). It only reads.
 */
export async function quoteForCallForm({ db, user, input }: { db: Db; user: CurrentUser; input: z.output<typeof quoteInput> }) {
  const today = todayInMontreal();
  const serviceDate = input.serviceDate ?? today;
  // Read at once, each on its own connection: a client unknown or inactive answers its refusal.
  const [quote, hold, rules] = await withPreparedStatements(() =>
    Promise.all([
      quoteCall(db, input.clientNumber, input),
      creditHoldOf(db, input.clientNumber, today, serviceDate),
      referenceRulesOfCall(db, input.clientNumber, serviceDate),
    ]),
  );
  const [t, locale] = await Promise.all([getTranslations('callForm'), getAppLocale()]);
  const money = (cents: number) => formatMoney(cents, locale);
  return {
    client: quote.client,
    passenger: quote.tariff.isPassenger ? { defaultBillingType: defaultBillingTypeOf(quote.tariff) } : null,
    references: rulesInForce(rules, serviceDate),
    hold: hold ? describeHold(hold, { canOverride: user.role === 'admin', t: await getTranslations('hold'), money }) : null,
    price: money(quote.price.priceCents),
    detail: t('priceDetail', {
      tariff: quote.tariffCode,
      gross: money(quote.price.grossCents),
      discount: money(quote.price.discountCents),
    }),
  };
}

export type CallFormQuote = Awaited<ReturnType<typeof quoteForCallForm>>;
