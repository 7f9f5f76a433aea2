import { z } from 'zod';
import { defineFileRoute, download } from '@/actions/define-file-route';
import { isoDate } from '@/lib/forms/dates';
import { IMPORT_KINDS } from '@/lib/import/columns';
import { exportCallsStream, exportClientsCsv, exportTariffsCsv, templateCsv } from '@/lib/import/export-files';
import { todayInMontreal } from '@/lib/dates/montreal';

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
export const GET = defineFileRoute({
  route: '/admin/import/export',
  input: exportParams,
  file: async ({ db, input: { kind, template, from, to, separator } }) => {
    const name = FILE_NAMES[kind];
    if (template) return download({ kind: 'csv', body: templateCsv(kind, separator), name: `modele-${name}` });
    if (kind === 'clients')
      return download({ kind: 'csv', body: await exportClientsCsv(db, separator), name: `${name}-${todayInMontreal()}` });
    if (kind === 'tariffs')
      return download({ kind: 'csv', body: await exportTariffsCsv(db, separator), name: `${name}-${todayInMontreal()}` });
    // The calls of a period may be a million lines: written to the browser as they are read.
    const period = [from ?? 'debut', to ?? 'fin'].join('-');
    return download({ kind: 'csv', body: exportCallsStream(db, { from, to }, separator), name: `${name}-${period}` });
  },
});
