import { openApiDocument } from '@/lib/api/openapi';

/** GET /api/v1/openapi.json: the API's description, open to anyone (it holds no data). */
export function GET(): Response {
  return Response.json(openApiDocument());
}
