/** The aging screen's query: as-of date (today by default), the grouped checkbox, sort and page. */
import { z } from 'zod';
import { isoDate } from '@/lib/forms/dates';
import { defineUrlState } from '@/lib/url-state';
import { AGING_SORTS } from './aging';

export const agingSearchParams = z.object({
  asOf: isoDate.optional().catch(undefined),
  grouped: z.enum(['on']).optional().catch(undefined),
  sort: z.enum(AGING_SORTS).catch('balance'),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
export type AgingSearch = z.output<typeof agingSearchParams>;
export const agingSearchUrl = defineUrlState('/receivables', agingSearchParams);
