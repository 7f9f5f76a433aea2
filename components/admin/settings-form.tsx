'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { saveCompanySettingsAction } from '@/actions/settings';
import { ActionForm, useActionForm } from '@/components/form/action-form';
import { bindFields } from '@/components/form/bind-fields';
import { CheckboxField, SelectField, TextField } from '@/components/form/fields';
import { PROVINCES } from '@/lib/clients/client-input';
import type { CompanySettingsFormValues } from '@/lib/settings/form-values';

/**
 * The company's name, address and tax registration numbers. Controlled inputs: what was typed
 * stays when the server refuses it; once saved, the fields show the values as stored.
 */
export function SettingsForm({ initial }: { initial: CompanySettingsFormValues }) {
  const t = useTranslations('settingsForm');
  const [values, setValues] = useState(initial);
  const form = useActionForm(saveCompanySettingsAction, { onSuccess: (saved) => setValues(saved.values) });
  const { field, checkbox } = bindFields(values, setValues, form.fieldErrors);

  return (
    <ActionForm
      form={form}
      className="form settings-form"
      aria-label={t('formLabel')}
      submit={{ label: t('save'), pendingLabel: t('saving') }}
    >
      <fieldset disabled={form.isPending} className="form-sections">
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

        <section>
          <h2>{t('sections.review')}</h2>
          <TextField
            {...field('reviewPriceFactor')}
            label={t('reviewPriceFactor')}
            hint={t('reviewPriceFactorHint')}
            inputMode="numeric"
            required
            maxLength={2}
            isNarrow
          />
          <CheckboxField
            {...checkbox('isContestNoticeEmailed')}
            label={t('isContestNoticeEmailed')}
            hint={t('isContestNoticeEmailedHint')}
          />
        </section>
      </fieldset>
    </ActionForm>
  );
}
