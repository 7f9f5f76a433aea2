'use client';

import { ActionForm, ActionMessage, SubmitButton, useActionForm, type FormAction } from '@/components/form/action-form';

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
  className = 'inline-form',
}: {
  action: FormAction<unknown>;
  fields: Record<string, string | number>;
  label: string;
  confirmText?: string;
  isDanger?: boolean;
  className?: string;
}) {
  const form = useActionForm(action);
  return (
    <ActionForm form={form} fields={fields} confirm={confirmText} className={className}>
      <SubmitButton label={label} variant={isDanger ? 'danger' : 'secondary'} />
      <ActionMessage />
    </ActionForm>
  );
}
