'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { invitePortalUserAction } from '@/actions/portal-access';
import { ActionForm, ActionMessage, SubmitRow, useActionForm } from '@/components/form/action-form';
import { bindFields } from '@/components/form/bind-fields';
import { SelectField, TextField } from '@/components/form/fields';
import type { Locale } from '@/lib/i18n/locale';

/** Invites a contact of the client to the portal: name, e-mail and language (the client's by default). */
export function PortalInviteForm({ clientNumber, language }: { clientNumber: number; language: Locale }) {
  const t = useTranslations('portalAccess');
  const empty = { name: '', email: '', language };
  const [values, setValues] = useState(empty);
  const form = useActionForm(invitePortalUserAction, { onSuccess: () => setValues(empty) });
  const { field } = bindFields(values, setValues, form.fieldErrors);
  return (
    <ActionForm form={form} fields={{ clientNumber }} className="form" aria-labelledby="portal-invite-title">
      <h3 id="portal-invite-title">{t('formTitle')}</h3>
      <TextField {...field('name')} id="portal-name" label={t('name')} required maxLength={120} />
      <TextField {...field('email')} id="portal-email" label={t('email')} type="email" required maxLength={254} />
      <SelectField
        {...field('language')}
        id="portal-language"
        label={t('language')}
        hint={t('languageHint')}
        options={(['fr', 'en'] as const).map((value) => ({ value, label: t(`languages.${value}`) }))}
        isNarrow
      />
      <ActionMessage />
      <SubmitRow label={t('invite')} />
    </ActionForm>
  );
}
