import middy from '@middy/core';
import { approveDelegation } from '#shared/actions/delegation-follow-up.ts';
import { findEvent } from '#shared/actions/find-event.ts';
import type { HttpEvent } from '#shared/http/request.ts';
import { json } from '#shared/http/responses.ts';
import { apiRoute, signedIn, type RouteContext } from '#shared/http/route.ts';
import { mailingRuntime } from '#shared/runtime/mailing-runtime.ts';

/** POST /events/{eventId}/delegations/{entityId}/approve (organizers, moderators): every registration of the delegation's nominees awaiting a decision, approved at once. */
async function approveDelegationHandler(event: HttpEvent, context: RouteContext) {
  const deps = mailingRuntime();
  const conference = await findEvent(deps.events, event.pathParameters?.eventId);
  return json(200, await approveDelegation(deps, conference, event.pathParameters?.entityId, signedIn(context)));
}

export const handler = middy(approveDelegationHandler).use(apiRoute('approve-delegation'));
