'use client';

import { useActionState, useState } from 'react';
import { useTranslations } from 'next-intl';
import { saveCompanySettingsAction } from '@/actions/settings';
import { bindFields } from '@/components/form/bind-fields';
import { FormMessage, SelectField, TextField } from '@/components/form/fields';
import { idleState, type ActionState } from '@/actions/action-state';
import { PROVINCES } from '@/lib/clients/client-input';
import type { CompanySettingsFormValues } from '@/lib/settings/form-values';

type Saved = { message: string; values: CompanySettingsFormValues };

/**
 * The company's name, address and tax registration numbers. Controlled inputs: what was typed
 * stays when the server refuses it; once saved, the fields show the values as stored.
 */
export function SettingsForm({ initial }: { initial: CompanySettingsFormValues }) {
  const t = useTranslations('settingsForm');
  const [values, setValues] = useState(initial);
  const [state, formAction, isPending] = useActionState<ActionState<Saved>, FormData>(async (previous, formData) => {
    const result = await saveCompanySettingsAction(previous, formData);
    if (result.status === 'success') setValues(result.data.values);
    return result;
  }, idleState);
  const errors = state.status === 'error' ? state.fieldErrors : {};
  const { field } = bindFields(values, setValues, errors);

  return (
    <form action={formAction} className="form settings-form" aria-label={t('formLabel')}>
      <fieldset disabled={isPending} className="form-sections">
        <section>
          <h2>{t('sections.company')}</h2>
          <TextField {...field('name')} label={t('name')} required maxLength={200} />
          <TextField {...field('phone')} label={t('phone')} type="tel" maxLength={40} />
          <TextField {...field('email')} label={t('email')} type="email" maxLength={254} />
        </section>

        <section>
          <h2>{t('sections.address')}</h2>
          <TextField {...field('addressLine1')} label={t('addressLine1')} required maxLength={200} />
          <TextField {...field('addressLine2')} label={t('addressLine2')} maxLength={200} />
          <TextField {...field('city')} label={t('city')} required maxLength={100} />
          <SelectField {...field('province')} label={t('province')} options={PROVINCES.map((p) => ({ value: p, label: p }))} />
          <TextField {...field('postalCode')} label={t('postalCode')} required maxLength={7} />
        </section>

        <section>
          <h2>{t('sections.taxes')}</h2>
          <p className="hint">{t('taxesHint')}</p>
          <TextField
            {...field('gstNumber')}
            label={t('gstNumber')}
            hint={t('gstHint')}
            required
            maxLength={30}
            autoCapitalize="characters"
            spellCheck={false}
          />
          <TextField
            {...field('qstNumber')}
            label={t('qstNumber')}
            hint={t('qstHint')}
            required
            maxLength={30}
            autoCapitalize="characters"
            spellCheck={false}
          />
        </section>
      </fieldset>
      <FormMessage state={state} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={isPending}>
          {isPending ? t('saving') : t('save')}
        </button>
      </div>
    </form>
  );
}
