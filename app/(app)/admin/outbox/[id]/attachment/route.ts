import { getDb } from '@/db/index';
import { requireRoute } from '@/lib/auth/current-user';
import { getOutboxAttachment } from '@/lib/delivery/outbox';
import { parseRouteNumber } from '@/lib/url-state';

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  await requireRoute('/admin/outbox/[id]/attachment');
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
