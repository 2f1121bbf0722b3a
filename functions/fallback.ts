import { ApiError } from '#shared/errors.ts';
import { matchRoute } from '#shared/routes.ts';
import { httpHandler } from '#shared/runtime.ts';

/**
 * The API's $default route: anything no route matched. API Gateway would answer with its own body;
 * this keeps 404 and 405 in the API's error shape, and names the allowed methods.
 */
export const handler = httpHandler('fallback', async (event) => {
  const match = matchRoute(event.requestContext.http.method, event.requestContext.http.path ?? event.rawPath);
  if (match.kind === 'method_not_allowed') {
    throw new ApiError(405, 'method_not_allowed', `Use ${match.allowed.join(' or ')} on this path.`, {
      headers: { allow: match.allowed.join(', ') },
    });
  }
  throw new ApiError(404, 'not_found', 'There is no such route.');
});
