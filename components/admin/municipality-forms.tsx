'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { addMunicipalityAction, mergeMunicipalityAction, renameMunicipalityAction } from '@/actions/municipalities';
import { ActionForm, useActionForm } from '@/components/form/action-form';
import { bindFields } from '@/components/form/bind-fields';
import { SelectField, TextField } from '@/components/form/fields';

type Choice = { id: number; name: string };

/** The municipalities to choose from, after an empty first choice. */
function optionsOf(municipalities: Choice[], choose: string) {
  return [{ value: '', label: choose }, ...municipalities.map((m) => ({ value: String(m.id), label: m.name }))];
}

export function AddMunicipalityForm() {
  const t = useTranslations('municipalitiesAdmin');
  const [values, setValues] = useState({ name: '' });
  const form = useActionForm(addMunicipalityAction, { onSuccess: () => setValues({ name: '' }) });
  const { field } = bindFields(values, setValues, form.fieldErrors);
  return (
    <ActionForm form={form} className="form" aria-label={t('addTitle')} submit={{ label: t('add') }}>
      <TextField
        {...field('name')}
        id="municipality-name"
        label={t('name')}
        hint={t('nameHint')}
        required
        maxLength={100}
        autoComplete="off"
      />
    </ActionForm>
  );
}

export function RenameMunicipalityForm({ municipalities }: { municipalities: Choice[] }) {
  const t = useTranslations('municipalitiesAdmin');
  const empty = { id: '', name: '' };
  const [values, setValues] = useState(empty);
  const form = useActionForm(renameMunicipalityAction, { onSuccess: () => setValues(empty) });
  const { field } = bindFields(values, setValues, form.fieldErrors);
  return (
    <ActionForm form={form} className="form" aria-label={t('renameTitle')} submit={{ label: t('rename') }}>
      <p className="hint">{t('renameHint')}</p>
      <SelectField {...field('id')} id="rename-id" label={t('municipality')} options={optionsOf(municipalities, t('choose'))} required />
      <TextField {...field('name')} id="rename-name" label={t('newName')} required maxLength={100} autoComplete="off" />
    </ActionForm>
  );
}

export function MergeMunicipalityForm({ municipalities }: { municipalities: Choice[] }) {
  const t = useTranslations('municipalitiesAdmin');
  const empty = { id: '', intoId: '' };
  const [values, setValues] = useState(empty);
  const form = useActionForm(mergeMunicipalityAction, { onSuccess: () => setValues(empty) });
  const { field } = bindFields(values, setValues, form.fieldErrors);
  return (
    <ActionForm form={form} className="form" aria-label={t('mergeTitle')} confirm={t('mergeConfirm')} submit={{ label: t('merge') }}>
      <p className="hint">{t('mergeHint')}</p>
      <SelectField {...field('id')} id="merge-id" label={t('variant')} options={optionsOf(municipalities, t('choose'))} required />
      <SelectField {...field('intoId')} id="merge-into" label={t('into')} options={optionsOf(municipalities, t('choose'))} required />
    </ActionForm>
  );
}
