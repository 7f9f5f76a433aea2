'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { defineAction } from '@/lib/actions/define-action';
import { ADMIN } from '@/lib/auth/roles';
import { changeUserRole, setUserActive } from '@/lib/users/change-user-access';
import { createUser } from '@/lib/users/create-user';
import { resetUserPassword } from '@/lib/users/reset-user-password';
import { changeRoleInput, createUserInput, resetPasswordInput, setActiveInput } from '@/lib/users/user-input';

function revalidateUsers(id?: number) {
  revalidatePath('/admin/users');
  if (id !== undefined) revalidatePath(`/admin/users/${id}`);
  revalidatePath('/admin/audit');
}

export const createUserAction = defineAction({
  name: 'users.create',
  roles: ADMIN,
  input: createUserInput,
  run: async ({ db, user, input }) => {
    const { email } = await createUser(db, user.id, input);
    revalidateUsers();
    const t = await getTranslations('usersAdmin.form');
    return { message: t('created', { email }) };
  },
});

export const changeUserRoleAction = defineAction({
  name: 'users.changeRole',
  roles: ADMIN,
  input: changeRoleInput,
  run: async ({ db, user, input }) => {
    const { email } = await changeUserRole(db, user.id, input.userId, input.role);
    revalidateUsers(input.userId);
    const t = await getTranslations();
    return { message: t('usersAdmin.detail.roleChanged', { email, role: t(`roles.${input.role}`) }) };
  },
});

export const setUserActiveAction = defineAction({
  name: 'users.setActive',
  roles: ADMIN,
  input: setActiveInput,
  run: async ({ db, user, input }) => {
    const { email } = await setUserActive(db, user.id, input.userId, input.isActive);
    revalidateUsers(input.userId);
    const t = await getTranslations('usersAdmin.detail');
    return { message: t(input.isActive ? 'reactivated' : 'deactivated', { email }) };
  },
});

export const resetUserPasswordAction = defineAction({
  name: 'users.resetPassword',
  roles: ADMIN,
  input: resetPasswordInput,
  run: async ({ db, user, input }) => {
    const { email } = await resetUserPassword(db, user.id, input.userId, input.password);
    revalidateUsers(input.userId);
    const t = await getTranslations('usersAdmin.detail');
    return { message: t('passwordReset', { email }) };
  },
});
