'use client';

import { useActionState, useState } from 'react';
import { useTranslations } from 'next-intl';
import { addGroupMembersAction, deleteClientAction, removeGroupMemberAction } from '@/actions/clients';
import { FormMessage, TextField } from '@/components/form/fields';
import { idleState } from '@/actions/action-state';

/** Several clients added to a head's group at once, from a date (today unless changed). */
export function AddMembersForm({ head, today }: { head: number; today: string }) {
  const t = useTranslations('members');
  const [numbers, setNumbers] = useState('');
  const [effectiveDate, setEffectiveDate] = useState(today);
  const [state, action, isPending] = useActionState(async (previous: unknown, formData: FormData) => {
    const result = await addGroupMembersAction(previous, formData);
    if (result.status === 'success') setNumbers('');
    return result;
  }, idleState);
  const errors = state.status === 'error' ? state.fieldErrors : {};
  return (
    <form action={action} className="form inline-form">
      <input type="hidden" name="head" value={head} />
      <TextField
        name="numbers"
        label={t('addLabel')}
        hint={t('addHint')}
        errors={errors.numbers}
        value={numbers}
        onChange={(event) => setNumbers(event.target.value)}
        inputMode="numeric"
        required
      />
      <TextField
        name="effectiveDate"
        id={`add-members-date-${head}`}
        label={t('effectiveDate')}
        type="date"
        max={today}
        value={effectiveDate}
        onChange={(event) => setEffectiveDate(event.target.value)}
        errors={errors.effectiveDate}
        required
        isNarrow
      />
      <button type="submit" className="primary" disabled={isPending}>
        {t('add')}
      </button>
      <FormMessage state={state} />
    </form>
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
  const [state, action, isPending] = useActionState(removeGroupMemberAction, idleState);
  if (!isOpen) {
    return (
      <button type="button" className="link" onClick={() => setIsOpen(true)}>
        {t('remove', { number: member })}
      </button>
    );
  }
  const errors = state.status === 'error' ? state.fieldErrors : {};
  return (
    <form action={action} className="remove-member" aria-label={t('remove', { number: member })}>
      <input type="hidden" name="head" value={head} />
      <input type="hidden" name="member" value={member} />
      <TextField
        name="effectiveDate"
        id={`remove-date-${member}`}
        label={t('effectiveDate')}
        type="date"
        max={today}
        value={effectiveDate}
        onChange={(event) => setEffectiveDate(event.target.value)}
        errors={errors.effectiveDate}
        required
        isNarrow
      />
      <p role="status">{t('removeConfirm', { number: member, head, date: effectiveDate })}</p>
      <div className="form-actions">
        <button type="submit" className="secondary danger" disabled={isPending || !effectiveDate}>
          {t('confirmRemove')}
        </button>
        <button type="button" className="link" onClick={() => setIsOpen(false)}>
          {t('cancel')}
        </button>
      </div>
      {state.status === 'error' ? (
        <p className="error" role="alert">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}

export function DeleteClientButton({ number }: { number: number }) {
  const t = useTranslations('clientForm');
  const [state, action, isPending] = useActionState(deleteClientAction, idleState);
  return (
    <form
      action={action}
      onSubmit={(event) => {
        if (!window.confirm(t('deleteConfirm', { number }))) event.preventDefault();
      }}
      className="danger-zone"
    >
      <input type="hidden" name="number" value={number} />
      <button type="submit" className="secondary danger" disabled={isPending}>
        {t('delete')}
      </button>
      <FormMessage state={state} />
    </form>
  );
}
