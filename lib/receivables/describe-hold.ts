/** A credit hold in the reader's language, for call taking and the client's account. */
import { getTranslations } from 'next-intl/server';
import { getAppLocale } from '@/lib/i18n/app-locale';
import { formatMoney } from '@/lib/i18n/format';
import type { CreditHold } from './credit-hold';

export type HoldView = { effect: 'warn' | 'block'; title: string; billedOn: string; reasons: string[]; canOverride: boolean };

export async function describeHold(hold: CreditHold, canOverride: boolean): Promise<HoldView | null> {
  if (hold.effect === 'none') return null;
  const t = await getTranslations('hold');
  const locale = await getAppLocale();
  return {
    effect: hold.effect,
    title: hold.effect === 'block' ? t('blockTitle') : t('warnTitle'),
    billedOn: t('billedOn', { number: hold.billedClientNumber, name: hold.billedClientName }),
    reasons: hold.reasons.map((reason) =>
      reason.kind === 'suspended'
        ? t('reasons.suspended', { reason: reason.reason })
        : reason.kind === 'overLimit'
          ? t('reasons.overLimit', { balance: formatMoney(reason.balanceCents, locale), limit: formatMoney(reason.limitCents, locale) })
          : t('reasons.pastDue', { days: reason.days, threshold: reason.threshold }),
    ),
    canOverride: hold.effect === 'block' && canOverride,
  };
}
