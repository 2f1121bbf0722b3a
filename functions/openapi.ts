import { json } from '#shared/http.ts';
import { openApiDocument } from '#shared/openapi.ts';
import { httpHandler, runtime } from '#shared/runtime.ts';

let document: string | undefined;

/** GET /openapi.json: generated once per cold start from the Zod schemas. */
export const handler = httpHandler('openapi', async () => {
  document ??= JSON.stringify(openApiDocument(runtime().publicBaseUrl));
  return { ...json(200, null), body: document, headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'public, max-age=300' } };
});
