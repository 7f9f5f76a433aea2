'use server';

import { getTranslations } from 'next-intl/server';
import { defineAction } from '@/actions/define-action';
import { ADMIN } from '@/lib/auth/roles';
import { referenceRuleInput, removeReferenceInput, subtotalReferenceInput } from '@/lib/references/reference-input';
import { removeReferenceRule, saveReferenceRule, setSubtotalReference } from '@/lib/references/save-references';

/** A client's required references, on its page: administrators only, as the rest of the client. */
export const saveReferenceRuleAction = defineAction({
  name: 'clients.saveReference',
  roles: ADMIN,
  input: referenceRuleInput,
  run: async ({ db, user, input }) => {
    const { label } = await saveReferenceRule(db, user.id, input);
    const t = await getTranslations('references');
    return { message: t('saved', { label }) };
  },
  revalidates: ({ input }) => [`/clients/${input.clientNumber}`],
});

export const removeReferenceRuleAction = defineAction({
  name: 'clients.removeReference',
  roles: ADMIN,
  input: removeReferenceInput,
  run: async ({ db, user, input }) => {
    const { label } = await removeReferenceRule(db, user.id, input);
    const t = await getTranslations('references');
    return { message: t('removed', { label }) };
  },
  revalidates: ({ input }) => [`/clients/${input.clientNumber}`],
});

export const setSubtotalReferenceAction = defineAction({
  name: 'clients.subtotalReference',
  roles: ADMIN,
  input: subtotalReferenceInput,
  run: async ({ db, user, input }) => {
    const { label } = await setSubtotalReference(db, user.id, input);
    const t = await getTranslations('references');
    return { message: label === null ? t('subtotalNone') : t('subtotalSet', { label }) };
  },
  revalidates: ({ input }) => [`/clients/${input.clientNumber}`],
});
