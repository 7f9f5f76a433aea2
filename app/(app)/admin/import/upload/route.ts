import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { getDb } from '@/db/index';
import { getCurrentUser } from '@/lib/auth/current-user';
import { canOpen } from '@/lib/auth/permissions';
import { isSameOrigin } from '@/lib/http/same-origin';
import { IMPORT_KINDS } from '@/lib/import/columns';
import { importResponseStream } from '@/lib/import/import-stream';
import { runImport } from '@/lib/import/run-import';
import { importMaxBytes } from '@/lib/import/upload-limit';

const uploadParams = z.object({ kind: z.enum(IMPORT_KINDS), mode: z.enum(['check', 'import']) });

/**
 * A file to check or import (docs/business-rules.md, Import), its body read as it arrives: the
 * proxy leaves this path alone (it would hold the whole body in memory, and cut it at 10 MB), so
 * the session and the role are checked here. The answer streams the progress, then the result.
 */
export async function POST(request: Request) {
  const user = await getCurrentUser();
  if (!user) return new Response(null, { status: 303, headers: { location: '/login?callbackUrl=%2Fadmin%2Fimport' } });
  const t = await getTranslations('errors');
  if (!isSameOrigin(request)) return refusal(403, t('otherSite'));
  if (!canOpen(user.role, '/admin/import/upload')) return refusal(403, t('forbidden'));
  const params = uploadParams.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!params.success) return refusal(400, t('import.kind'));
  const maxBytes = importMaxBytes();
  if (Number(request.headers.get('content-length') ?? 0) > maxBytes) {
    return refusal(413, t('import.tooLarge', { limit: maxBytes / 1024 / 1024 }));
  }
  if (!request.body) return refusal(400, t('import.empty'));

  const body = request.body;
  const stream = importResponseStream(
    (onProgress) => runImport(getDb(), { ...params.data, actorId: user.id, body: chunksOf(body), maxBytes, onProgress }),
    (code, values) => (t.has(code) ? t(code, values) : t('invalid')),
  );
  return new Response(stream, {
    headers: { 'content-type': 'application/x-ndjson; charset=utf-8', 'cache-control': 'no-store', 'x-accel-buffering': 'no' },
  });
}

async function* chunksOf(body: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

function refusal(status: number, message: string): Response {
  return Response.json({ message }, { status, headers: { 'cache-control': 'no-store' } });
}
