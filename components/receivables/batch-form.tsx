'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { createDepositBatchAction } from '@/actions/receivables';
import { ActionForm, useActionForm } from '@/components/form/action-form';
import { bindFields } from '@/components/form/bind-fields';
import { TextField } from '@/components/form/fields';

/** A new deposit batch: its date, the total announced on the deposit slip, its reference. */
export function BatchForm({ today }: { today: string }) {
  const t = useTranslations('batches');
  const form = useActionForm(createDepositBatchAction);
  const [values, setValues] = useState({ depositDate: today, announced: '', reference: '' });
  const { field } = bindFields(values, setValues, form.fieldErrors);
  return (
    <ActionForm form={form} className="form" aria-labelledby="batch-title" submit={{ label: t('create') }}>
      <h2 id="batch-title">{t('newBatch')}</h2>
      <div className="form-grid">
        <TextField label={t('depositDate')} type="date" required isNarrow {...field('depositDate')} />
        <TextField label={t('announced')} inputMode="decimal" required isNarrow {...field('announced')} />
        <TextField label={t('reference')} maxLength={100} {...field('reference')} />
      </div>
    </ActionForm>
  );
}
