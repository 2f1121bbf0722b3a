import middy from '@middy/core';
import { inviteFocalPoints } from '#shared/actions/delegations.ts';
import { findEvent } from '#shared/actions/find-event.ts';
import { focalPointInvitationsSchema } from '#shared/http/delegation-contract.ts';
import { readJsonObject, type HttpEvent } from '#shared/http/request.ts';
import { json } from '#shared/http/responses.ts';
import { apiRoute, signedIn, type RouteContext } from '#shared/http/route.ts';
import { parseOrThrow } from '#shared/model/errors.ts';
import { runtime } from '#shared/runtime/runtime.ts';

/** POST /events/{eventId}/delegations/focal-points (organizers): entity and address pairs; each gets a private link by e-mail (the mail worker sends it). */
async function inviteFocalPointsHandler(event: HttpEvent, context: RouteContext) {
  const deps = runtime();
  const conference = await findEvent(deps.events, event.pathParameters?.eventId);
  const { invitations } = parseOrThrow(focalPointInvitationsSchema, readJsonObject(event));
  return json(202, await inviteFocalPoints(deps, conference, invitations, signedIn(context)));
}

export const handler = middy(inviteFocalPointsHandler).use(apiRoute('invite-focal-points'));
