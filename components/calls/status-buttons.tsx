'use client';

import { useTranslations } from 'next-intl';
import { changeCallStatusAction } from '@/actions/calls';
import { ActionForm, ActionMessage, SubmitButton, useActionForm } from '@/components/form/action-form';
import type { CallStatus } from '@/lib/calls/call-input';

/** The next statuses a call may take, one button each. */
export function StatusButtons({ number, next }: { number: number; next: CallStatus[] }) {
  const t = useTranslations('callActions');
  const form = useActionForm(changeCallStatusAction);
  return (
    <ActionForm form={form} fields={{ number }} className="status-buttons">
      {next.map((status) => (
        <SubmitButton
          key={status}
          name="status"
          value={status}
          label={t(status)}
          variant={status === 'cancelled' ? 'danger' : 'secondary'}
        />
      ))}
      <ActionMessage />
    </ActionForm>
  );
}
