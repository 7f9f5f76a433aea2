import type { Messages } from '@/lib/i18n/messages/fr/index';

/** The dotted paths of the leaves of a message tree: { call: { date: '…' } } → 'call.date'. */
type MessagePath<T> = {
  [K in keyof T & string]: T[K] extends string ? K : `${K}.${MessagePath<T[K]>}`;
}[keyof T & string];

/**
 * A code the application may answer with: a key of the `errors` messages (French, the
 * reference), nested keys as dotted paths. A code without a message fails the type check.
 */
export type ErrorCode = MessagePath<Messages['errors']>;

/**
 * Errors the application expects and explains to the person. The code selects a translated
 * message (`errors.<code>` in lib/i18n/messages); `params` fill its placeholders. Anything else
 * thrown is logged and shown as a generic message, never as its raw text.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, string | number> = {},
    /** Field errors to show next to the inputs, as message codes. */
    readonly fieldErrors: Record<string, ErrorCode[]> = {},
    /** Several reasons, each translated and joined into the `problems` placeholder. */
    readonly details: { code: ErrorCode; params: Record<string, string | number> }[] = [],
  ) {
    super(code);
    this.name = 'AppError';
  }
}
