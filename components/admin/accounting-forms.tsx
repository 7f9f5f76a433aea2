'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { createAccountingExportAction, saveAccountMappingAction } from '@/actions/accounting';
import { ActionForm, ActionMessage, SubmitRow, useActionForm } from '@/components/form/action-form';
import { bindFields } from '@/components/form/bind-fields';
import { CheckboxField, TextField } from '@/components/form/fields';
import { ACCOUNT_ROLES, type AccountMapping } from '@/lib/accounting/account-mapping';

/** A period to export, by default the documents waiting; the new export is listed below once written. */
export function AccountingExportForm({ initial }: { initial: { from: string; to: string } }) {
  const t = useTranslations('accounting');
  const [values, setValues] = useState({ ...initial, isReexport: false });
  const form = useActionForm(createAccountingExportAction);
  const { field, checkbox } = bindFields(values, setValues, form.fieldErrors);
  return (
    <ActionForm form={form} className="form" aria-label={t('newTitle')} submit={{ label: t('create') }}>
      <fieldset disabled={form.isPending} className="form-sections">
        <section>
          <TextField {...field('from')} id="accounting-from" type="date" label={t('from')} required isNarrow />
          <TextField {...field('to')} id="accounting-to" type="date" label={t('to')} required isNarrow />
          <CheckboxField {...checkbox('isReexport')} id="accounting-reexport" label={t('isReexport')} />
        </section>
      </fieldset>
    </ActionForm>
  );
}

/** The accounts of the books; read-only for a billing clerk (the server refuses a clerk's change too). */
export function AccountMappingForm({ initial, canEdit }: { initial: AccountMapping; canEdit: boolean }) {
  const t = useTranslations('accounting');
  const [values, setValues] = useState<AccountMapping>(initial);
  const form = useActionForm(saveAccountMappingAction);
  const { field } = bindFields(values, setValues, form.fieldErrors);
  return (
    <ActionForm form={form} className="form" aria-label={t('mappingTitle')}>
      <fieldset disabled={form.isPending || !canEdit} className="form-sections">
        <section>
          {ACCOUNT_ROLES.map((role) => (
            <TextField key={role} {...field(role)} id={`accounting-${role}`} label={t(`accounts.${role}`)} required maxLength={100} />
          ))}
        </section>
      </fieldset>
      <ActionMessage />
      {canEdit ? <SubmitRow label={t('saveMapping')} variant="plain" /> : <p className="hint">{t('mappingReadOnly')}</p>}
    </ActionForm>
  );
}
