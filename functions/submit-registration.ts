import middy from '@middy/core';
import { findEvent } from '#shared/actions/find-event.ts';
import { submitRegistration } from '#shared/actions/submit-registration.ts';
import { readJsonObject, type HttpEvent } from '#shared/http/request.ts';
import { json } from '#shared/http/responses.ts';
import { apiRoute } from '#shared/http/route.ts';
import { runtime } from '#shared/runtime/runtime.ts';

/**
 * POST /events/{eventId}/registrations. The same bytes whatever happened (new, pending, already
 * confirmed, honeypot), so the answer reveals nothing about which addresses are registered.
 */
async function submitRegistrationHandler(event: HttpEvent) {
  const deps = runtime();
  const body = readJsonObject(event);
  const conference = await findEvent(deps.events, event.pathParameters?.eventId);
  const outcome = await submitRegistration(deps, conference, body);
  deps.log.info('registration_submitted', { eventId: conference.id, outcome });
  return json(202, { status: 'pending_confirmation' });
}

export const handler = middy(submitRegistrationHandler).use(apiRoute('submit-registration'));
