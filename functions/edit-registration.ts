import middy from '@middy/core';
import { editRegistration } from '#shared/actions/edit-registration.ts';
import { findEvent } from '#shared/actions/find-event.ts';
import { editRequestSchema } from '#shared/http/contract.ts';
import { readJsonObject, requiredIfMatch, type HttpEvent } from '#shared/http/request.ts';
import { json } from '#shared/http/responses.ts';
import { apiRoute, signedIn, type RouteContext } from '#shared/http/route.ts';
import { etagOf, parseOrThrow } from '#shared/model/errors.ts';
import { registrationView, revisionOf } from '#shared/model/registration.ts';
import { runtime } from '#shared/runtime/runtime.ts';

/** PATCH /events/{eventId}/registrations/{registrationId} (organizers): `{"changes":{...}}` on the participant's behalf, If-Match the revision looked at. */
async function editRegistrationHandler(event: HttpEvent, context: RouteContext) {
  const deps = runtime();
  const conference = await findEvent(deps.events, event.pathParameters?.eventId);
  const reviewed = requiredIfMatch(event);
  const { changes } = parseOrThrow(editRequestSchema, readJsonObject(event));
  const registration = await editRegistration(deps, conference, event.pathParameters?.registrationId, changes, signedIn(context), reviewed);
  return json(200, { ...registrationView(registration), history: registration.history }, { etag: etagOf(revisionOf(registration)) });
}

export const handler = middy(editRegistrationHandler).use(apiRoute('edit-registration'));
