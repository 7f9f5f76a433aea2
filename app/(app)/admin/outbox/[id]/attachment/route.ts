import { getDb } from '@/db/index';
import { requireFileRoute } from '@/lib/auth/current-user';
import { getOutboxAttachment } from '@/lib/delivery/outbox';
import { parseRouteNumber } from '@/lib/url-state';

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const access = await requireFileRoute(request, '/admin/outbox/[id]/attachment');
  if (access.refusal) return access.refusal;
  const id = parseRouteNumber((await params).id);
  const attachment = id === null ? null : await getOutboxAttachment(getDb(), id);
  if (!attachment) return new Response('Introuvable / Not found', { status: 404 });
  return new Response(attachment.content, {
    headers: {
      'content-type': 'application/pdf',
      'content-disposition': `inline; filename="${attachment.name}"`,
      'cache-control': 'private, no-store',
    },
  });
}
