'use client';

import { useActionState, useState } from 'react';
import { useTranslations } from 'next-intl';
import { addGroupMembersAction, deleteClientAction, removeGroupMemberAction } from '@/app/(app)/clients/actions';
import { FormMessage, TextField } from '@/components/form/fields';
import { idleState } from '@/lib/actions/action-state';

export function AddMembersForm({ head }: { head: number }) {
  const t = useTranslations('members');
  const [numbers, setNumbers] = useState('');
  const [state, action, isPending] = useActionState(async (previous: unknown, formData: FormData) => {
    const result = await addGroupMembersAction(previous, formData);
    if (result.status === 'success') setNumbers('');
    return result;
  }, idleState);
  return (
    <form action={action} className="form inline-form">
      <input type="hidden" name="head" value={head} />
      <TextField
        name="numbers"
        label={t('addLabel')}
        hint={t('addHint')}
        errors={state.status === 'error' ? state.fieldErrors.numbers : undefined}
        value={numbers}
        onChange={(event) => setNumbers(event.target.value)}
        inputMode="numeric"
        required
      />
      <button type="submit" className="primary" disabled={isPending}>
        {t('add')}
      </button>
      <FormMessage state={state} />
    </form>
  );
}

export function RemoveMemberButton({ head, member }: { head: number; member: number }) {
  const t = useTranslations('members');
  const [state, action, isPending] = useActionState(removeGroupMemberAction, idleState);
  return (
    <form action={action}>
      <input type="hidden" name="head" value={head} />
      <input type="hidden" name="member" value={member} />
      <button type="submit" className="link" disabled={isPending}>
        {t('remove', { number: member })}
      </button>
      {state.status === 'error' ? (
        <span className="error" role="alert">
          {state.message}
        </span>
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
