'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { holdCallAction, releaseCallAction } from '@/actions/call-holds';
import { ActionButton } from '@/components/form/action-button';
import { ActionForm, ActionMessage, SubmitRow, useActionForm } from '@/components/form/action-form';
import { TextField } from '@/components/form/fields';

/** A billing clerk's hold of a call not invoiced: its reason, then `Retenir`. */
export function HoldCallForm({ number }: { number: number }) {
  const t = useTranslations('callHold');
  const [reason, setReason] = useState('');
  const form = useActionForm(holdCallAction, { onSuccess: () => setReason('') });
  return (
    <ActionForm form={form} fields={{ number }} className="form inline-form" aria-label={t('title')}>
      <TextField
        name="reason"
        id={`hold-reason-${number}`}
        label={t('reason')}
        hint={t('reasonHint')}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        errors={form.fieldErrors.reason}
        required
        maxLength={500}
      />
      <SubmitRow label={t('hold')} variant="secondary" />
      <ActionMessage />
    </ActionForm>
  );
}

/** `Libérer`: the held call is billed with the others again. */
export function ReleaseCallButton({ number }: { number: number }) {
  const t = useTranslations('callHold');
  return <ActionButton action={releaseCallAction} fields={{ number }} label={t('release')} />;
}
