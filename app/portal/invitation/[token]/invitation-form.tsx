'use client';

import { Link } from '@/components/link';
import { useTranslations } from 'next-intl';
import { acceptInvitationAction } from '@/actions/portal-invitation';
import { ActionForm, ActionMessage, SubmitRow, useActionForm } from '@/components/form/action-form';
import { TextField } from '@/components/form/fields';

/** The password a portal user chooses from its invitation, typed twice; then the way to sign in. */
export function InvitationForm({ token }: { token: string }) {
  const t = useTranslations('portalInvitation');
  const form = useActionForm(acceptInvitationAction);
  if (form.state.status === 'success')
    return (
      <>
        <p role="status">{form.state.data.message}</p>
        <p>
          <Link href="/login">{t('signIn')}</Link>
        </p>
      </>
    );
  return (
    <ActionForm form={form} fields={{ token }} className="form" aria-label={t('title')}>
      <TextField
        name="password"
        id="invitation-password"
        label={t('password')}
        hint={t('passwordHint')}
        type="password"
        autoComplete="new-password"
        required
        errors={form.fieldErrors.password}
      />
      <TextField
        name="confirmation"
        id="invitation-confirmation"
        label={t('confirmation')}
        type="password"
        autoComplete="new-password"
        required
        errors={form.fieldErrors.confirmation}
      />
      <ActionMessage />
      <SubmitRow label={t('save')} />
    </ActionForm>
  );
}
