import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { defineFileRoute, FileRouteRefusal } from '@/actions/define-file-route';
import { IMPORT_KINDS } from '@/lib/import/columns';
import { importResponseStream } from '@/lib/import/import-stream';
import { runImport } from '@/lib/import/run-import';
import { importMaxBytes } from '@/lib/import/upload-limit';

const uploadParams = z.object({ kind: z.enum(IMPORT_KINDS), mode: z.enum(['check', 'import']) });

/**
 * A file to check or import (docs/business-rules.md, Import), its body read as it arrives, sent by
 * the import page's script, which reads a refusal as JSON. The answer streams the progress, then
 * the result.
 */
export const POST = defineFileRoute({
  route: '/admin/import/upload',
  input: uploadParams,
  from: 'query',
  messages: { invalid: 'errors.import.kind' },
  file: async ({ db, user, input, request }) => {
    const maxBytes = importMaxBytes();
    if (Number(request.headers.get('content-length') ?? 0) > maxBytes) {
      throw new FileRouteRefusal(413, 'errors.import.tooLarge', { limit: maxBytes / 1024 / 1024 });
    }
    if (!request.body) throw new FileRouteRefusal(400, 'errors.import.empty');
    const body = request.body;
    const t = await getTranslations('errors');
    const stream = importResponseStream(
      (onProgress) => runImport(db, { ...input, actorId: user.id, body: chunksOf(body), maxBytes, onProgress }),
      (code, values) => (t.has(code) ? t(code, values) : t('invalid')),
    );
    return { body: stream, contentType: 'application/x-ndjson; charset=utf-8', name: null, isUnbuffered: true };
  },
});

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
