/**
 * What the dispatch system sends for one of its calls (PUT /api/v1/dispatch-calls/{dispatchId}):
 * the call as the dispatcher's screen takes it, in JSON, with its status, and for a passenger
 * trip its billing type, hours, municipalities (names, matched to the list as the form's) and SEV
 * bill number. The schema is also the request body of the OpenAPI document (lib/api/openapi.ts).
 */
import { z } from 'zod';
import { BILLING_TYPES, CALL_STATUSES, SERVICE_TYPES, SEV_NUMBER_PATTERN, type CallInput, type CallStatus } from '@/lib/calls/call-input';
import { IMPORTED_CALL_PREFIX } from '@/lib/calls/dispatch-id';
import { hasForbiddenCharacters, type TextShape } from '@/lib/text/control-characters';

export const dispatchIdParams = z.object({
  dispatchId: z
    .string()
    .regex(/^[A-Za-z0-9._:-]{1,100}$/, { error: '1 to 100 letters, digits or . _ : -' })
    // The ids of imported calls (lib/calls/dispatch-id.ts): the API neither reads nor writes them.
    .regex(new RegExp(`^(?!${IMPORTED_CALL_PREFIX})`), {
      error: `an id starting with ${IMPORTED_CALL_PREFIX} is reserved for imported calls`,
    })
    .meta({
      description: `The dispatch system’s own id of the call: 1 to 100 letters, digits or . _ : -, not starting with \`${IMPORTED_CALL_PREFIX}\` (reserved for the calls imported from a former system)`,
      example: 'D-2026-004512',
    }),
});

const isRealDate = (text: string) => {
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text && text >= '2000-01-01' && text <= '2100-12-31';
};

/** As the screens' fields (lib/forms/fields.ts): on one line unless `shape` is `'multiline'` (notes, addresses). */
const shaped = (text: z.ZodString, shape: TextShape) =>
  text.refine((value) => !hasForbiddenCharacters(value, shape), {
    error:
      shape === 'singleLine' ? 'one line, without tabs or control characters' : 'no control characters other than line breaks and tabs',
  });
const text = (max: number, shape: TextShape = 'singleLine') => shaped(z.string().trim().min(1).max(max), shape);
const optional = (max: number, shape: TextShape = 'singleLine') =>
  shaped(z.string().trim().max(max), shape)
    .nullish()
    .transform((value) => value || null);

export const dispatchCallInput = z
  .object({
    clientNumber: z.number().int().min(1).max(99_999_999).meta({ description: 'No. client (a member’s own number)', example: 12347 }),
    serviceDate: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'a date YYYY-MM-DD' })
      .refine(isRealDate, { error: 'a real date between 2000 and 2100' })
      .meta({ description: 'Service date in Montréal, YYYY-MM-DD', example: '2026-12-04' }),
    serviceTime: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'a time HH:MM' })
      .meta({ description: 'Service time in Montréal, HH:MM', example: '14:30' }),
    status: z.enum(CALL_STATUSES).default('open'),
    serviceType: z.enum(SERVICE_TYPES).default('standard'),
    caller: optional(120),
    pickupAddress: text(300, 'multiline'),
    destinationAddress: text(300, 'multiline'),
    distanceKm: z
      .number()
      .min(0)
      .max(9_999.99)
      .refine((km) => Number.isInteger(Math.round(km * 100)) && Math.abs(Math.round(km * 100) - km * 100) < 1e-6, {
        error: 'at most two decimals',
      })
      .default(0)
      .meta({ description: 'Kilometres, at most two decimals', example: 12.4 }),
    waitingMinutes: z.number().int().min(0).max(1440).default(0),
    clientReference: optional(100),
    notes: optional(2000, 'multiline'),
    billingType: z
      .enum(BILLING_TYPES)
      .nullish()
      .transform((type) => type ?? null)
      .meta({
        description:
          'Passenger trips only: how the price was set, printed on the invoice as Revenu Québec prescribes (`taxi` Tarif taxi., `odometer` Tarif odo., `fixed_regular` Tarif fixe r., `fixed_contract` Tarif fixe c., `hourly` Tarif horaire, `adapted` Tr. adapté, `collective` Tr. collectif, `app` Tarif app.). Absent: the client’s tariff’s default, else `fixed_contract`',
        example: 'fixed_contract',
      }),
    billingHours: z
      .number()
      .min(0.1)
      .max(999.9)
      .refine((hours) => Math.abs(Math.round(hours * 10) - hours * 10) < 1e-6, { error: 'at most one decimal' })
      .nullish()
      .transform((hours) => hours ?? null)
      .meta({
        description: 'The hours of a trip billed by the hour, to the tenth: required with `hourly`, refused otherwise',
        example: 2.5,
      }),
    originMunicipality: optional(100).meta({
      description:
        'Passenger trips only, and then required: the municipality the trip is taken from, a name of the company’s list, matched whatever its case, accents, punctuation and spaces (a spelling merged into another stands for it)',
      example: 'Laval',
    }),
    destinationMunicipality: optional(100).meta({
      description: 'Passenger trips only, and then required: the municipality the trip goes to, as `originMunicipality`',
      example: 'Montréal',
    }),
    sevNumber: z
      .string()
      .regex(SEV_NUMBER_PATTERN, { error: '1 to 40 letters, digits or . _ : / -' })
      .nullish()
      .transform((number) => number ?? null)
      .meta({
        description: 'Passenger trips only, optional: the bill number of the certified sales recording system (SEV)',
        example: 'SEV-2026-004512',
      }),
    references: z
      .record(
        z
          .string()
          .trim()
          .min(1)
          .max(60)
          .refine((label) => !hasForbiddenCharacters(label, 'singleLine') && !/[:;]/.test(label), {
            error: 'a label on one line, without : nor ;',
          }),
        z
          .string()
          .max(1000)
          .refine((value) => !hasForbiddenCharacters(value, 'singleLine'), { error: 'one line, without control characters' }),
      )
      .optional()
      .transform((values) => values ?? {})
      .meta({
        description:
          'The values of the required references of the client and of the head of its group (a purchase order, an authorization number…), by label, the label matched whatever its case. A value must follow its reference’s format and be one of its allowed values (422 naming `references.<label>` otherwise). A call without a required reference is accepted: once completed, it waits in the billing clerk’s review before billing (« référence manquante »)',
        example: { 'Bon de commande': 'BC-004512' },
      }),
  })
  .strict()
  .meta({ id: 'DispatchCallInput' });
export type DispatchCallInput = z.output<typeof dispatchCallInput>;

/** The call as the rules of every writer of calls take it (lib/calls/call-rules.ts), and its status. */
export function toCallInput(input: DispatchCallInput): { call: CallInput; status: CallStatus } {
  const { status, distanceKm, billingHours, ...rest } = input;
  // Whole hundredths, written as the database's numeric(8,2) reads back: 12.4 → "12.40".
  const hundredths = Math.round(distanceKm * 100);
  return {
    call: {
      ...rest,
      distanceKm: `${Math.trunc(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`,
      // In tenths, as the form gives them: 2.5 → 25.
      billingHours: billingHours === null ? null : Math.round(billingHours * 10),
    },
    status,
  };
}
