'use client';

import { useActionState, useState } from 'react';
import { useTranslations } from 'next-intl';
import { saveCompanySettingsAction } from '@/app/(app)/admin/settings/actions';
import { FormMessage, SelectField, TextField } from '@/components/form/fields';
import { idleState, type ActionState } from '@/lib/actions/action-state';
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
  const set = (field: keyof CompanySettingsFormValues) => (event: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [field]: event.target.value }));

  return (
    <form action={formAction} className="form settings-form" aria-label={t('formLabel')}>
      <fieldset disabled={isPending} className="form-sections">
        <section>
          <h2>{t('sections.company')}</h2>
          <TextField
            name="name"
            label={t('name')}
            value={values.name}
            onChange={set('name')}
            errors={errors.name}
            required
            maxLength={200}
          />
          <TextField
            name="phone"
            label={t('phone')}
            value={values.phone}
            onChange={set('phone')}
            errors={errors.phone}
            type="tel"
            maxLength={40}
          />
          <TextField
            name="email"
            label={t('email')}
            value={values.email}
            onChange={set('email')}
            errors={errors.email}
            type="email"
            maxLength={254}
          />
        </section>

        <section>
          <h2>{t('sections.address')}</h2>
          <TextField
            name="addressLine1"
            label={t('addressLine1')}
            value={values.addressLine1}
            onChange={set('addressLine1')}
            errors={errors.addressLine1}
            required
            maxLength={200}
          />
          <TextField
            name="addressLine2"
            label={t('addressLine2')}
            value={values.addressLine2}
            onChange={set('addressLine2')}
            errors={errors.addressLine2}
            maxLength={200}
          />
          <TextField
            name="city"
            label={t('city')}
            value={values.city}
            onChange={set('city')}
            errors={errors.city}
            required
            maxLength={100}
          />
          <SelectField
            name="province"
            label={t('province')}
            value={values.province}
            onChange={set('province')}
            errors={errors.province}
            options={PROVINCES.map((p) => ({ value: p, label: p }))}
          />
          <TextField
            name="postalCode"
            label={t('postalCode')}
            value={values.postalCode}
            onChange={set('postalCode')}
            errors={errors.postalCode}
            required
            maxLength={7}
          />
        </section>

        <section>
          <h2>{t('sections.taxes')}</h2>
          <p className="hint">{t('taxesHint')}</p>
          <TextField
            name="gstNumber"
            label={t('gstNumber')}
            hint={t('gstHint')}
            value={values.gstNumber}
            onChange={set('gstNumber')}
            errors={errors.gstNumber}
            required
            maxLength={30}
            autoCapitalize="characters"
            spellCheck={false}
          />
          <TextField
            name="qstNumber"
            label={t('qstNumber')}
            hint={t('qstHint')}
            value={values.qstNumber}
            onChange={set('qstNumber')}
            errors={errors.qstNumber}
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
