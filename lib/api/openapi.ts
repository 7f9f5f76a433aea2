/**
 * The OpenAPI 3.1 document of the dispatch API, generated from the zod schemas the routes
 * parse and answer with (lib/api/resources.ts), so that it cannot drift from them. Served at
 * /api/v1/openapi.json.
 */
import { z } from 'zod';
import { createDocument } from 'zod-openapi';
import { API_ERRORS } from './api-error';
import { dispatchCallInput, dispatchIdParams } from './dispatch-call-input';
import { apiCall, apiClient, apiClientPage, callNumberParams, clientNumberParams, clientPageQuery } from './resources';

const apiErrorBody = z
  .object({
    error: z.object({
      code: z.enum(Object.keys(API_ERRORS) as [keyof typeof API_ERRORS, ...(keyof typeof API_ERRORS)[]]),
      message: z
        .string()
        .meta({ description: 'For the person reading the log, in French, or in English when Accept-Language asks for it' }),
      fields: z
        .record(z.string(), z.array(z.string()))
        .optional()
        .meta({ description: 'For `validation` and `unknown_municipality`: what is wrong with each field' }),
    }),
  })
  .meta({ id: 'Error' });

const json = (schema: z.ZodType, description: string) => ({ description, content: { 'application/json': { schema } } });

const errors = (...codes: (keyof typeof API_ERRORS)[]) =>
  Object.fromEntries(
    [...new Set(codes.map((code) => API_ERRORS[code].status))].map((status) => [
      String(status),
      json(apiErrorBody, codes.filter((code) => API_ERRORS[code].status === status).join(', ')),
    ]),
  );

const readErrors = errors('unauthenticated', 'token_revoked', 'rate_limited', 'validation', 'unexpected');

let document: ReturnType<typeof createDocument> | undefined;

/** The document, made once per process: the schemas do not change while it runs. */
export function openApiDocument() {
  return (document ??= createDocument({
    openapi: '3.1.0',
    info: {
      title: 'API de répartition / Dispatch API',
      version: '1.0.0',
      description:
        'Clients and calls for the dispatch system. Every request carries a token created by an administrator at /admin/api: `Authorization: Bearer rfd_…`. A token is limited to API_RATE_PER_MINUTE requests a minute (600 by default).',
    },
    servers: [{ url: '/api/v1' }],
    security: [{ bearer: [] }],
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    paths: {
      '/clients': {
        get: {
          summary: 'Clients by number, a page at a time',
          requestParams: { query: clientPageQuery },
          responses: { '200': json(apiClientPage, 'A page of clients'), ...readErrors },
        },
      },
      '/clients/{number}': {
        get: {
          summary: 'One client, with the head it is billed on today',
          requestParams: { path: clientNumberParams },
          responses: { '200': json(apiClient, 'The client'), ...readErrors, ...errors('not_found') },
        },
      },
      '/dispatch-calls/{dispatchId}': {
        get: {
          summary: 'The call the dispatch system sent with this id, with its billing status',
          requestParams: { path: dispatchIdParams },
          responses: { '200': json(apiCall, 'The call'), ...readErrors, ...errors('not_found') },
        },
        put: {
          summary: 'Creates the call with this id, or brings it up to date; the same request twice gives one call',
          description:
            'Priced with the client’s own tariff and discount. A call keeps its price unless its client, distance or waiting time changes. A client whose tariff is passenger transport takes passenger trips: `originMunicipality` and `destinationMunicipality` are then required, names of the company’s list (an unknown one is refused with `unknown_municipality`, naming the field), `billingType` defaults to the tariff’s, else `fixed_contract`, and `billingHours` goes with `hourly` only; a courier call takes none of these fields. Once invoiced, a call can no longer change: a request that changes it is refused with `call_invoiced`, one that changes nothing is answered 200. Needs a token of scope `write`.',
          requestParams: { path: dispatchIdParams },
          requestBody: { required: true, content: { 'application/json': { schema: dispatchCallInput } } },
          responses: {
            '200': json(apiCall, 'The call was already there: brought up to date, or unchanged'),
            '201': json(apiCall, 'The call was created'),
            ...readErrors,
            ...errors(
              'insufficient_scope',
              'unknown_client',
              'inactive_client',
              'unknown_municipality',
              'credit_hold',
              'call_invoiced',
              'validation',
            ),
          },
        },
      },
      '/calls/{number}': {
        get: {
          summary: 'One call, with its billing status',
          requestParams: { path: callNumberParams },
          responses: { '200': json(apiCall, 'The call'), ...readErrors, ...errors('not_found') },
        },
      },
    },
  }));
}
