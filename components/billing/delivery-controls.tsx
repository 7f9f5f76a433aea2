'use client';

import { useActionState, useEffect } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { resendInvoiceEmailAction, retryFailedEmailsAction, sendEmailsAction } from '@/app/(app)/billing/delivery/actions';
import { FormMessage } from '@/components/form/fields';
import { idleState } from '@/lib/actions/action-state';

type Selection = { runId: string; from: string; to: string; isGrouped: boolean };

function SelectionFields({ selection }: { selection: Selection }) {
  return (
    <>
      <input type="hidden" name="runId" value={selection.runId} />
      <input type="hidden" name="from" value={selection.from} />
      <input type="hidden" name="to" value={selection.to} />
      <input type="hidden" name="method" value="email" />
      {selection.isGrouped ? <input type="hidden" name="isGrouped" value="on" /> : null}
    </>
  );
}

/** Send the batch, retry its failures; the page refreshes itself while e-mails are being sent. */
export function EmailControls({
  selection,
  hasPending,
  hasFailures,
  hasUnsent,
}: {
  selection: Selection;
  hasPending: boolean;
  hasFailures: boolean;
  hasUnsent: boolean;
}) {
  const t = useTranslations('delivery');
  const router = useRouter();
  const [sendState, send, isSending] = useActionState(sendEmailsAction, idleState);
  const [retryState, retry, isRetrying] = useActionState(retryFailedEmailsAction, idleState);
  useEffect(() => {
    if (!hasPending) return;
    const timer = setInterval(() => router.refresh(), 1500);
    return () => clearInterval(timer);
  }, [hasPending, router]);
  return (
    <div className="delivery-controls">
      <form action={send}>
        <SelectionFields selection={selection} />
        <button type="submit" className="primary" disabled={isSending || !hasUnsent}>
          {t('send')}
        </button>
      </form>
      <form action={retry}>
        <SelectionFields selection={selection} />
        <button type="submit" className="secondary" disabled={isRetrying || !hasFailures}>
          {t('retry')}
        </button>
      </form>
      <FormMessage state={sendState} />
      <FormMessage state={retryState} />
    </div>
  );
}

export function ResendButton({ number }: { number: number }) {
  const t = useTranslations('delivery');
  const [state, action, isPending] = useActionState(resendInvoiceEmailAction, idleState);
  return (
    <form action={action}>
      <input type="hidden" name="number" value={number} />
      <button type="submit" className="link" disabled={isPending}>
        {t('resend', { number })}
      </button>
      {state.status === 'error' ? <span className="error"> {state.message}</span> : null}
    </form>
  );
}
