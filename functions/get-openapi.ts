import middy from '@middy/core';
import { openApiDocument } from '#shared/http/openapi.ts';
import { apiRoute } from '#shared/http/route.ts';
import { runtime } from '#shared/runtime/runtime.ts';

let document: string | undefined;

/** GET /openapi.json: generated once per cold start from the Zod schemas. */
async function getOpenApiHandler() {
  document ??= JSON.stringify(openApiDocument(runtime().publicBaseUrl));
  return { statusCode: 200, body: document, headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'public, max-age=300' } };
}

export const handler = middy(getOpenApiHandler).use(apiRoute('get-openapi'));
