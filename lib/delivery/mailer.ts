/**
 * Where invoice e-mails go: an SMTP server when SMTP_URL is set (e.g. smtp://user:pass@host:587),
 * otherwise the local outbox (table outbox_messages, readable at /admin/outbox), so that the
 * whole flow works in the embedded demo without any mail server.
 */
import nodemailer from 'nodemailer';
import type { Executor } from '@/db/index';
import { outboxMessages } from '@/db/schema';

export type InvoiceEmail = {
  deliveryId: number;
  to: string[];
  subject: string;
  text: string;
  attachment: { filename: string; content: Buffer };
};
export type Mailer = { kind: 'smtp' | 'outbox'; send: (email: InvoiceEmail) => Promise<void> };

export function smtpMailer(url: string, from: string): Mailer {
  const transport = nodemailer.createTransport(url);
  return {
    kind: 'smtp',
    send: async (email) => {
      await transport.sendMail({
        from,
        to: email.to,
        subject: email.subject,
        text: email.text,
        attachments: [{ filename: email.attachment.filename, content: email.attachment.content, contentType: 'application/pdf' }],
      });
    },
  };
}

export function outboxMailer(db: Executor): Mailer {
  return {
    kind: 'outbox',
    send: async (email) => {
      await db.insert(outboxMessages).values({
        deliveryId: email.deliveryId,
        recipients: email.to,
        subject: email.subject,
        body: email.text,
        attachmentName: email.attachment.filename,
        attachmentBase64: email.attachment.content.toString('base64'),
      });
    },
  };
}

export function mailerFromEnvironment(db: Executor): Mailer {
  const url = process.env.SMTP_URL;
  return url ? smtpMailer(url, process.env.SMTP_FROM ?? 'facturation@localhost') : outboxMailer(db);
}
