/**
 * What the dispatch API reads (docs/business-rules.md, Dispatch API): clients with the group
 * they are billed in today, and calls with their billing status. The zod schemas here are both
 * the shape of the answers and the source of the OpenAPI document (lib/api/openapi.ts).
 */
import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { queryRows, type Executor } from '@/db/index';
import type { calls } from '@/db/schema';
import { invoiceOfCall } from '@/lib/billing/invoiced-calls';
import { BILLING_TYPES, CALL_STATUSES, SERVICE_TYPES } from '@/lib/calls/call-input';
import { todayInMontreal } from '@/lib/dates/montreal';
import { countedMunicipality, type Municipality } from '@/lib/municipalities/find-municipalities';

export const apiClient = z
  .object({
    number: z.number().int().meta({ description: 'No. client', example: 12347 }),
    name: z.string().meta({ example: 'Pharmacie Tremblay' }),
    groupedClientNumber: z
      .number()
      .int()
      .nullable()
      .meta({ description: 'No. client regroupé: the head the client is billed on today (itself for a head), null when not grouped' }),
    isActive: z.boolean(),
    language: z.enum(['fr', 'en']).meta({ description: 'Language of its invoices' }),
    tariffCode: z.string().meta({ example: 'STD' }),
  })
  .meta({ id: 'Client' });
export type ApiClient = z.output<typeof apiClient>;

export const apiClientPage = z
  .object({
    clients: z.array(apiClient),
    next: z.number().int().nullable().meta({ description: 'The `after` of the next page, null on the last one' }),
  })
  .meta({ id: 'ClientPage' });

export const clientPageQuery = z.object({
  after: z.coerce.number().int().min(0).max(99_999_999).default(0).meta({ description: 'Clients numbered above this one' }),
  limit: z.coerce.number().int().min(1).max(500).default(100).meta({ description: 'Clients per page, 1 to 500' }),
});

export const clientNumberParams = z.object({
  number: z.coerce.number().int().min(1).max(99_999_999).meta({ description: 'No. client', example: 12347 }),
});

export const apiCall = z
  .object({
    number: z.number().int().meta({ description: 'Call number', example: 100123 }),
    dispatchId: z.string().nullable().meta({ description: 'The dispatch system’s own id, null for a call taken on the screen' }),
    clientNumber: z.number().int().meta({ description: 'The client the call was taken for (a member’s own number)' }),
    serviceDate: z.string().meta({ description: 'Service date in Montréal, YYYY-MM-DD', example: '2026-10-15' }),
    serviceAt: z.string().meta({ description: 'Service time, ISO 8601' }),
    status: z.enum(CALL_STATUSES),
    serviceType: z.enum(SERVICE_TYPES),
    pickupAddress: z.string(),
    destinationAddress: z.string(),
    clientReference: z.string().nullable(),
    billingType: z
      .enum(BILLING_TYPES)
      .nullable()
      .meta({ description: 'How a passenger trip’s price was set (printed on its invoice); null for a courier call' }),
    billingHours: z.number().nullable().meta({ description: 'The hours of a trip billed by the hour, to the tenth' }),
    originMunicipality: z.string().nullable().meta({
      description: 'A passenger trip’s municipality of origin, as the list writes it (a spelling merged since: the municipality it joined)',
    }),
    destinationMunicipality: z
      .string()
      .nullable()
      .meta({ description: 'A passenger trip’s municipality of destination, as `originMunicipality`' }),
    sevNumber: z.string().nullable().meta({ description: 'The bill number of the certified sales recording system (SEV)' }),
    references: z
      .record(z.string(), z.string())
      .meta({ description: 'The values of the client’s required references, by label', example: { 'Bon de commande': 'BC-004512' } }),
    priceCents: z.number().int().meta({ description: 'Price before taxes, in cents' }),
    billing: z
      .object({
        invoiceNumber: z.number().int().nullable().meta({ description: 'The invoice the call is on, null when not invoiced' }),
        billedClientNumber: z.number().int().nullable().meta({ description: 'Who the invoice is made out to (the head for a member)' }),
      })
      .meta({ description: 'Billing status' }),
  })
  .meta({ id: 'Call' });
export type ApiCall = z.output<typeof apiCall>;

export const callNumberParams = z.object({
  number: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER).meta({ description: 'Call number', example: 100123 }),
});

type ClientRow = { number: number; name: string; grouped: number | null; is_active: boolean; language: 'fr' | 'en'; tariff_code: string };

const clientOf = (row: ClientRow): ApiClient => ({
  number: Number(row.number),
  name: row.name,
  groupedClientNumber: row.grouped === null ? null : Number(row.grouped),
  isActive: row.is_active,
  language: row.language,
  tariffCode: row.tariff_code,
});

