'use client';

import { useActionState, useState } from 'react';
import { useTranslations } from 'next-intl';
import { changeUserRoleAction, createUserAction, resetUserPasswordAction, setUserActiveAction } from '@/actions/users';
import { bindFields } from '@/components/form/bind-fields';
import { FormMessage, SelectField, TextField } from '@/components/form/fields';
import { idleState, type ActionState } from '@/actions/action-state';
import { ROLES, type Role } from '@/lib/auth/roles';
import { LOCALES } from '@/lib/i18n/locale';

type CreateValues = { name: string; email: string; role: string; locale: string; password: string };
const emptyCreateValues: CreateValues = { name: '', email: '', role: 'dispatcher', locale: 'fr', password: '' };

function useRoleOptions() {
  const t = useTranslations('roles');
  return ROLES.map((role) => ({ value: role, label: t(role) }));
}

/** A new user with an initial password. Controlled inputs: what was typed stays on an error. */
export function CreateUserForm() {
  const t = useTranslations('usersAdmin');
  const roleOptions = useRoleOptions();
  const [values, setValues] = useState(emptyCreateValues);
  const [state, formAction, isPending] = useActionState<ActionState<unknown>, FormData>(async (previous, formData) => {
    const result = await createUserAction(previous, formData);
    if (result.status === 'success') setValues(emptyCreateValues);
    return result;
  }, idleState);
  const errors = state.status === 'error' ? state.fieldErrors : {};
  const { field } = bindFields(values, setValues, errors);

  return (
    <form action={formAction} className="form" aria-label={t('newTitle')}>
      <fieldset disabled={isPending} className="form-sections">
        <section>
          <TextField {...field('name')} id="new-user-name" label={t('form.name')} required maxLength={120} />
          <TextField {...field('email')} id="new-user-email" type="email" label={t('form.email')} required autoComplete="off" />
          <SelectField {...field('role')} id="new-user-role" label={t('form.role')} options={roleOptions} />
          <SelectField
            {...field('locale')}
            id="new-user-locale"
            label={t('form.locale')}
            options={LOCALES.map((locale) => ({ value: locale, label: t(`locales.${locale}`) }))}
          />
          <TextField
            {...field('password')}
            id="new-user-password"
            type="password"
            label={t('form.password')}
            hint={t('form.passwordHint')}
            required
            minLength={10}
            autoComplete="new-password"
          />
        </section>
      </fieldset>
      <FormMessage state={state} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={isPending}>
          {isPending ? t('form.creating') : t('form.create')}
        </button>
      </div>
    </form>
  );
}

/** Disabled for oneself (an administrator cannot drop their own role); the server refuses it anyway. */
export function ChangeRoleForm({ userId, role, isSelf }: { userId: number; role: Role; isSelf: boolean }) {
  const t = useTranslations('usersAdmin.detail');
  const roleOptions = useRoleOptions();
  const [value, setValue] = useState<string>(role);
  const [state, formAction, isPending] = useActionState(changeUserRoleAction, idleState);
  return (
    <form action={formAction} className="form inline-form">
      <input type="hidden" name="userId" value={userId} />
      <SelectField
        id="user-role"
        name="role"
        label={t('roleLabel')}
        hint={isSelf ? t('selfRoleHint') : undefined}
        value={value}
        onChange={(event) => setValue(event.target.value)}
        errors={state.status === 'error' ? state.fieldErrors.role : undefined}
        options={roleOptions}
        disabled={isSelf}
      />
      <button type="submit" className="primary" disabled={isPending || isSelf}>
        {t('changeRole')}
      </button>
      <FormMessage state={state} />
    </form>
  );
}

/** Disabled for oneself when active (no self-deactivation); the server refuses it anyway. */
export function SetActiveForm({ userId, isActive, isSelf }: { userId: number; isActive: boolean; isSelf: boolean }) {
  const t = useTranslations('usersAdmin.detail');
  const [state, formAction, isPending] = useActionState(setUserActiveAction, idleState);
  return (
    <form action={formAction} className="form">
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="isActive" value={isActive ? 'false' : 'true'} />
      <p>{isActive ? t('isActive') : t('isInactive')}</p>
      {isActive && isSelf ? <p className="hint">{t('selfActiveHint')}</p> : null}
      <div className="form-actions">
        <button type="submit" className={isActive ? 'secondary' : 'primary'} disabled={isPending || (isActive && isSelf)}>
          {isActive ? t('deactivate') : t('reactivate')}
        </button>
      </div>
      <FormMessage state={state} />
    </form>
  );
}

export function ResetPasswordForm({ userId }: { userId: number }) {
  const t = useTranslations('usersAdmin.detail');
  const [password, setPassword] = useState('');
  const [state, formAction, isPending] = useActionState<ActionState<unknown>, FormData>(async (previous, formData) => {
    const result = await resetUserPasswordAction(previous, formData);
    if (result.status === 'success') setPassword('');
    return result;
  }, idleState);
  return (
    <form action={formAction} className="form inline-form">
      <input type="hidden" name="userId" value={userId} />
      <TextField
        id="user-new-password"
        name="password"
        type="password"
        label={t('newPassword')}
        hint={t('passwordHint')}
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        errors={state.status === 'error' ? state.fieldErrors.password : undefined}
        required
        minLength={10}
        autoComplete="new-password"
      />
      <button type="submit" className="primary" disabled={isPending}>
        {t('resetPassword')}
      </button>
      <FormMessage state={state} />
    </form>
  );
}
