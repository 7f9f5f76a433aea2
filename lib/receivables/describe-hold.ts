/** A credit hold in the reader's language, for call taking and the client's account. */
import type { getTranslations } from 'next-intl/server';
import type { CreditHold } from './credit-hold';

export type HoldView = { effect: 'warn' | 'block'; title: string; billedOn: string; reasons: string[]; canOverride: boolean };
type HoldMessages = Awaited<ReturnType<typeof getTranslations<'hold'>>>;

/** What a hold says, with the `hold` messages and the reader's money format; null when nothing holds the account. */
export function describeHold(
  hold: CreditHold,
  options: { canOverride: boolean; t: HoldMessages; money: (cents: number) => string },
): HoldView | null {
  if (hold.effect === 'none') return null;
  const { t, money } = options;
  return {
    effect: hold.effect,
    title: hold.effect === 'block' ? t('blockTitle') : t('warnTitle'),
    billedOn: t('billedOn', { number: hold.billedClientNumber, name: hold.billedClientName }),
    reasons: hold.reasons.map((reason) =>
      reason.kind === 'suspended'
        ? t('reasons.suspended', { reason: reason.reason })
        : reason.kind === 'overLimit'
          ? t('reasons.overLimit', { balance: money(reason.balanceCents), limit: money(reason.limitCents) })
          : t('reasons.pastDue', { days: reason.days, threshold: reason.threshold }),
    ),
    canOverride: hold.effect === 'block' && options.canOverride,
  };
}
