/** The forms of the API tokens screen (/admin/api): a new token, a revocation. */
import { z } from 'zod';
import { requiredText, wholeNumber } from '@/lib/forms/fields';

export const API_SCOPES = ['read', 'write'] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export const createTokenInput = z.object({
  name: requiredText(100),
  scope: z.enum(API_SCOPES, { error: 'invalid' }),
});
export type CreateTokenInput = z.output<typeof createTokenInput>;

export const revokeTokenInput = z.object({ tokenId: wholeNumber(1, 2_147_483_647) });
