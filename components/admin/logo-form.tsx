'use client';

import { useActionState, useState } from 'react';
import { useTranslations } from 'next-intl';
import { removeCompanyLogoAction, uploadCompanyLogoAction } from '@/actions/settings';
import { FormMessage, TextField } from '@/components/form/fields';
import { idleState, type ActionState } from '@/actions/action-state';
import { MAX_LOGO_BYTES } from '@/lib/settings/logo-image';

/**
 * The current logo, a PNG or JPEG upload to replace it, and its removal. Both forms share one
 * outcome message: the last thing done is the one reported.
 */
export function LogoForm({ logo }: { logo: string | null }) {
  const t = useTranslations('settingsForm.logo');
  const tErrors = useTranslations('errors');
  const [state, formAction, isPending] = useActionState<ActionState<unknown>, FormData>(
    (previous, formData) =>
      formData.get('intent') === 'remove' ? removeCompanyLogoAction(previous, formData) : uploadCompanyLogoAction(previous, formData),
    idleState,
  );
  // Checked in the browser too: a file far larger than the limit would not even reach the action.
  const [isTooLarge, setIsTooLarge] = useState(false);
  const serverErrors = state.status === 'error' ? state.fieldErrors.logo : undefined;
  const errors = isTooLarge ? [tErrors('settings.logoTooLarge')] : serverErrors;

  return (
    <div className="form">
      <div>
        <p className="hint">{t('current')}</p>
        {logo ? (
          // A data URL from the database: next/image would add nothing to it.
          // eslint-disable-next-line @next/next/no-img-element
          <img src={logo} alt={t('alt')} style={{ maxWidth: '16rem', maxHeight: '8rem', objectFit: 'contain' }} />
        ) : (
          <p>{t('none')}</p>
        )}
      </div>
      <form action={formAction} className="form" aria-label={t('formLabel')}>
        <TextField
          type="file"
          name="logo"
          id="logo"
          label={t('file')}
          hint={t('fileHint')}
          accept="image/png,image/jpeg"
          errors={errors}
          required
          disabled={isPending}
          onChange={(event) => {
            const file = event.target.files?.[0];
            setIsTooLarge(file !== undefined && file.size > MAX_LOGO_BYTES);
          }}
        />
        <div className="form-actions">
          <button type="submit" className="primary" disabled={isPending || isTooLarge}>
            {isPending ? t('uploading') : t('upload')}
          </button>
        </div>
      </form>
      {logo ? (
        <form action={formAction}>
          <input type="hidden" name="intent" value="remove" />
          <button type="submit" className="secondary" disabled={isPending}>
            {t('remove')}
          </button>
        </form>
      ) : null}
      <FormMessage state={state} />
    </div>
  );
}
