// What every route's handler wears, in one call at the end of each handler file:
//   export const handler = middy(lambdaHandler).use(apiRoute('submit-registration'));
// The access log, the security headers, the one error mapper, the check that the request came through
// CloudFront, and the organizer check the route table asks for, in that order (middy runs onError in
// reverse: errors are mapped first, then get the security headers, then are logged).
import type { MiddlewareObj } from '@middy/core';
import type { Context } from 'aws-lambda';
import { ApiError } from '../model/errors.ts';
import type { Organizer } from '../model/organizer.ts';
import { loadConfig } from '../platform/config.ts';
import { createLogger } from '../platform/log.ts';
import { readSecret } from '../platform/secrets.ts';
import { accessLog, errorResponses, securityHeaders, type ErrorPage } from './middleware.ts';
import { organizerOf } from './organizer-auth.ts';
import { checkOrigin } from './origin.ts';
import type { HttpEvent } from './request.ts';
import type { HttpResult } from './responses.ts';
import { routes, type HandlerName } from './routes.ts';

/** The Lambda context of a route's handler, with the organizer when the route is for organizers. */
export type RouteContext = Context & { organizer?: Organizer };

export interface RouteOptions {
  /** How errors look to a browser that came from a page (see ErrorPage); JSON otherwise. */
  errorPage?: ErrorPage;
}

export function apiRoute(name: HandlerName, options: RouteOptions = {}): MiddlewareObj<HttpEvent, HttpResult, Error, RouteContext>[] {
  const log = createLogger({ service: 'conference-registration', handler: name });
  // Read at cold start: a function missing a setting fails here, naming it, not on some later request.
  const { organizerGroup } = loadConfig();
  const forOrganizers = routes.some((route) => route.handler === name && route.organizersOnly);
  const middlewares: MiddlewareObj<HttpEvent, HttpResult, Error, RouteContext>[] = [accessLog(log), securityHeaders(), errorResponses(log, options.errorPage), throughCloudFront()];
  if (forOrganizers) middlewares.push(organizersOnly(organizerGroup));
  return middlewares;
}

/**
 * Refuses requests that did not come through CloudFront (shared/http/origin.ts), with the secret read
 * once per cold start. Local mode has no CloudFront in front of its gateway, so there no secret is
 * configured and nothing is checked; the stack gives every API function the secret's ARN.
 */
function throughCloudFront(): MiddlewareObj<HttpEvent, HttpResult, Error, RouteContext> {
  return {
    before: async (request) => {
      const secret = await readSecret('origin');
      if (secret !== undefined) checkOrigin(request.event, secret);
    },
  };
}

/** The route table says who may call it; this checks once per request and hands the organizer on. */
function organizersOnly(group: string): MiddlewareObj<HttpEvent, HttpResult, Error, RouteContext> {
  return {
    before: (request) => {
      request.context.organizer = organizerOf(request.event, group);
    },
  };
}

/** The organizer of an organizer route (apiRoute has checked the token's group). */
export function signedIn(context: RouteContext): Organizer {
  if (!context.organizer) throw new ApiError(401, 'unauthorized', 'Sign in as an organizer: send Authorization: Bearer <token>.');
  return context.organizer;
}
