'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { saveReferenceRuleAction } from '@/actions/references';
import { ActionForm, ActionMessage, SubmitRow, useActionForm } from '@/components/form/action-form';
import { bindFields } from '@/components/form/bind-fields';
import { TextAreaField, TextField } from '@/components/form/fields';

/** Adds a required reference to a client, or changes the one of the same label. */
export function ReferenceRuleForm({ clientNumber, today }: { clientNumber: number; today: string }) {
  const t = useTranslations('references');
  const empty = { label: '', format: '', example: '', allowedValues: '', requiredFrom: today };
  const [values, setValues] = useState(empty);
  const form = useActionForm(saveReferenceRuleAction, { onSuccess: () => setValues(empty) });
  const { field } = bindFields(values, setValues, form.fieldErrors);
  return (
    <ActionForm form={form} fields={{ clientNumber }} className="form" aria-labelledby="reference-form-title">
      <h3 id="reference-form-title">{t('formTitle')}</h3>
      <p className="hint">{t('formHint')}</p>
      <TextField {...field('label')} id="reference-label" label={t('label')} hint={t('labelHint')} required maxLength={60} />
      <TextField {...field('format')} id="reference-format" label={t('format')} hint={t('formatHint')} maxLength={60} autoComplete="off" />
      <TextField
        {...field('example')}
        id="reference-example"
        label={t('example')}
        hint={t('exampleHint')}
        maxLength={100}
        autoComplete="off"
      />
      <TextAreaField {...field('allowedValues')} id="reference-values" label={t('allowedValues')} hint={t('allowedValuesHint')} rows={3} />
      <TextField
        {...field('requiredFrom')}
        id="reference-from"
        label={t('requiredFrom')}
        hint={t('requiredFromHint')}
        type="date"
        required
        isNarrow
      />
      <ActionMessage />
      <SubmitRow label={t('save')} />
    </ActionForm>
  );
}
