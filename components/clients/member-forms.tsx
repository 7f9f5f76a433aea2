'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { addGroupMembersAction, deleteClientAction, removeGroupMemberAction } from '@/actions/clients';
import { ActionButton } from '@/components/form/action-button';
import { ActionForm, ActionMessage, SubmitButton, SubmitRow, useActionForm } from '@/components/form/action-form';
import { bindFields } from '@/components/form/bind-fields';
import { TextField } from '@/components/form/fields';

/** Several clients added to a head's group at once, from a date (today unless changed). */
export function AddMembersForm({ head, today }: { head: number; today: string }) {
  const t = useTranslations('members');
  const [values, setValues] = useState({ numbers: '', effectiveDate: today });
  const form = useActionForm(addGroupMembersAction, { onSuccess: () => setValues((all) => ({ ...all, numbers: '' })) });
  const { field } = bindFields(values, setValues, form.fieldErrors);
  return (
    <ActionForm form={form} fields={{ head }} className="form inline-form">
      <TextField {...field('numbers')} label={t('addLabel')} hint={t('addHint')} inputMode="numeric" required />
      <TextField
        {...field('effectiveDate')}
        id={`add-members-date-${head}`}
        label={t('effectiveDate')}
        type="date"
        max={today}
        required
        isNarrow
      />
      <SubmitButton label={t('add')} />
      <ActionMessage />
    </ActionForm>
  );
}

/**
 * Taking a member out of the group: the button opens the date (today unless changed) and a
 * confirmation that says from when its calls are billed on their own.
 */
export function RemoveMemberButton({ head, member, today }: { head: number; member: number; today: string }) {
  const t = useTranslations('members');
  const [isOpen, setIsOpen] = useState(false);
  const [effectiveDate, setEffectiveDate] = useState(today);
  const form = useActionForm(removeGroupMemberAction);
  if (!isOpen) {
    return (
      <button type="button" className="link" onClick={() => setIsOpen(true)}>
        {t('remove', { number: member })}
      </button>
    );
  }
  return (
    <ActionForm form={form} fields={{ head, member }} className="remove-member" aria-label={t('remove', { number: member })}>
      <TextField
        name="effectiveDate"
        id={`remove-date-${member}`}
        label={t('effectiveDate')}
        type="date"
        max={today}
        value={effectiveDate}
        onChange={(event) => setEffectiveDate(event.target.value)}
        errors={form.fieldErrors.effectiveDate}
        required
        isNarrow
      />
      <p role="status">{t('removeConfirm', { number: member, head, date: effectiveDate })}</p>
      <SubmitRow label={t('confirmRemove')} variant="danger" disabled={!effectiveDate}>
        <button type="button" className="link" onClick={() => setIsOpen(false)}>
          {t('cancel')}
        </button>
      </SubmitRow>
      {form.state.status === 'error' ? (
        <p className="error" role="alert">
          {form.state.message}
        </p>
      ) : null}
    </ActionForm>
  );
}

export function DeleteClientButton({ number }: { number: number }) {
  const t = useTranslations('clientForm');
  return (
    <ActionButton
      action={deleteClientAction}
      fields={{ number }}
      label={t('delete')}
      confirmText={t('deleteConfirm', { number })}
      isDanger
      className="danger-zone"
    />
  );
}