/** Clients numbered above `after`, by number, with the head each is billed on today. */
async function selectClients(db: Executor, where: ReturnType<typeof sql>, limit: number): Promise<ApiClient[]> {
  const today = todayInMontreal();
  const rows = await queryRows<ClientRow>(
    db,
    sql`
      select c.number, c.name, c.is_active, c.language, t.code as tariff_code,
             (select m.head_number from group_memberships m
               where m.client_number = c.number and m.valid_from <= ${today}::date
                 and (m.valid_to is null or m.valid_to > ${today}::date)) as grouped
        from clients c join tariffs t on t.id = c.tariff_id
       where ${where}
       order by c.number
       limit ${limit}`,
  );
  return rows.map(clientOf);
}

export async function listApiClients(db: Executor, query: z.output<typeof clientPageQuery>): Promise<z.output<typeof apiClientPage>> {
  const clients = await selectClients(db, sql`c.number > ${query.after}`, query.limit + 1);
  const page = clients.slice(0, query.limit);
  return { clients: page, next: clients.length > query.limit ? page.at(-1)!.number : null };
}

export async function getApiClient(db: Executor, number: number): Promise<ApiClient | null> {
  const [client] = await selectClients(db, sql`c.number = ${number}`, 1);
  return client ?? null;
}

/** A call by its number, with its billing status. */
export function getApiCall(db: Executor, number: number): Promise<ApiCall | null> {
  return selectApiCall(db, sql`c.number = ${number}`);
}

/** A call by the dispatch system's own id. */
export function getApiCallByDispatchId(db: Executor, dispatchId: string): Promise<ApiCall | null> {
  return selectApiCall(db, sql`c.dispatch_id = ${dispatchId}`);
}

async function selectApiCall(db: Executor, where: SQL): Promise<ApiCall | null> {
  const origin = countedMunicipality(sql`c.origin_municipality_id`);
  const destination = countedMunicipality(sql`c.destination_municipality_id`);
  const [row] = await queryRows<{
    number: number;
    dispatch_id: string | null;
    client_number: number;
    service_date: string;
    service_at: Date | string;
    status: ApiCall['status'];
    service_type: ApiCall['serviceType'];
    pickup_address: string;
    destination_address: string;
    client_reference: string | null;
    billing_type: ApiCall['billingType'];
    billing_hours_tenths: number | null;
    origin: string | null;
    destination: string | null;
    sev_number: string | null;
    reference_values: Record<string, string>;
    price_cents: number;
    invoice_number: number | null;
    billed_client_number: number | null;
  }>(
    db,
    sql`
      select c.number, c.dispatch_id, c.client_number, c.service_date::text as service_date, c.service_at, c.status, c.service_type,
             c.pickup_address, c.destination_address, c.client_reference, c.billing_type, c.billing_hours_tenths,
             ${origin.name} as origin, ${destination.name} as destination, c.sev_number, c.reference_values, c.price_cents,
             (select i.number ${invoiceOfCall(sql`c.number`)}) as invoice_number,
             (select i.billed_client_number ${invoiceOfCall(sql`c.number`)}) as billed_client_number
        from calls c
       where ${where}`,
  );
  if (!row) return null;
  return {
    number: Number(row.number),
    dispatchId: row.dispatch_id,
    clientNumber: Number(row.client_number),
    serviceDate: row.service_date,
    serviceAt: new Date(row.service_at).toISOString(),
    status: row.status,
    serviceType: row.service_type,
    pickupAddress: row.pickup_address,
    destinationAddress: row.destination_address,
    clientReference: row.client_reference,
    billingType: row.billing_type,
    billingHours: hoursOf(row.billing_hours_tenths),
    originMunicipality: row.origin,
    destinationMunicipality: row.destination,
    sevNumber: row.sev_number,
    references: row.reference_values,
    priceCents: Number(row.price_cents),
    billing: {
      invoiceNumber: row.invoice_number === null ? null : Number(row.invoice_number),
      billedClientNumber: row.billed_client_number === null ? null : Number(row.billed_client_number),
    },
  };
}

/** Tenths of an hour as the API writes hours: 25 → 2.5. */
const hoursOf = (tenths: number | null) => (tenths === null ? null : Number(tenths) / 10);

/**
 * A call as stored (a row of `calls`) with where it is billed and the municipalities it counts
 * as (read with it, or found for what was sent), as the API answers it.
 */
export function apiCallOf(
  call: typeof calls.$inferSelect,
  invoice: { number: number; billedClientNumber: number } | null,
  municipalities: { origin: Municipality | null; destination: Municipality | null },
): ApiCall {
  return {
    number: call.number,
    dispatchId: call.dispatchId,
    clientNumber: call.clientNumber,
    serviceDate: call.serviceDate,
    serviceAt: call.serviceAt.toISOString(),
    status: call.status,
    serviceType: call.serviceType,
    pickupAddress: call.pickupAddress,
    destinationAddress: call.destinationAddress,
    clientReference: call.clientReference,
    billingType: call.billingType,
    billingHours: hoursOf(call.billingHoursTenths),
    originMunicipality: municipalities.origin?.name ?? null,
    destinationMunicipality: municipalities.destination?.name ?? null,
    sevNumber: call.sevNumber,
    references: call.referenceValues,
    priceCents: call.priceCents,
    billing: { invoiceNumber: invoice?.number ?? null, billedClientNumber: invoice?.billedClientNumber ?? null },
  };
}
