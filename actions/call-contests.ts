'use server';

import { getTranslations } from 'next-intl/server';
import { defineAction } from '@/actions/define-action';
import { BILLING, PORTAL } from '@/lib/auth/roles';
import { answerContest, contestCall } from '@/lib/contests/call-contests';
import { answerContestInput, contestCallInput } from '@/lib/contests/contest-input';
import { AppError } from '@/lib/errors';
import { portalAccountOf } from '@/lib/portal/portal-account';

/** `Contester`: a portal user contests a call of its own account, the account read from its user, never from the request. */
export const contestCallAction = defineAction({
  name: 'portal.contestCall',
  roles: PORTAL,
  input: contestCallInput,
  run: async ({ db, user, input }) => {
    const account = await portalAccountOf(user);
    if (!account) throw new AppError('contest.callNotFound', { number: input.number });
    await contestCall(db, user.id, account.number, input);
    const t = await getTranslations('portalContests');
    return { message: t('sent', { number: input.number }) };
  },
  revalidates: ({ input }) => [`/portal/calls/${input.number}`, '/portal', '/portal/calls'],
});

/** The billing clerk's answer to a contest, read by the portal user: administrators and billing clerks. */
export const answerContestAction = defineAction({
  name: 'billing.answerContest',
  roles: BILLING,
  input: answerContestInput,
  run: async ({ db, user, input }) => {
    const { callNumber } = await answerContest(db, user.id, input);
    const t = await getTranslations('callContests');
    return { message: t(input.decision === 'accepted' ? 'acceptedDone' : 'refusedDone', { number: callNumber }), callNumber };
  },
  revalidates: ({ result }) => ['/billing/contests', '/billing/review', '/billing', result && `/calls/${result.callNumber}`],
});
