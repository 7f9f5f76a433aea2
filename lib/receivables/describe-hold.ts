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
    reasons: hold.reasons.map((reason) => {
      // A member's own suspension or invoices from before it joined: named, since they are not its head's.
      const isMembers = reason.clientNumber !== hold.billedClientNumber;
      if (reason.kind === 'suspended')
        return isMembers
          ? t('reasons.memberSuspended', { number: reason.clientNumber, reason: reason.reason })
          : t('reasons.suspended', { reason: reason.reason });
      if (reason.kind === 'overLimit')
        return t('reasons.overLimit', { balance: money(reason.balanceCents), limit: money(reason.limitCents) });
      return isMembers
        ? t('reasons.memberPastDue', { number: reason.clientNumber, days: reason.days, threshold: reason.threshold })
        : t('reasons.pastDue', { days: reason.days, threshold: reason.threshold });
    }),
    canOverride: hold.effect === 'block' && options.canOverride,
  };
}
