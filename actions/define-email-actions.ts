/**
 * The server actions that e-mail a kind of document (lib/delivery/document-kind.ts) from its
 * screen: send the batch, retry its failures, resend one on purpose. Each is a `defineAction`
 * for the billing roles, wakes the e-mail worker and answers in the screen's words.
 */
import { getTranslations } from 'next-intl/server';
import { BILLING } from '@/lib/auth/roles';
import type { DocumentKind, ListedDocument } from '@/lib/delivery/document-kind';
import { enqueueEmails, resendEmail, retryFailedEmails } from '@/lib/delivery/email-queue';
import { kickEmailWorker } from '@/lib/delivery/email-worker';
import { defineAction } from './define-action';

export function defineEmailActions<S, K, R extends ListedDocument>(spec: {
  /** The screen's message namespace, also the actions' names' prefix. */
  messages: 'delivery' | 'statements';
  kind: DocumentKind<S, K, R>;
  screen: string;
  /** The number a resend's message names (an invoice's, a client's). */
  numberOf: (key: K) => number;
}) {
  const { messages, kind, screen } = spec;
  const done = async (message: (t: Awaited<ReturnType<typeof getTranslations>>) => string) => {
    kickEmailWorker();
    return { message: message(await getTranslations(messages)) };
  };
  return {
    send: defineAction({
      name: `${messages}.sendEmails`,
      roles: BILLING,
      revalidates: [screen],
      input: kind.selection,
      run: async ({ db, user, input }) => {
        const { queued, withoutAddress } = await enqueueEmails(db, kind, user.id, input);
        return done((t) => t('queued', { count: queued, missing: withoutAddress }));
      },
    }),
    retry: defineAction({
      name: `${messages}.retryFailedEmails`,
      roles: BILLING,
      revalidates: [screen],
      input: kind.selection,
      run: async ({ db, user, input }) => {
        const { queued } = await retryFailedEmails(db, kind, user.id, input);
        return done((t) => t('retried', { count: queued }));
      },
    }),
    resend: defineAction({
      name: `${messages}.resendEmail`,
      roles: BILLING,
      revalidates: [screen],
      input: kind.key,
      run: async ({ db, user, input }) => {
        await resendEmail(db, kind, user.id, input);
        return done((t) => t('resent', { number: spec.numberOf(input) }));
      },
    }),
  };
}
