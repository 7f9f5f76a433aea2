'use client';

import { useActionState, useEffect } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import {
  resendStatementEmailAction,
  retryFailedStatementEmailsAction,
  sendStatementEmailsAction,
} from '@/app/(app)/receivables/statements/actions';
import { FormMessage } from '@/components/form/fields';
import { idleState } from '@/lib/actions/action-state';

export type StatementSelectionFields = { from: string; to: string; isGrouped: boolean; clientNumber: string };

export function SelectionFields({ selection }: { selection: StatementSelectionFields }) {
  return (
    <>
      <input type="hidden" name="from" value={selection.from} />
      <input type="hidden" name="to" value={selection.to} />
      {selection.clientNumber ? <input type="hidden" name="clientNumber" value={selection.clientNumber} /> : null}
      {selection.isGrouped ? <input type="hidden" name="isGrouped" value="on" /> : null}
    </>
  );
}

/** Send the batch's statements, retry its failures; the page refreshes itself while e-mails are being sent. */
export function StatementEmailControls({
  selection,
  hasPending,
  hasFailures,
  hasUnsent,
}: {
  selection: StatementSelectionFields;
  hasPending: boolean;
  hasFailures: boolean;
  hasUnsent: boolean;
}) {
  const t = useTranslations('statements');
  const router = useRouter();
  const [sendState, send, isSending] = useActionState(sendStatementEmailsAction, idleState);
  const [retryState, retry, isRetrying] = useActionState(retryFailedStatementEmailsAction, idleState);
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

/** Sends a statement already e-mailed once more, on the clerk's explicit request. */
export function ResendStatementButton({ clientNumber, from, to }: { clientNumber: number; from: string; to: string }) {
  const t = useTranslations('statements');
  const [state, action, isPending] = useActionState(resendStatementEmailAction, idleState);
  return (
    <form action={action}>
      <input type="hidden" name="clientNumber" value={clientNumber} />
      <input type="hidden" name="from" value={from} />
      <input type="hidden" name="to" value={to} />
      <button type="submit" className="link" disabled={isPending}>
        {t('resend', { number: clientNumber })}
      </button>
      {state.status === 'error' ? <span className="error"> {state.message}</span> : null}
    </form>
  );
}
