'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { changeUserRoleAction, createUserAction, resetUserPasswordAction, setUserActiveAction } from '@/actions/users';
import { ActionForm, ActionMessage, SubmitButton, SubmitRow, useActionForm } from '@/components/form/action-form';
import { bindFields } from '@/components/form/bind-fields';
import { SelectField, TextField } from '@/components/form/fields';
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
  const form = useActionForm(createUserAction, { onSuccess: () => setValues(emptyCreateValues) });
  const { field } = bindFields(values, setValues, form.fieldErrors);

  return (
    <ActionForm
      form={form}
      className="form"
      aria-label={t('newTitle')}
      submit={{ label: t('form.create'), pendingLabel: t('form.creating') }}
    >
      <fieldset disabled={form.isPending} className="form-sections">
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
    </ActionForm>
  );
}

/** Disabled for oneself (an administrator cannot drop their own role); the server refuses it anyway. */
export function ChangeRoleForm({ userId, role, isSelf }: { userId: number; role: Role; isSelf: boolean }) {
  const t = useTranslations('usersAdmin.detail');
  const roleOptions = useRoleOptions();
  const [value, setValue] = useState<string>(role);
  const form = useActionForm(changeUserRoleAction);
  return (
    <ActionForm form={form} fields={{ userId }} className="form inline-form">
      <SelectField
        id="user-role"
        name="role"
        label={t('roleLabel')}
        hint={isSelf ? t('selfRoleHint') : undefined}
        value={value}
        onChange={(event) => setValue(event.target.value)}
        errors={form.fieldErrors.role}
        options={roleOptions}
        disabled={isSelf}
      />
      <SubmitButton label={t('changeRole')} disabled={isSelf} />
      <ActionMessage />
    </ActionForm>
  );
}

/** Disabled for oneself when active (no self-deactivation); the server refuses it anyway. */
export function SetActiveForm({ userId, isActive, isSelf }: { userId: number; isActive: boolean; isSelf: boolean }) {
  const t = useTranslations('usersAdmin.detail');
  const form = useActionForm(setUserActiveAction);
  return (
    <ActionForm form={form} fields={{ userId, isActive: isActive ? 'false' : 'true' }} className="form">
      <p>{isActive ? t('isActive') : t('isInactive')}</p>
      {isActive && isSelf ? <p className="hint">{t('selfActiveHint')}</p> : null}
      <SubmitRow
        label={isActive ? t('deactivate') : t('reactivate')}
        variant={isActive ? 'secondary' : 'primary'}
        disabled={isActive && isSelf}
      />
      <ActionMessage />
    </ActionForm>
  );
}

export function ResetPasswordForm({ userId }: { userId: number }) {
  const t = useTranslations('usersAdmin.detail');
  const [password, setPassword] = useState('');
  const form = useActionForm(resetUserPasswordAction, { onSuccess: () => setPassword('') });
  return (
    <ActionForm form={form} fields={{ userId }} className="form inline-form">
      <TextField
        id="user-new-password"
        name="password"
        type="password"
        label={t('newPassword')}
        hint={t('passwordHint')}
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        errors={form.fieldErrors.password}
        required
        minLength={10}
        autoComplete="new-password"
      />
      <SubmitButton label={t('resetPassword')} />
      <ActionMessage />
    </ActionForm>
  );
}
