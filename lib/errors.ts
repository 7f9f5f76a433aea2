/**
 * Errors the application expects and explains to the person. The code selects a translated
 * message (`errors.<code>` in lib/i18n/messages); `params` fill its placeholders. Anything else
 * thrown is logged and shown as a generic message, never as its raw text.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly params: Record<string, string | number> = {},
    /** Field errors to show next to the inputs, as message codes. */
    readonly fieldErrors: Record<string, string[]> = {},
    /** Several reasons, each translated and joined into the `problems` placeholder. */
    readonly details: { code: string; params: Record<string, string | number> }[] = [],
  ) {
    super(code);
    this.name = 'AppError';
  }
}
