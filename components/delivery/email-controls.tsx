'use client';

import { useEffect } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { ActionForm, SubmitButton, useActionForm, type FormAction } from '@/components/form/action-form';
import { FormMessage } from '@/components/form/fields';

export type EmailAction = FormAction<unknown>;

/**
 * Send a batch's documents, retry its failures, for any kind of document (the screen gives its
 * actions and its words); the page refreshes itself while e-mails are being sent.
 */
export function EmailControls({
  messages,
  send,
  retry,
  fields,
  hasPending,
  hasFailures,
  hasUnsent,
}: {
  messages: 'delivery' | 'statements';
  send: EmailAction;
  retry: EmailAction;
  fields: Record<string, string>;
  hasPending: boolean;
  hasFailures: boolean;
  hasUnsent: boolean;
}) {
  const t = useTranslations(messages);
  const router = useRouter();
  const sending = useActionForm(send);
  const retrying = useActionForm(retry);
  useEffect(() => {
    if (!hasPending) return;
    const timer = setInterval(() => router.refresh(), 1500);
    return () => clearInterval(timer);
  }, [hasPending, router]);
  return (
    <div className="delivery-controls">
      <ActionForm form={sending} fields={fields}>
        <SubmitButton label={t('send')} disabled={!hasUnsent} />
      </ActionForm>
      <ActionForm form={retrying} fields={fields}>
        <SubmitButton label={t('retry')} variant="secondary" disabled={!hasFailures} />
      </ActionForm>
      <FormMessage state={sending.state} />
      <FormMessage state={retrying.state} />
    </div>
  );
}

/** Sends a document already e-mailed once more, on the clerk's explicit request. */
export function ResendButton({ action, fields, label }: { action: EmailAction; fields: Record<string, string>; label: string }) {
  const form = useActionForm(action);
  return (
    <ActionForm form={form} fields={fields}>
      <SubmitButton label={label} variant="link" />
      {form.state.status === 'error' ? <span className="error"> {form.state.message}</span> : null}
    </ActionForm>
  );
}
