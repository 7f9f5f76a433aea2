'use server';

import { getTranslations } from 'next-intl/server';
import { defineAction } from '@/actions/define-action';
import { createTokenInput, revokeTokenInput } from '@/lib/api/token-input';
import { createApiToken, revokeApiToken } from '@/lib/api/tokens';
import { ADMIN } from '@/lib/auth/roles';

export const createApiTokenAction = defineAction({
  name: 'apiTokens.create',
  roles: ADMIN,
  input: createTokenInput,
  run: async ({ db, user, input }) => {
    const { secret } = await createApiToken(db, user.id, input);
    const t = await getTranslations('apiAdmin');
    // The secret goes back to the administrator this once; it is never stored.
    return { message: t('created', { name: input.name }), secret };
  },
  revalidates: ['/admin/api'],
});

export const revokeApiTokenAction = defineAction({
  name: 'apiTokens.revoke',
  roles: ADMIN,
  input: revokeTokenInput,
  run: async ({ db, user, input }) => {
    const { name } = await revokeApiToken(db, user.id, input.tokenId);
    const t = await getTranslations('apiAdmin');
    return { message: t('revoked', { name }) };
  },
  revalidates: ['/admin/api'],
});
