'use server';

import { getTranslations } from 'next-intl/server';
import { defineAction } from '@/actions/define-action';
import { ADMIN } from '@/lib/auth/roles';
import { changeUserRole, setUserActive } from '@/lib/users/change-user-access';
import { createUser } from '@/lib/users/create-user';
import { resetUserPassword } from '@/lib/users/reset-user-password';
import { changeRoleInput, createUserInput, resetPasswordInput, setActiveInput } from '@/lib/users/user-input';

/** The users' screens, and the audit log where every change of a user is written. */
const usersScreens = ({ input }: { input: { userId: number } }) => ['/admin/users', `/admin/users/${input.userId}`, '/admin/audit'];

export const createUserAction = defineAction({
  name: 'users.create',
  roles: ADMIN,
  input: createUserInput,
  run: async ({ db, user, input }) => {
    const { email } = await createUser(db, user.id, input);
    const t = await getTranslations('usersAdmin.form');
    return { message: t('created', { email }) };
  },
  revalidates: ['/admin/users', '/admin/audit'],
});

export const changeUserRoleAction = defineAction({
  name: 'users.changeRole',
  roles: ADMIN,
  input: changeRoleInput,
  run: async ({ db, user, input }) => {
    const { email } = await changeUserRole(db, user.id, input.userId, input.role);
    const t = await getTranslations();
    return { message: t('usersAdmin.detail.roleChanged', { email, role: t(`roles.${input.role}`) }) };
  },
  revalidates: usersScreens,
});

export const setUserActiveAction = defineAction({
  name: 'users.setActive',
  roles: ADMIN,
  input: setActiveInput,
  run: async ({ db, user, input }) => {
    const { email } = await setUserActive(db, user.id, input.userId, input.isActive);
    const t = await getTranslations('usersAdmin.detail');
    return { message: t(input.isActive ? 'reactivated' : 'deactivated', { email }) };
  },
  revalidates: usersScreens,
});

export const resetUserPasswordAction = defineAction({
  name: 'users.resetPassword',
  roles: ADMIN,
  input: resetPasswordInput,
  run: async ({ db, user, input }) => {
    const { email } = await resetUserPassword(db, user.id, input.userId, input.password);
    const t = await getTranslations('usersAdmin.detail');
    return { message: t('passwordReset', { email }) };
  },
  revalidates: usersScreens,
});
