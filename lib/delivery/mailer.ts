/**
 * Where invoice e-mails go: an SMTP server when SMTP_URL is set (e.g. smtp://user:pass@host:587),
 * otherwise the local outbox (table outbox_messages, readable at /admin/outbox), so that the
 * whole flow works in the embedded demo without any mail server.
 */
import nodemailer from 'nodemailer';
import { z } from 'zod';
import type { Executor } from '@/db/index';
import { outboxMessages } from '@/db/schema';

export type InvoiceEmail = {
  deliveryId: number;
  to: string[];
  subject: string;
  text: string;
  /** The document's PDF; none for an invitation to the client portal. */
  attachment: { filename: string; content: Buffer } | null;
};
export type Mailer = {
  kind: 'smtp' | 'outbox';
  send: (email: InvoiceEmail) => Promise<void>;
  /** E-mails the queue may send at once (lib/delivery/email-queue.ts): one per SMTP connection. */
  concurrency: number;
  /** Closes the connections kept open (none for the outbox). */
  close: () => void;
};

export type SmtpOptions = {
  /** Connections kept open to the server (default 3). */
  connections?: number;
  /** At most this many messages a second, for providers that impose a rate (default: none). */
  perSecond?: number | null;
};

export const DEFAULT_SMTP_CONNECTIONS = 3;

/**
 * A pool of SMTP connections (nodemailer's pool): a message no longer pays a connection, a
 * greeting and an authentication of its own. nodemailer reads its pool settings from the URL's
 * query, so what SMTP_URL says itself (e.g. `?maxConnections=1`) wins over the options.
 */
export function smtpMailer(url: string, from: string, options: SmtpOptions = {}): Mailer {
  const target = new URL(url);
  const setUnlessGiven = (key: string, value: string) => {
    if (!target.searchParams.has(key)) target.searchParams.set(key, value);
  };
  setUnlessGiven('pool', 'true');
  setUnlessGiven('maxConnections', String(options.connections ?? DEFAULT_SMTP_CONNECTIONS));
  const waitForTurn = rateLimiter(options.perSecond ?? null);
  const transport = nodemailer.createTransport(target.toString());
  const isPooled = target.searchParams.get('pool') === 'true';
  return {
    kind: 'smtp',
    concurrency: isPooled ? Math.max(1, Number(target.searchParams.get('maxConnections')) || 1) : 1,
    send: async (email) => {
      await waitForTurn();
      await transport.sendMail({
        from,
        to: email.to,
        subject: email.subject,
        text: email.text,
        attachments: email.attachment
          ? [{ filename: email.attachment.filename, content: email.attachment.content, contentType: 'application/pdf' }]
          : [],
      });
    },
    close: () => transport.close(),
  };
}

/**
 * Messages started at most `perSecond` a second, evenly spaced, whatever the connections
 * (nodemailer's own limit lets the first message of every connection go at once, and keeps a
 * connection that waits for its turn open after the pool is closed).
 */
function rateLimiter(perSecond: number | null): () => Promise<void> {
  if (!perSecond) return async () => {};
  const interval = 1000 / perSecond;
  let nextSlot = 0;
  return async () => {
    const now = Date.now();
    const slot = Math.max(now, nextSlot);
    nextSlot = slot + interval;
    if (slot > now) await new Promise((resolve) => setTimeout(resolve, slot - now));
  };
}

export function outboxMailer(db: Executor): Mailer {
  return {
    kind: 'outbox',
    // One at a time: the embedded database has a single connection.
    concurrency: 1,
    close: () => {},
    send: async (email) => {
      await db.insert(outboxMessages).values({
        deliveryId: email.deliveryId,
        recipients: email.to,
        subject: email.subject,
        body: email.text,
        attachmentName: email.attachment?.filename ?? null,
        attachmentBase64: email.attachment?.content.toString('base64') ?? null,
      });
    },
  };
}

const smtpEnvironment = z.object({
  SMTP_CONNECTIONS: z.coerce.number().int().min(1).max(50).optional(),
  SMTP_RATE_PER_SECOND: z.coerce.number().positive().max(10_000).optional(),
});

const SMTP_SETTING_RULES = {
  SMTP_CONNECTIONS: 'doit être un entier de 1 à 50. / must be an integer from 1 to 50.',
  SMTP_RATE_PER_SECOND: 'doit être un nombre positif (messages par seconde). / must be a positive number (messages a second).',
} as const;

/**
 * SMTP_URL set: the SMTP server, with SMTP_CONNECTIONS connections (default 3) and at most
 * SMTP_RATE_PER_SECOND messages a second (default: no limit); unset: the local outbox.
 */
export function mailerFromEnvironment(db: Executor): Mailer {
  const url = process.env.SMTP_URL;
  if (!url) return outboxMailer(db);
  const settings = smtpEnvironment.safeParse({
    SMTP_CONNECTIONS: process.env.SMTP_CONNECTIONS || undefined,
    SMTP_RATE_PER_SECOND: process.env.SMTP_RATE_PER_SECOND || undefined,
  });
  if (!settings.success) {
    const wrong = settings.error.issues[0]!.path[0] as keyof typeof SMTP_SETTING_RULES;
    throw new Error(`${wrong} ${SMTP_SETTING_RULES[wrong]} (${wrong}=${process.env[wrong]})`);
  }
  return smtpMailer(url, process.env.SMTP_FROM ?? 'facturation@localhost', {
    connections: settings.data.SMTP_CONNECTIONS,
    perSecond: settings.data.SMTP_RATE_PER_SECOND,
  });
}
