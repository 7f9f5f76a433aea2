'use client';

import { useActionState, useState } from 'react';
import { useTranslations } from 'next-intl';
import { createApiTokenAction } from '@/actions/api-tokens';
import { bindFields } from '@/components/form/bind-fields';
import { FormMessage, SelectField, TextField } from '@/components/form/fields';
import { idleState, type ActionState } from '@/actions/action-state';
import { API_SCOPES } from '@/lib/api/token-input';

type Values = { name: string; scope: string };
const emptyValues: Values = { name: '', scope: 'write' };

/** A new token; its secret is shown once, under the form, until the page is left. */
export function CreateApiTokenForm() {
  const t = useTranslations('apiAdmin');
  const [values, setValues] = useState(emptyValues);
  const [state, formAction, isPending] = useActionState<ActionState<{ message: string; secret: string }>, FormData>(
    async (previous, formData) => {
      const result = await createApiTokenAction(previous, formData);
      if (result.status === 'success') setValues(emptyValues);
      return result;
    },
    idleState,
  );
  const errors = state.status === 'error' ? state.fieldErrors : {};
  const { field } = bindFields(values, setValues, errors);

  return (
    <form action={formAction} className="form" aria-label={t('newTitle')}>
      <fieldset disabled={isPending} className="form-sections">
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
      <FormMessage state={state} />
      {state.status === 'success' ? (
        <p>
          <label htmlFor="api-token-secret">{t('secret')}</label>
          <input
            id="api-token-secret"
            readOnly
            value={state.data.secret}
            className="mono"
            size={52}
            onFocus={(event) => event.target.select()}
          />
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={isPending}>
          {t('create')}
        </button>
      </div>
    </form>
  );
}
