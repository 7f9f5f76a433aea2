/** The forms of the accounting export screen (/admin/accounting): a period to export. */
import { z } from 'zod';
import { isoDate } from '@/lib/forms/dates';
import { checkbox } from '@/lib/forms/fields';

export const exportPeriodInput = z
  .object({
    from: isoDate,
    to: isoDate,
    /** Documents already exported are taken again, on purpose. */
    isReexport: checkbox,
  })
  .refine((input) => input.from <= input.to, { path: ['to'], error: 'accounting.periodOrder' });
export type ExportPeriodInput = z.output<typeof exportPeriodInput>;
