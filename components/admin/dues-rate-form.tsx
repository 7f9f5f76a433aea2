'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { setDuesRateAction } from '@/actions/settings';
import { ActionForm, useActionForm } from '@/components/form/action-form';
import { bindFields } from '@/components/form/bind-fields';
import { TextField } from '@/components/form/fields';

const EMPTY = { effectiveFrom: '', rateCents: '' };

/** Adds a dues rate from a date (or gives a date that has one its new amount); emptied once saved. */
export function DuesRateForm() {
  const t = useTranslations('settingsForm.dues');
  const [values, setValues] = useState(EMPTY);
  const form = useActionForm(setDuesRateAction, { onSuccess: () => setValues(EMPTY) });
  const { field } = bindFields(values, setValues, form.fieldErrors);

  return (
    <ActionForm
      form={form}
      className="form dues-rate-form"
      aria-label={t('formLabel')}
      submit={{ label: t('add'), pendingLabel: t('adding') }}
    >
      <fieldset disabled={form.isPending}>
        <p className="hint">{t('formHint')}</p>
        <TextField {...field('effectiveFrom')} id="dues-effective-from" label={t('effectiveFrom')} type="date" required />
        <TextField {...field('rateCents')} id="dues-rate" label={t('rate')} hint={t('rateHint')} inputMode="decimal" required />
      </fieldset>
    </ActionForm>
  );
}
