import middy from '@middy/core';
import { findEvent } from '#shared/actions/find-event.ts';
import { resendLink } from '#shared/actions/resend-link.ts';
import { resendRequestSchema } from '#shared/http/contract.ts';
import { readJsonObject, type HttpEvent } from '#shared/http/request.ts';
import { json } from '#shared/http/responses.ts';
import { apiRoute, signedIn, type RouteContext } from '#shared/http/route.ts';
import { parseOrThrow } from '#shared/model/errors.ts';
import { runtime } from '#shared/runtime/runtime.ts';

/** POST /events/{eventId}/registrations/{registrationId}/resend (organizers, moderators): `{"link":"confirmation"|"manage"}`, queued for the mail worker. */
async function resendRegistrationLinkHandler(event: HttpEvent, context: RouteContext) {
  const deps = runtime();
  const conference = await findEvent(deps.events, event.pathParameters?.eventId);
  const { link } = parseOrThrow(resendRequestSchema, readJsonObject(event));
  await resendLink(deps, conference, event.pathParameters?.registrationId, link, signedIn(context));
  return json(202, { queued: true });
}

export const handler = middy(resendRegistrationLinkHandler).use(apiRoute('resend-registration-link'));
