import middy from '@middy/core';
import { decideRegistration } from '#shared/actions/decide-registration.ts';
import { findEvent } from '#shared/actions/find-event.ts';
import { decisionRequestSchema } from '#shared/http/contract.ts';
import { readJsonObject, requiredIfMatch, type HttpEvent } from '#shared/http/request.ts';
import { json } from '#shared/http/responses.ts';
import { apiRoute, signedIn, type RouteContext } from '#shared/http/route.ts';
import { etagOf, parseOrThrow } from '#shared/model/errors.ts';
import { registrationView, revisionOf } from '#shared/model/registration.ts';
import { mailingRuntime } from '#shared/runtime/mailing-runtime.ts';

/** POST /events/{eventId}/registrations/{registrationId}/reject (organizers), with an optional reason. */
async function rejectRegistrationHandler(event: HttpEvent, context: RouteContext) {
  const deps = mailingRuntime();
  const conference = await findEvent(deps.events, event.pathParameters?.eventId);
  const reviewed = requiredIfMatch(event);
  const { reason } = event.body ? parseOrThrow(decisionRequestSchema, readJsonObject(event)) : { reason: undefined };
  const registration = await decideRegistration(deps, conference, event.pathParameters?.registrationId, 'reject', reason || undefined, signedIn(context), reviewed);
  return json(200, { ...registrationView(registration), history: registration.history }, { etag: etagOf(revisionOf(registration)) });
}

export const handler = middy(rejectRegistrationHandler).use(apiRoute('reject-registration'));
