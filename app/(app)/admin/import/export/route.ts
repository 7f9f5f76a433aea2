import { z } from 'zod';
import { getDb } from '@/db/index';
import { requireFileRoute } from '@/lib/auth/current-user';
import { isoDate } from '@/lib/calls/call-input';
import { IMPORT_KINDS } from '@/lib/import/columns';
import { exportCallsCsv, exportClientsCsv, exportTariffsCsv, templateCsv } from '@/lib/import/export-files';
import { todayInMontreal } from '@/lib/dates/montreal';
import { downloadResponse } from '@/lib/http/file-response';

const optionalDate = z
  .string()
  .optional()
  .transform((text) => text?.trim() || null)
  .pipe(z.union([z.null(), isoDate]));

const exportParams = z.object({
  kind: z.enum(IMPORT_KINDS),
  template: z.literal('1').optional(),
  from: optionalDate,
  to: optionalDate,
  separator: z.enum(['semicolon', 'comma']).default('semicolon'),
});

/** French names of the files, as a French spreadsheet user expects them. */
const FILE_NAMES = { clients: 'clients', tariffs: 'tarifs', calls: 'appels' } as const;

/** An export in the import's shape, or a kind's template (its headers only). */
export async function GET(request: Request) {
  const access = await requireFileRoute(request, '/admin/import/export');
  if (access.refusal) return access.refusal;
  const parsed = exportParams.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return new Response('Paramètres invalides / Invalid parameters', { status: 400 });
  const { kind, template, from, to, separator } = parsed.data;
  const name = FILE_NAMES[kind];
  if (template) return downloadResponse(templateCsv(kind, separator), 'csv', `modele-${name}`);
  const db = getDb();
  if (kind === 'clients') return downloadResponse(await exportClientsCsv(db, separator), 'csv', `${name}-${todayInMontreal()}`);
  if (kind === 'tariffs') return downloadResponse(await exportTariffsCsv(db, separator), 'csv', `${name}-${todayInMontreal()}`);

  // The calls of a period may be a million lines: written to the browser as they are read.
  const encoder = new TextEncoder();
  const parts = exportCallsCsv(db, { from, to }, separator);
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await parts.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      } catch (error) {
        console.error('[import] calls export failed', error);
        controller.error(error);
      }
    },
    async cancel() {
      await parts.return(undefined);
    },
  });
  const period = [from ?? 'debut', to ?? 'fin'].join('-');
  return new Response(body, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${name}-${period}.csv"`,
      'cache-control': 'no-store',
    },
  });
}
