'use server';

import { registerAnonymousAction } from '@/actions/define-action';
import { signOut } from '@/lib/auth/index';

registerAnonymousAction('auth.signOut', signOutAction);

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: '/login' });
}
