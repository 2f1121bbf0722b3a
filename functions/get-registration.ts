import middy from '@middy/core';
import { findEvent } from '#shared/actions/find-event.ts';
import { requireRegistration } from '#shared/actions/find-registration.ts';
import type { HttpEvent } from '#shared/http/request.ts';
import { json } from '#shared/http/responses.ts';
import { apiRoute } from '#shared/http/route.ts';
import { etagOf } from '#shared/model/errors.ts';
import { registrationView, revisionOf } from '#shared/model/registration.ts';
import { runtime } from '#shared/runtime/runtime.ts';

/** GET /events/{eventId}/registrations/{registrationId} (staff): every field, the e-mail status and the full history; the ETag is its revision. */
async function getRegistrationHandler(event: HttpEvent) {
  const deps = runtime();
  const conference = await findEvent(deps.events, event.pathParameters?.eventId);
  const registration = await requireRegistration(deps.registrations, conference.id, event.pathParameters?.registrationId);
  return json(200, { ...registrationView(registration), history: registration.history }, { etag: etagOf(revisionOf(registration)) });
}

export const handler = middy(getRegistrationHandler).use(apiRoute('get-registration'));
