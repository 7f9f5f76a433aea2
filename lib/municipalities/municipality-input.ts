/** The administrator's forms of the municipalities' list (/admin/municipalities). */
import { z } from 'zod';
import { requiredText } from '@/lib/forms/fields';

/** A municipality's name as it is written on the screens and in the reports: « Saint-Jérôme ». */
export const municipalityName = requiredText(100);

/** A municipality chosen in a list by its id: none chosen is a required field left empty. */
const municipalityId = z.preprocess(
  (value) => (typeof value === 'string' ? (/^\s*\d{1,10}\s*$/.test(value) ? Number(value) : value.trim() || undefined) : value),
  z
    .number({ error: (issue) => (issue.input === undefined ? 'required' : 'municipality.notFound') })
    .int({ error: 'municipality.notFound' })
    .min(1, { error: 'municipality.notFound' })
    .max(2_147_483_647, { error: 'municipality.notFound' }),
);

export const addMunicipalityInput = z.object({ name: municipalityName });
export type AddMunicipalityInput = z.output<typeof addMunicipalityInput>;

export const renameMunicipalityInput = z.object({ id: municipalityId, name: municipalityName });
export type RenameMunicipalityInput = z.output<typeof renameMunicipalityInput>;

/** `id`, a variant (« St-Jérôme »), merged into `intoId` (« Saint-Jérôme »). */
export const mergeMunicipalityInput = z
  .object({ id: municipalityId, intoId: municipalityId })
  .refine((input) => input.id !== input.intoId, { error: 'municipality.mergeIntoItself', path: ['intoId'] });
export type MergeMunicipalityInput = z.output<typeof mergeMunicipalityInput>;
