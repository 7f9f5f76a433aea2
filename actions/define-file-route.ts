/**
 * The one wrapper around every route handler that answers a file (a PDF, a CSV, the import's
 * progress), as defineAction is for server actions and apiRoute for the dispatch API, in this
 * order: the role, and the same origin for a request that changes data → the input parsed with
 * zod → the route's body → its file. Whatever stops it answers a short text in the user's
 * language, never a stack trace or an error page (the browser shows it in place of the page):
 * - input that does not parse → 400; nothing to produce (the body returns null) → 404;
 * - an AppError → 409 with its message (`errors.<code>`), as defineAction says it;
 * - the database unreachable → 503; anything else → 500, logged.
 * A route may name its own message for each case (a print says that nothing was marked printed).
 */
import { createTranslator } from 'next-intl';
import { cookies } from 'next/headers';
import { unstable_rethrow } from 'next/navigation';
import { z } from 'zod';
import { isConnectionLost } from '@/db/errors';
import { getDb, type Db } from '@/db/index';
import { getCurrentUser, requireFileRoute, type CurrentUser, type FileRouteAccess } from '@/lib/auth/current-user';
import type { FileRoute } from '@/lib/auth/file-routes';
import { canOpen, type AppRoute } from '@/lib/auth/permissions';
import { BUSINESS_TIME_ZONE } from '@/lib/dates/montreal';
import { AppError, type ErrorCode } from '@/lib/errors';
import { isSameOrigin } from '@/lib/http/same-origin';
import { DEFAULT_LOCALE, LOCALE_COOKIE, isLocale, type Locale } from '@/lib/i18n/locale';
import { en } from '@/lib/i18n/messages/en/index';
import { fr, type Messages } from '@/lib/i18n/messages/fr/index';
import { parseRouteNumber } from '@/lib/url-state';
import { formDataToObject } from './define-action';

/**
 * Routes that a script of the application's own page calls, rather than a link or a form: the
 * import's upload, which sends the file and reads its progress. The script shows a refusal it
 * reads as JSON `{ message }`; a visitor whose session ended is sent (303, so that the file is
 * not sent again) to sign in, then back to the route's screen. The proxy leaves these paths alone
 * (it would hold the whole body), so the session is read here first.
 */
export const SCREEN_OF_SCRIPT_ROUTE = {
  '/admin/import/upload': '/admin/import',
} as const satisfies Partial<Record<AppRoute, AppRoute>>;
type ScriptRoute = keyof typeof SCREEN_OF_SCRIPT_ROUTE;
const isScriptRoute = (route: FileRoute | ScriptRoute): route is ScriptRoute => route in SCREEN_OF_SCRIPT_ROUTE;

type MessagePath<T> = {
  [K in keyof T & string]: T[K] extends string ? K : `${K}.${MessagePath<T[K]>}`;
}[keyof T & string];

/** What a route may answer when it produces no file: a message of `fileRoutes`, or an error code's. */
export type RefusalMessage = `fileRoutes.${MessagePath<Messages['fileRoutes']>}` | `errors.${ErrorCode}`;
type Params = Record<string, string | number>;

/** What the route's body produces. */
export type RouteFile = {
  /** A text (sent as UTF-8), bytes, or a stream sent as it is written (a long PDF, a million calls). */
  body: string | Uint8Array | ReadableStream<Uint8Array>;
  contentType: string;
  /** The file's name with its extension; null for an answer that the page's script reads (no file). */
  name: string | null;
  /** Saved as a file (the default) or shown by the browser (a preview). */
  disposition?: 'attachment' | 'inline';
  cacheControl?: 'no-store' | 'private, no-store';
  /** Sent on as it is written, held by no proxy (nginx would buffer it): the import's progress lines. */
  isUnbuffered?: boolean;
};

export type FileRouteSpec<S extends z.ZodType> = {
  /** The route's pattern, which gives its roles (lib/auth/permissions.ts). */
  route: FileRoute | ScriptRoute;
  /** The input, read from the path's segments and from `from`; the segments win over a field of the same name. */
  input: S;
  /**
   * Where the rest of the input is: the query string, the default for a GET, or the form posted,
   * the default for any other method. A route answering both (a preview and a print) gets each.
   */
  from?: 'query' | 'form';
  /** What the server's log says, with the error, when the file was not produced (default: the route's name). */
  logAs?: string;
  /** The route's own messages, in place of the `fileRoutes` ones. */
  messages?: Partial<Record<'invalid' | 'notFound' | 'unavailable' | 'unexpected', RefusalMessage>>;
  /** The file, or null when there is nothing to produce (404). */
  file: (context: { db: Db; user: CurrentUser; input: z.output<S>; request: Request }) => Promise<RouteFile | null>;
};

/**
 * Thrown by a route's body to refuse with a status of its own (the import's file too large: 413),
 * answered as any other refusal of the route.
 */
export class FileRouteRefusal extends Error {
  constructor(
    readonly status: number,
    readonly refusal: RefusalMessage,
    readonly params: Params = {},
  ) {
    super(refusal);
    this.name = 'FileRouteRefusal';
  }
}

/** A number in the path (/invoices/12/pdf): null when it is not one, so that the route answers 404 as for a number that names nothing. */
export const pathNumber = z.string().transform((raw) => parseRouteNumber(raw));

/** A CSV (UTF-8) or a PDF to save as `name.csv` or `name.pdf`: the reports' and the import's exports. */
export function download(file: { kind: 'csv' | 'pdf'; body: RouteFile['body']; name: string }): RouteFile {
  return {
    body: file.body,
    contentType: file.kind === 'csv' ? 'text/csv; charset=utf-8' : 'application/pdf',
    name: `${file.name}.${file.kind}`,
  };
}

