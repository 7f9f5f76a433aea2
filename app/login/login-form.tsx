'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { signInAction, type SignInState } from '@/actions/sign-in';
import { TextField } from '@/components/form/fields';

export function LoginForm({ callbackUrl }: { callbackUrl?: string }) {
  const t = useTranslations('login');
  const [state, formAction, isPending] = useActionState<SignInState, FormData>(signInAction, {});
  // A refused sign-in names neither field: both point to the one message under them.
  const describedBy = state.error ? 'login-error' : undefined;
  return (
    <form action={formAction} className="form" noValidate={false}>
      {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
      <TextField
        name="email"
        label={t('email')}
        type="email"
        autoComplete="username"
        required
        autoFocus
        defaultValue={state.email}
        aria-describedby={describedBy}
      />
      <TextField
        name="password"
        label={t('password')}
        type="password"
        autoComplete="current-password"
        required
        aria-describedby={describedBy}
      />
      {state.error ? (
        <p id="login-error" className="error" data-testid="login-error">
          {state.error}
        </p>
      ) : null}
      <button type="submit" className="primary" disabled={isPending}>
        {isPending ? t('submitting') : t('submit')}
      </button>
    </form>
  );
}
