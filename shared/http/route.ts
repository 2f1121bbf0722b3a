// What every route's handler wears, in one call at the end of each handler file:
//   export const handler = middy(lambdaHandler).use(apiRoute('submit-registration'));
// The access log, the security headers, the one error mapper, the check that the request came through
// CloudFront, and the role check the route table asks for, in that order (middy runs onError in
// reverse: errors are mapped first, then get the security headers, then are logged).
import type { MiddlewareObj } from '@middy/core';
import type { Context } from 'aws-lambda';
import { ApiError } from '../model/errors.ts';
import type { Organizer, StaffRole } from '../model/organizer.ts';
import { loadConfig, type RoleGroups } from '../platform/config.ts';
import { createLogger } from '../platform/log.ts';
import { readSecret } from '../platform/secrets.ts';
import { accessLog, errorResponses, securityHeaders, type ErrorPage } from './middleware.ts';
import { organizerOf } from './organizer-auth.ts';
import { checkOrigin } from './origin.ts';
import type { HttpEvent } from './request.ts';
import type { HttpResult } from './responses.ts';
import { rolesOfHandler, type HandlerName } from './routes.ts';

/** The Lambda context of a route's handler, with the signed-in staff member when the route is for staff. */
export type RouteContext = Context & { organizer?: Organizer };

export interface RouteOptions {
  /** How errors look to a browser that came from a page (see ErrorPage); JSON otherwise. */
  errorPage?: ErrorPage;
}

export function apiRoute(name: HandlerName, options: RouteOptions = {}): MiddlewareObj<HttpEvent, HttpResult, Error, RouteContext>[] {
  const log = createLogger({ service: 'conference-registration', handler: name });
  // Read at cold start: a function missing a setting fails here, naming it, not on some later request.
  const { roleGroups } = loadConfig();
  const admitted = rolesOfHandler(name);
  const middlewares: MiddlewareObj<HttpEvent, HttpResult, Error, RouteContext>[] = [accessLog(log), securityHeaders(), errorResponses(log, options.errorPage), throughCloudFront()];
  if (admitted.length > 0) middlewares.push(staffOnly(roleGroups, admitted));
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

/** The route table says which roles may call it; this checks once per request and hands the caller on. */
function staffOnly(roleGroups: RoleGroups, admitted: readonly StaffRole[]): MiddlewareObj<HttpEvent, HttpResult, Error, RouteContext> {
  return {
    before: (request) => {
      request.context.organizer = organizerOf(request.event, roleGroups, admitted);
    },
  };
}

/** The caller of a staff route (apiRoute has checked that the token's groups give a role it admits). */
export function signedIn(context: RouteContext): Organizer {
  if (!context.organizer) throw new ApiError(401, 'unauthorized', 'Sign in as an organizer: send Authorization: Bearer <token>.');
  return context.organizer;
}
