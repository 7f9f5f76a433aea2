import { z } from 'zod';
import { defineFileRoute, pathNumber } from '@/actions/define-file-route';
import { getOutboxAttachment } from '@/lib/delivery/outbox';

/** The PDF attached to a message of the outbox, shown by the browser. */
export const GET = defineFileRoute({
  route: '/admin/outbox/[id]/attachment',
  input: z.object({ id: pathNumber }),
  messages: { notFound: 'fileRoutes.outboxAttachment.notFound' },
  file: async ({ db, input: { id } }) => {
    const attachment = id === null ? null : await getOutboxAttachment(db, id);
    if (!attachment) return null;
    return {
      body: attachment.content,
      contentType: 'application/pdf',
      name: attachment.name,
      disposition: 'inline',
      cacheControl: 'private, no-store',
    };
  },
});
