'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { createApiTokenAction } from '@/actions/api-tokens';
import { ActionForm, ActionMessage, SubmitRow, useActionForm } from '@/components/form/action-form';
import { bindFields } from '@/components/form/bind-fields';
import { SelectField, TextField } from '@/components/form/fields';
import { API_SCOPES } from '@/lib/api/token-input';

type Values = { name: string; scope: string };
const emptyValues: Values = { name: '', scope: 'write' };

/** A new token; its secret is shown once, under the form, until the page is left. */
export function CreateApiTokenForm() {
  const t = useTranslations('apiAdmin');
  const [values, setValues] = useState(emptyValues);
  const form = useActionForm(createApiTokenAction, { onSuccess: () => setValues(emptyValues) });
  const { field } = bindFields(values, setValues, form.fieldErrors);

  return (
    <ActionForm form={form} className="form" aria-label={t('newTitle')}>
      <fieldset disabled={form.isPending} className="form-sections">
        <section>
          <TextField {...field('name')} id="api-token-name" label={t('name')} hint={t('nameHint')} required maxLength={100} />
          <SelectField
            {...field('scope')}
            id="api-token-scope"
            label={t('scope')}
            options={API_SCOPES.map((scope) => ({ value: scope, label: t(`scopes.${scope}`) }))}
          />
        </section>
      </fieldset>
      <ActionMessage />
      {form.state.status === 'success' ? (
        <p>
          <label htmlFor="api-token-secret">{t('secret')}</label>
          <input
            id="api-token-secret"
            readOnly
            value={form.state.data.secret}
            className="mono"
            size={52}
            onFocus={(event) => event.target.select()}
          />
        </p>
      ) : null}
      <SubmitRow label={t('create')} />
    </ActionForm>
  );
}
