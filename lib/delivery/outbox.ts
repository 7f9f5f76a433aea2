/** The local outbox as the billing clerk reads it: e-mails kept instead of sent when no SMTP server is set. */
import { desc, eq } from 'drizzle-orm';
import type { Executor } from '@/db/index';
import { outboxMessages } from '@/db/schema';

/** The newest messages first, without their attachments (read one at a time). */
export async function listOutboxMessages(db: Executor, options: { limit?: number } = {}) {
  return db
    .select({
      id: outboxMessages.id,
      recipients: outboxMessages.recipients,
      subject: outboxMessages.subject,
      body: outboxMessages.body,
      attachmentName: outboxMessages.attachmentName,
      createdAt: outboxMessages.createdAt,
    })
    .from(outboxMessages)
    .orderBy(desc(outboxMessages.id))
    .limit(options.limit ?? 200);
}

/** A message's PDF attachment: its file name and bytes, or null when there is no such message or it has none. */
export async function getOutboxAttachment(db: Executor, id: number): Promise<{ name: string; content: Uint8Array<ArrayBuffer> } | null> {
  const [message] = await db
    .select({ name: outboxMessages.attachmentName, content: outboxMessages.attachmentBase64 })
    .from(outboxMessages)
    .where(eq(outboxMessages.id, id));
  if (!message?.name || message.content === null) return null;
  return { name: message.name, content: new Uint8Array(Buffer.from(message.content, 'base64')) };
}
