'use client';

import { useActionState, useState } from 'react';
import { useTranslations } from 'next-intl';
import { createAccountingExportAction, saveAccountMappingAction } from '@/actions/accounting';
import { bindFields } from '@/components/form/bind-fields';
import { CheckboxField, FormMessage, TextField } from '@/components/form/fields';
import { ACCOUNT_ROLES, type AccountMapping } from '@/lib/accounting/account-mapping';
import { idleState, type ActionState } from '@/actions/action-state';

/** A period to export, by default the documents waiting; the new export is listed below once written. */
export function AccountingExportForm({ initial }: { initial: { from: string; to: string } }) {
  const t = useTranslations('accounting');
  const [values, setValues] = useState({ ...initial, isReexport: false });
  const [state, formAction, isPending] = useActionState<ActionState<{ message: string; exportId: number }>, FormData>(
    createAccountingExportAction,
    idleState,
  );
  const { field, checkbox } = bindFields(values, setValues, state.status === 'error' ? state.fieldErrors : {});
  return (
    <form action={formAction} className="form" aria-label={t('newTitle')}>
      <fieldset disabled={isPending} className="form-sections">
        <section>
          <TextField {...field('from')} id="accounting-from" type="date" label={t('from')} required isNarrow />
          <TextField {...field('to')} id="accounting-to" type="date" label={t('to')} required isNarrow />
          <CheckboxField {...checkbox('isReexport')} id="accounting-reexport" label={t('isReexport')} />
        </section>
      </fieldset>
      <FormMessage state={state} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={isPending}>
          {t('create')}
        </button>
      </div>
    </form>
  );
}

/** The accounts of the books; read-only for a billing clerk (the server refuses a clerk's change too). */
export function AccountMappingForm({ initial, canEdit }: { initial: AccountMapping; canEdit: boolean }) {
  const t = useTranslations('accounting');
  const [values, setValues] = useState<AccountMapping>(initial);
  const [state, formAction, isPending] = useActionState<ActionState<{ message: string }>, FormData>(saveAccountMappingAction, idleState);
  const { field } = bindFields(values, setValues, state.status === 'error' ? state.fieldErrors : {});
  return (
    <form action={formAction} className="form" aria-label={t('mappingTitle')}>
      <fieldset disabled={isPending || !canEdit} className="form-sections">
        <section>
          {ACCOUNT_ROLES.map((role) => (
            <TextField key={role} {...field(role)} id={`accounting-${role}`} label={t(`accounts.${role}`)} required maxLength={100} />
          ))}
        </section>
      </fieldset>
      <FormMessage state={state} />
      {canEdit ? (
        <div className="form-actions">
          <button type="submit" disabled={isPending}>
            {t('saveMapping')}
          </button>
        </div>
      ) : (
        <p className="hint">{t('mappingReadOnly')}</p>
      )}
    </form>
  );
}
