'use server';

import { getTranslations } from 'next-intl/server';
import { unstable_rethrow } from 'next/navigation';
import { actionFailure, appErrorFailure, formDataToObject, registerAnonymousAction, validationFailure } from '@/actions/define-action';
import type { ActionState } from '@/actions/action-state';
import { getDb } from '@/db/index';
import { AppError } from '@/lib/errors';
import { acceptInvitationInput } from '@/lib/portal/portal-input';
import { acceptInvitation } from '@/lib/portal/portal-users';

registerAnonymousAction('portalInvitation.accept', acceptInvitationAction);

/**
 * A portal user chooses its password from its invitation's link: no one is signed in yet, the
 * link's signed token is the only right it has (lib/portal/portal-users.ts checks it).
 */
export async function acceptInvitationAction(_previous: unknown, formData: FormData): Promise<ActionState<{ message: string }>> {
  const parsed = acceptInvitationInput.safeParse(formDataToObject(formData));
  if (!parsed.success) return validationFailure(parsed.error);
  try {
    const { email } = await acceptInvitation(getDb(), parsed.data);
    const t = await getTranslations('portalInvitation');
    return { status: 'success', data: { message: t('done', { email }) } };
  } catch (error) {
    unstable_rethrow(error);
    if (error instanceof AppError) return appErrorFailure(error);
    console.error('[action portalInvitation.accept]', error);
    return actionFailure('unexpected');
  }
}
