'use server';

import { registerAnonymousAction } from '@/lib/actions/define-action';
import { signOut } from './index';

registerAnonymousAction('auth.signOut', signOutAction);

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: '/login' });
}
