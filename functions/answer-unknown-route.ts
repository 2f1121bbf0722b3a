import middy from '@middy/core';
import type { HttpEvent } from '#shared/http/request.ts';
import { apiRoute } from '#shared/http/route.ts';
import { matchRoute } from '#shared/http/routes.ts';
import { ApiError } from '#shared/model/errors.ts';

/**
 * The API's $default route: anything no route matched. API Gateway would answer with its own body;
 * this keeps 404 and 405 in the API's error shape, and names the allowed methods.
 */
async function answerUnknownRouteHandler(event: HttpEvent): Promise<never> {
  const match = matchRoute(event.requestContext.http.method, event.requestContext.http.path ?? event.rawPath);
  if (match.kind === 'method_not_allowed') {
    throw new ApiError(405, 'method_not_allowed', `Use ${match.allowed.join(' or ')} on this path.`, {
      headers: { allow: match.allowed.join(', ') },
    });
  }
  throw new ApiError(404, 'not_found', 'There is no such route.');
}

export const handler = middy(answerUnknownRouteHandler).use(apiRoute('answer-unknown-route'));
