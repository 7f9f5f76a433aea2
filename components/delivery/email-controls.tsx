'use client';

import { useActionState, useEffect } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { FormMessage } from '@/components/form/fields';
import type { ActionState } from '@/actions/action-state';
import { idleState } from '@/actions/action-state';

export type EmailAction = (previous: unknown, formData: FormData) => Promise<ActionState<unknown>>;

/** The selection a batch's buttons carry, as hidden fields. */
function HiddenFields({ fields }: { fields: Record<string, string> }) {
  return Object.entries(fields).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />);
}

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
  const [sendState, sendAction, isSending] = useActionState(send, idleState);
  const [retryState, retryAction, isRetrying] = useActionState(retry, idleState);
  useEffect(() => {
    if (!hasPending) return;
    const timer = setInterval(() => router.refresh(), 1500);
    return () => clearInterval(timer);
  }, [hasPending, router]);
  return (
    <div className="delivery-controls">
      <form action={sendAction}>
        <HiddenFields fields={fields} />
        <button type="submit" className="primary" disabled={isSending || !hasUnsent}>
          {t('send')}
        </button>
      </form>
      <form action={retryAction}>
        <HiddenFields fields={fields} />
        <button type="submit" className="secondary" disabled={isRetrying || !hasFailures}>
          {t('retry')}
        </button>
      </form>
      <FormMessage state={sendState} />
      <FormMessage state={retryState} />
    </div>
  );
}

/** Sends a document already e-mailed once more, on the clerk's explicit request. */
export function ResendButton({ action, fields, label }: { action: EmailAction; fields: Record<string, string>; label: string }) {
  const [state, formAction, isPending] = useActionState(action, idleState);
  return (
    <form action={formAction}>
      <HiddenFields fields={fields} />
      <button type="submit" className="link" disabled={isPending}>
        {label}
      </button>
      {state.status === 'error' ? <span className="error"> {state.message}</span> : null}
    </form>
  );
}
