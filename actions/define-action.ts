/**
 * The one wrapper around every server action, in this order: authenticate → check the role →
 * parse the form with zod → run the business function → refresh the screens it changed → typed
 * result. Errors come back as translated messages and field errors; raw exception text never
 * reaches the browser.
 */
import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { unstable_rethrow } from 'next/navigation';
import { z } from 'zod';
import { getDb, type Db } from '@/db/index';
import { getCurrentUser, type CurrentUser } from '@/lib/auth/current-user';
import type { Role } from '@/lib/auth/roles';
import { AppError, type ErrorCode } from '@/lib/errors';

import type { ActionState } from './action-state';

export type ActionSpec<S extends z.ZodType, R> = {
  /** A stable name, used by the authorization tests to find every action. */
  name: string;
  roles: readonly Role[];
  input: S;
  run: (context: { db: Db; user: CurrentUser; input: z.output<S> }) => Promise<R>;
  /**
   * The screens whose data the action changes, refreshed once it ran, also when it ends by
   * redirecting (then without its result): paths, or the paths of its input and result.
   * Written after `run`, so that the result's type is known from it.
   */
  revalidates?:
    readonly string[] | ((done: { input: NoInfer<z.output<S>>; result: NoInfer<R> | undefined }) => readonly (string | null | undefined)[]);
};

function revalidate<S extends z.ZodType, R>(spec: ActionSpec<S, R>, done: { input: z.output<S>; result: R | undefined }): void {
  const paths = typeof spec.revalidates === 'function' ? spec.revalidates(done) : (spec.revalidates ?? []);
  for (const path of paths) if (path) revalidatePath(path);
}

export type RegisteredAction = (previous: unknown, formData: FormData) => Promise<ActionState<unknown>>;

/** Every action defined in the application, with the roles allowed to call it (tested as a matrix). */
export const actionRegistry = new Map<string, { roles: readonly Role[]; action: RegisteredAction }>();

/**
 * The few actions that must work without a signed-in user (signing in, signing out, the sign-in
 * page's language), written by hand because defineAction refuses anonymous callers. Listed here
 * so that the authorization test tells them from an action that escaped the registry.
 */
export const anonymousActions = new Map<string, (...args: never[]) => Promise<unknown>>();

export function registerAnonymousAction(name: string, action: (...args: never[]) => Promise<unknown>): void {
  anonymousActions.set(name, action);
}

/**
 * A form's fields (or a query string's) as an object: a field given twice is a list; a field `name[key]` (the values of
 * a call's references by label) is the entry `key` of the object `name`.
 */
export function formDataToObject(formData: FormData | URLSearchParams): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith('$ACTION')) continue;
    const values = formData.getAll(key).map((v) => (typeof v === 'string' ? v : v.name));
    const value = values.length > 1 ? values : values[0];
    const nested = /^([A-Za-z]\w*)\[(.+)\]$/.exec(key);
    if (!nested) {
      result[key] = value;
      continue;
    }
    const [, name, entry] = nested as unknown as [string, string, string];
    const object = (result[name] ??= {}) as Record<string, unknown>;
    if (typeof object === 'object' && object !== null && !Array.isArray(object)) object[entry] = value;
  }
  return result;
}

/** The refusal of an action as the form shows it: its message and each field's, translated. */
export async function actionFailure<R>(
  code: ErrorCode,
  params: Record<string, string | number> = {},
  // zod's messages (codes written in the input schemas) or an AppError's field errors.
  fieldErrors: Record<string, readonly string[]> = {},
): Promise<ActionState<R>> {
  const t = await getTranslations('errors');
  return {
    status: 'error',
    code,
    message: t.has(code) ? t(code, params) : t('unexpected'),
    fieldErrors: Object.fromEntries(
      // A field error repeats the action's code with its parameters ("{target} est membre du groupe {head}…").
      Object.entries(fieldErrors).map(([field, codes]) => [field, codes.map((c) => (t.has(c) ? t(c, params) : t('invalid')))]),
    ),
  };
}

/** A form refused by its input schema: each field's problems, as the form shows them. */
export function validationFailure<R>(error: z.ZodError): Promise<ActionState<R>> {
  const fieldErrors = z.flattenError(error).fieldErrors as Record<string, string[] | undefined>;
  return actionFailure('validation', {}, Object.fromEntries(Object.entries(fieldErrors).map(([k, v]) => [k, v ?? []])));
}

/** An AppError thrown by the work of an action, as the form shows it. */
export async function appErrorFailure<R>(error: AppError): Promise<ActionState<R>> {
  const t = await getTranslations('errors');
  const problems = error.details.map((d) => (t.has(d.code) ? t(d.code, d.params) : t('invalid'))).join(' ');
  return actionFailure(error.code, error.details.length > 0 ? { ...error.params, problems } : error.params, error.fieldErrors);
}

export function defineAction<S extends z.ZodType, R>(spec: ActionSpec<S, R>) {
  async function action(_previous: unknown, formData: FormData): Promise<ActionState<R>> {
    const fail = (code: ErrorCode) => actionFailure<R>(code);

    let input: z.output<S> | undefined;
    try {
      const user = await getCurrentUser();
      if (!user) return fail('unauthenticated');
      if (!spec.roles.includes(user.role)) return fail('forbidden');
      const parsed = spec.input.safeParse(formDataToObject(formData));
      if (!parsed.success) return validationFailure(parsed.error);
      input = parsed.data;
      const data = await spec.run({ db: getDb(), user, input: parsed.data });
      revalidate(spec, { input: parsed.data, result: data });
      return { status: 'success', data };
    } catch (error) {
      try {
        unstable_rethrow(error);
      } catch (control) {
        // A redirect (or another of Next.js's own signals) after the action did its work.
        if (input !== undefined) revalidate(spec, { input, result: undefined });
        throw control;
      }
      if (error instanceof AppError) return appErrorFailure(error);
      console.error(`[action ${spec.name}]`, error);
      return fail('unexpected');
    }
  }
  actionRegistry.set(spec.name, { roles: spec.roles, action });
  return action;
}
