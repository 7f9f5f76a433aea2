'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/components/form/fields';
import { idleState, type ActionState } from '@/actions/action-state';

/**
 * One button that runs a server action with a few fixed values, after a confirmation when
 * `confirmText` is given, and shows the action's message (or its refusal) beside it.
 */
export function ActionButton({
  action,
  fields,
  label,
  confirmText,
  isDanger = false,
}: {
  action: (previous: unknown, formData: FormData) => Promise<ActionState<unknown>>;
  fields: Record<string, string | number>;
  label: string;
  confirmText?: string;
  isDanger?: boolean;
}) {
  const [state, run, isPending] = useActionState(action, idleState);
  return (
    <form
      action={run}
      onSubmit={(event) => {
        if (confirmText && !window.confirm(confirmText)) event.preventDefault();
      }}
      className="inline-form"
    >
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className={isDanger ? 'secondary danger' : 'secondary'} disabled={isPending}>
        {label}
      </button>
      <FormMessage state={state} />
    </form>
  );
}
