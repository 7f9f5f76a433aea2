'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { removeCompanyLogoAction, uploadCompanyLogoAction } from '@/actions/settings';
import { ActionForm, SubmitButton, SubmitRow, useActionForm } from '@/components/form/action-form';
import { FormMessage, TextField } from '@/components/form/fields';
import { MAX_LOGO_BYTES } from '@/lib/settings/logo-image';

/**
 * The current logo, a PNG or JPEG upload to replace it, and its removal. Both forms share one
 * outcome message: the last thing done is the one reported.
 */
export function LogoForm({ logo }: { logo: string | null }) {
  const t = useTranslations('settingsForm.logo');
  const tErrors = useTranslations('errors');
  const form = useActionForm<unknown>((previous, formData) =>
    formData.get('intent') === 'remove' ? removeCompanyLogoAction(previous, formData) : uploadCompanyLogoAction(previous, formData),
  );
  // Checked in the browser too: a file far larger than the limit would not even reach the action.
  const [isTooLarge, setIsTooLarge] = useState(false);
  const errors = isTooLarge ? [tErrors('settings.logoTooLarge')] : form.fieldErrors.logo;

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
      <ActionForm form={form} className="form" aria-label={t('formLabel')}>
        <TextField
          type="file"
          name="logo"
          id="logo"
          label={t('file')}
          hint={t('fileHint')}
          accept="image/png,image/jpeg"
          errors={errors}
          required
          disabled={form.isPending}
          onChange={(event) => {
            const file = event.target.files?.[0];
            setIsTooLarge(file !== undefined && file.size > MAX_LOGO_BYTES);
          }}
        />
        <SubmitRow label={t('upload')} pendingLabel={t('uploading')} disabled={isTooLarge} />
      </ActionForm>
      {logo ? (
        <ActionForm form={form} fields={{ intent: 'remove' }}>
          <SubmitButton label={t('remove')} variant="secondary" />
        </ActionForm>
      ) : null}
      <FormMessage state={form.state} />
    </div>
  );
}
