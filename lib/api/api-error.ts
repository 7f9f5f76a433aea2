/**
 * The errors of the dispatch API (/api/v1): a stable code for the program, a message for the
 * person reading its log, in French or in English (Accept-Language), and the HTTP status.
 * Never a stack trace, never a database message.
 */
import { apiJson } from './api-json';

export const API_ERRORS = {
  unauthenticated: {
    status: 401,
    fr: 'Jeton manquant ou inconnu (en-tête Authorization: Bearer …).',
    en: 'Missing or unknown token (Authorization: Bearer … header).',
  },
  token_revoked: { status: 401, fr: 'Ce jeton a été révoqué par un administrateur.', en: 'This token was revoked by an administrator.' },
  insufficient_scope: { status: 403, fr: 'Ce jeton ne permet que la lecture.', en: 'This token may only read.' },
  rate_limited: {
    status: 429,
    fr: 'Trop de requêtes pour ce jeton : réessayez dans une minute.',
    en: 'Too many requests for this token: try again in a minute.',
  },
  not_found: { status: 404, fr: 'Rien ne correspond à cette adresse.', en: 'Nothing matches this address.' },
  validation: {
    status: 422,
    fr: 'La requête contient des valeurs invalides (voir « fields »).',
    en: 'The request holds invalid values (see “fields”).',
  },
  unknown_client: {
    status: 422,
    fr: 'Aucun client ne porte ce numéro (clientNumber).',
    en: 'No client has this number (clientNumber).',
  },
  inactive_client: {
    status: 422,
    fr: 'Ce client est inactif : il ne prend plus d’appels (clientNumber).',
    en: 'This client is inactive: it takes no more calls (clientNumber).',
  },
  unknown_municipality: {
    status: 422,
    fr: 'Une municipalité n’est pas dans la liste de l’entreprise (voir « fields ») : un administrateur l’ajoute dans Administration › Municipalités.',
    en: 'A municipality is not on the company’s list (see “fields”): an administrator adds it under Administration › Municipalities.',
  },
  credit_hold: {
    status: 409,
    fr: 'Le compte facturé de ce client est bloqué (limite de crédit, retard ou suspension) : l’appel est refusé.',
    en: 'The account billed for this client is on hold (credit limit, past due or suspended): the call is refused.',
  },
  call_invoiced: {
    status: 409,
    fr: 'Cet appel est déjà facturé : il ne peut plus changer (une correction se fait par note de crédit).',
    en: 'This call is already invoiced: it can no longer change (a correction is a credit note).',
  },
  unexpected: {
    status: 500,
    fr: 'Erreur inattendue : réessayez, ou signalez-la avec l’heure.',
    en: 'Unexpected error: try again, or report it with the time.',
  },
} as const satisfies Record<string, { status: number; fr: string; en: string }>;

export type ApiErrorCode = keyof typeof API_ERRORS;

export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    /** Field paths and what is wrong with each, for `validation` and `unknown_municipality`. */
    readonly fields: Record<string, string[]> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(code);
    this.name = 'ApiError';
  }
}

/** The JSON answer for an error, in the language the client asked for (French unless English comes first). */
export function apiErrorResponse(error: ApiError, request: Request): Response {
  const spec = API_ERRORS[error.code];
  const isEnglish = /^\s*en\b/i.test(request.headers.get('accept-language') ?? '');
  const body = {
    error: {
      code: error.code,
      message: isEnglish ? spec.en : spec.fr,
      ...(Object.keys(error.fields).length > 0 ? { fields: error.fields } : {}),
    },
  };
  return apiJson(body, { status: spec.status, headers: error.headers });
}
