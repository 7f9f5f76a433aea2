'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { reverseRunAction } from '@/actions/billing';
import { FormMessage } from '@/components/form/fields';
import { idleState } from '@/actions/action-state';

export function ReverseRunButton({ id }: { id: number }) {
  const t = useTranslations('runs');
  const [state, action, isPending] = useActionState(reverseRunAction, idleState);
  return (
    <form
      action={action}
      onSubmit={(event) => {
        if (!window.confirm(t('reverseConfirm', { id }))) event.preventDefault();
      }}
      className="danger-zone"
    >
      <input type="hidden" name="id" value={id} />
      <button type="submit" className="secondary danger" disabled={isPending}>
        {t('reverse')}
      </button>
      <FormMessage state={state} />
    </form>
  );
}