const DEFAULT_MESSAGES = {
  invalid: 'fileRoutes.invalid',
  notFound: 'fileRoutes.notFound',
  unavailable: 'fileRoutes.unavailable',
  unexpected: 'fileRoutes.unexpected',
} as const satisfies Required<FileRouteSpec<z.ZodType>['messages']>;

export function defineFileRoute<S extends z.ZodType>(spec: FileRouteSpec<S>) {
  const messages = { ...DEFAULT_MESSAGES, ...spec.messages };
  const { route } = spec;
  const answer = isScriptRoute(route) ? jsonAnswer : textAnswer;

  return async function handler(request: Request, context?: { params: Promise<Record<string, string>> }): Promise<Response> {
    let user: CurrentUser | null = null;
    const refuse = async (status: number, message: RefusalMessage, params: Params = {}) =>
      answer(status, translatorOf(await localeOf(user))(message, params));
    try {
      const access = isScriptRoute(route) ? await requireScriptRoute(request, route) : await requireFileRoute(request, route);
      if (access.refusal) return access.refusal;
      user = access.user;
      const fields = await fieldsOf(request, spec.from ?? (isReading(request) ? 'query' : 'form'));
      const parsed = fields === null ? null : spec.input.safeParse({ ...fields, ...(await context?.params) });
      if (!parsed?.success) return await refuse(400, messages.invalid);
      const file = await spec.file({ db: getDb(), user, input: parsed.data, request });
      if (file === null) return await refuse(404, messages.notFound);
      return fileAnswer(file);
    } catch (error) {
      unstable_rethrow(error);
      if (error instanceof FileRouteRefusal) return refuse(error.status, error.refusal, error.params);
      if (error instanceof AppError) return answer(409, messageOfAppError(translatorOf(await localeOf(user)), error));
      console.error(spec.logAs ?? `[file ${route}]`, error);
      return isConnectionLost(error) ? refuse(503, messages.unavailable) : refuse(500, messages.unexpected);
    }
  };
}

/** `requireFileRoute` for a route of a page's script: anonymous → 303 to sign in; another site or another role → 403 `{ message }`. */
async function requireScriptRoute(request: Request, route: ScriptRoute): Promise<FileRouteAccess> {
  const user = await getCurrentUser();
  if (!user) {
    const location = `/login?callbackUrl=${encodeURIComponent(SCREEN_OF_SCRIPT_ROUTE[route])}`;
    return { user: null, refusal: new Response(null, { status: 303, headers: { location, 'cache-control': 'no-store' } }) };
  }
  const t = translatorOf(user.locale);
  if (!isReading(request) && !isSameOrigin(request)) return { user: null, refusal: jsonAnswer(403, t('errors.otherSite')) };
  if (!canOpen(user.role, route)) return { user: null, refusal: jsonAnswer(403, t('errors.forbidden')) };
  return { user, refusal: null };
}

const isReading = (request: Request) => request.method === 'GET' || request.method === 'HEAD';

/** The query string's fields, or the form's; null when the body is not a form. */
async function fieldsOf(request: Request, from: 'query' | 'form'): Promise<Record<string, unknown> | null> {
  if (from === 'query') return Object.fromEntries(new URL(request.url).searchParams);
  try {
    return formDataToObject(await request.formData());
  } catch {
    return null;
  }
}

/**
 * The signed-in user's language; before the user is known (the database unreachable while reading
 * them), the sign-in page's choice, else French. Its messages are read directly rather than through
 * next-intl's request configuration, which reads the user from the database: the refusal of a
 * request whose database is down is still written.
 */
async function localeOf(user: CurrentUser | null): Promise<Locale> {
  if (user) return user.locale;
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  return isLocale(chosen) ? chosen : DEFAULT_LOCALE;
}

function translatorOf(locale: Locale) {
  return createTranslator({ locale, messages: locale === 'en' ? en : fr, timeZone: BUSINESS_TIME_ZONE });
}

/** An AppError's message with its parameters, its several reasons joined into `problems`, as defineAction writes it. */
function messageOfAppError(t: ReturnType<typeof translatorOf>, error: AppError): string {
  const problems = error.details.map((d) => (t.has(`errors.${d.code}`) ? t(`errors.${d.code}`, d.params) : t('errors.invalid'))).join(' ');
  const params = error.details.length > 0 ? { ...error.params, problems } : error.params;
  return t.has(`errors.${error.code}`) ? t(`errors.${error.code}`, params) : t('errors.unexpected');
}

function textAnswer(status: number, message: string): Response {
  return new Response(message, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });
}

function jsonAnswer(status: number, message: string): Response {
  return Response.json({ message }, { status, headers: { 'cache-control': 'no-store' } });
}

function fileAnswer(file: RouteFile): Response {
  const headers: Record<string, string> = { 'content-type': file.contentType, 'cache-control': file.cacheControl ?? 'no-store' };
  // A name is the application's own; a quote or a line break would still break the header.
  if (file.name !== null)
    headers['content-disposition'] = `${file.disposition ?? 'attachment'}; filename="${file.name.replace(/["\\\p{Cc}]/gu, '_')}"`;
  if (file.isUnbuffered) headers['x-accel-buffering'] = 'no';
  const body = typeof file.body === 'string' || file.body instanceof ReadableStream ? file.body : new Uint8Array(file.body);
  return new Response(body, { headers });
}
