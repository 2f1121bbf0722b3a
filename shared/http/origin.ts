// Only CloudFront may call the API. The HTTP API also answers on its own execute-api address, which
// would bypass the WAF in front of CloudFront; so CloudFront adds a header carrying a secret to every
// request it forwards to the API (infra/site.ts), and every API function refuses a request without it.
import { createHash, timingSafeEqual } from 'node:crypto';
import { ApiError } from '../model/errors.ts';
import { header, type HttpEvent } from './request.ts';

/** The origin custom header CloudFront sets (it replaces one a viewer sends under the same name). */
export const originSecretHeader = 'x-origin-verify';

/** Throws 403 forbidden unless the request carries the secret; compared in constant time. */
export function checkOrigin(event: HttpEvent, secret: string): void {
  const sent = header(event, originSecretHeader);
  const digest = (text: string) => createHash('sha256').update(text).digest();
  if (sent === undefined || !timingSafeEqual(digest(sent), digest(secret))) {
    throw new ApiError(403, 'forbidden', 'This API answers only through the registration site.');
  }
}
