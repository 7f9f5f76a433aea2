/** A file to download (a CSV or a PDF export): its type, its name, never cached. */
export function downloadResponse(body: string | Uint8Array, kind: 'csv' | 'pdf', name: string): Response {
  return new Response(typeof body === 'string' ? body : new Uint8Array(body), {
    headers: {
      'content-type': kind === 'csv' ? 'text/csv; charset=utf-8' : 'application/pdf',
      'content-disposition': `attachment; filename="${name}.${kind}"`,
      'cache-control': 'no-store',
    },
  });
}
