/** The request header in which proxy.ts passes the path a visitor asked for to the pages. */
export const REQUEST_PATH_HEADER = 'x-requested-path';
