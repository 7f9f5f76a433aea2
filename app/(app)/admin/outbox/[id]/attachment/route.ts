import { eq } from 'drizzle-orm';
import { getDb } from '@/db/index';
import { outboxMessages } from '@/db/schema';
import { requireFileRoute } from '@/lib/auth/current-user';

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const access = await requireFileRoute(request, '/admin/outbox/[id]/attachment');
  if (access.refusal) return access.refusal;
  const { id } = await params;
  if (!/^\d{1,12}$/.test(id)) return new Response('Introuvable / Not found', { status: 404 });
  const [message] = await getDb()
    .select({ name: outboxMessages.attachmentName, content: outboxMessages.attachmentBase64 })
    .from(outboxMessages)
    .where(eq(outboxMessages.id, Number(id)));
  if (!message) return new Response('Introuvable / Not found', { status: 404 });
  return new Response(new Uint8Array(Buffer.from(message.content, 'base64')), {
    headers: {
      'content-type': 'application/pdf',
      'content-disposition': `inline; filename="${message.name}"`,
      'cache-control': 'private, no-store',
    },
  });
}
