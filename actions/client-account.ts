'use server';

import { getTranslations } from 'next-intl/server';
import { defineAction } from '@/actions/define-action';
import { ADMIN } from '@/lib/auth/roles';
import { creditTermsInput, saveCreditTerms } from '@/lib/receivables/credit-terms';

export const saveCreditTermsAction = defineAction({
  name: 'clients.saveCreditTerms',
  roles: ADMIN,
  input: creditTermsInput,
  run: async ({ db, user, input }) => {
    await saveCreditTerms(db, user.id, input);
    const t = await getTranslations('account');
    return { message: t('creditSaved') };
  },
  revalidates: ({ input }) => [`/clients/${input.clientNumber}/account`],
});
