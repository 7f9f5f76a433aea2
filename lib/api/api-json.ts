/**
 * A JSON answer of the dispatch API. No cache on the way keeps it (`no-store`: a client's data,
 * read with a token). A body under 1 KB is also marked `no-transform`, and the server then sends
 * it as it is: Next.js streams a route's body without its length, so the compression middleware
 * cannot apply its own threshold (1 KB) and compressed every answer, the 550 bytes of a call
 * created included, at the price of a zlib stream each (about 7 % of the server's CPU under the
 * benchmark's load, README, Performance). A larger body (a page of clients) is still compressed.
 */
const UNCOMPRESSED_BELOW_BYTES = 1024;

export function apiJson(value: unknown, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  const body = JSON.stringify(value);
  const isSmall = Buffer.byteLength(body) < UNCOMPRESSED_BELOW_BYTES;
  return new Response(body, {
    status: init.status ?? 200,
    headers: { ...init.headers, 'content-type': 'application/json', 'cache-control': isSmall ? 'no-store, no-transform' : 'no-store' },
  });
}
