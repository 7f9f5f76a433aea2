/** The request header in which proxy.ts passes the path a visitor asked for to the pages. */
export const REQUEST_PATH_HEADER = 'x-requested-path';

/** Only a path of this application: never an absolute or protocol-relative URL (open redirect). */
export function isAppPath(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\');
}
