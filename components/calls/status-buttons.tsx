'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { changeCallStatusAction } from '@/actions/calls';
import { FormMessage } from '@/components/form/fields';
import { idleState } from '@/actions/action-state';
import type { CallStatus } from '@/lib/calls/call-input';

/** The next statuses a call may take, one button each. */
export function StatusButtons({ number, next }: { number: number; next: CallStatus[] }) {
  const t = useTranslations('callActions');
  const [state, action, isPending] = useActionState(changeCallStatusAction, idleState);
  return (
    <form action={action} className="status-buttons">
      <input type="hidden" name="number" value={number} />
      {next.map((status) => (
        <button
          key={status}
          type="submit"
          name="status"
          value={status}
          className={status === 'cancelled' ? 'secondary danger' : 'secondary'}
          disabled={isPending}
        >
          {t(status)}
        </button>
      ))}
      <FormMessage state={state} />
    </form>
  );
}
